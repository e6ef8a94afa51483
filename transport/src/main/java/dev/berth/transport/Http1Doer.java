package dev.berth.transport;

import dev.berth.transport.internal.Http1Engine;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@link Doer} speaking HTTP/1.1 over any {@link Dialer}, with a pool of keep-alive connections.
 * Thread-safe; close it when done.
 *
 * <pre>{@code
 * Doer doer = Http1Doer.builder(Dialers.unix(Path.of("/var/run/docker.sock"))).build();
 * }</pre>
 *
 * <p>Timeouts: the connect timeout bounds dialing (default {@link #DEFAULT_CONNECT_TIMEOUT}); the
 * call timeout bounds the wait for the response head once the request is written (default none);
 * the read timeout bounds each wait for data (default {@link #DEFAULT_READ_TIMEOUT}): the wait for
 * the response head, then each wait while the body streams, unless the request sets a
 * {@linkplain Request#bodyReadTimeout() body read timeout} for the latter (long-lived streams set
 * none). Requests may override the call and read timeouts. A call waiting for its response head is
 * also cancelled by interrupting its thread, or from any thread by the request's {@link CancelToken}
 * (then it fails with {@link CallCancelledException} and its connection is closed). Writing is not bounded: a request body the engine
 * stops reading blocks until the engine goes away (no hidden watchdog thread closes it).
 *
 * <p>Pooled connections the engine dropped while idle are detected before reuse where that is
 * cheap. A request that still fails on one before any answer arrives is retried once on a new
 * connection when its body can be sent again and either the request never fully left or its method
 * is idempotent; a POST the engine may have received is never sent twice.
 *
 * <p>Observability: {@link Builder#listener} tells a {@link TransportListener} about dialing, the
 * pool and each exchange; {@link #stats()} gives pool gauges and counters. Both cost nothing when
 * unused.
 *
 * <p>{@link #close()} closes idle connections; responses and raw streams already handed out stay
 * usable, and new calls fail with {@link IllegalStateException}.
 */
public final class Http1Doer implements Doer {
  /** The default connect timeout: 10 s. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /**
   * The default read timeout: 60 s for each wait for data. A stalled engine then fails a call
   * instead of blocking it forever; requests that legitimately wait longer override it.
   */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

  private final Http1Engine engine;

  private Http1Doer(Builder b) {
    this.engine = new Http1Engine(b.dialer, b.maxIdleConnections, b.keepAlive, b.connectTimeout,
        b.readTimeout, b.callTimeout, b.listener);
  }

  /** A builder for a doer over {@code dialer}. */
  public static Builder builder(Dialer dialer) {
    return new Builder(dialer);
  }

  /** A doer over {@code dialer} with default settings. */
  public static Http1Doer of(Dialer dialer) {
    return builder(dialer).build();
  }

  @Override
  public Response send(Request request) throws IOException {
    return engine.send(Objects.requireNonNull(request, "request"));
  }

  @Override
  public RawStream sendRaw(Request request) throws IOException {
    return engine.sendRaw(Objects.requireNonNull(request, "request"));
  }

  /** The number of idle pooled connections (for tests and metrics). */
  public int idleConnections() {
    return engine.idleConnections();
  }

  /** A snapshot of this doer's connections, for gauges and counters. Cheap; never blocks a call. */
  public ConnectionStats stats() {
    return engine.stats();
  }

  @Override
  public void close() {
    engine.close();
  }

  @Override
  public String toString() {
    return "Http1Doer[" + engine.dialer() + "]";
  }

  /** Configures an {@link Http1Doer}; not thread-safe. */
  public static final class Builder {
    private final Dialer dialer;
    private int maxIdleConnections = 8;
    private Duration keepAlive = Duration.ofSeconds(60);
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private Duration callTimeout = Duration.ZERO;
    private TransportListener listener = TransportListener.NONE;

    private Builder(Dialer dialer) {
      this.dialer = Objects.requireNonNull(dialer, "dialer");
    }

    /** Idle connections kept for reuse (default 8; 0 disables keep-alive). */
    public Builder maxIdleConnections(int max) {
      if (max < 0) {
        throw new IllegalArgumentException("maxIdleConnections must be >= 0: " + max);
      }
      this.maxIdleConnections = max;
      return this;
    }

    /** How long an idle connection is kept (default 60 s). */
    public Builder keepAlive(Duration keepAlive) {
      this.keepAlive = positive(keepAlive, "keepAlive");
      return this;
    }

    /** Limit on dialing (default 10 s; ZERO for none). */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = nonNegative(timeout, "connectTimeout");
      return this;
    }

    /**
     * Default limit on each wait for data, the response head included (default
     * {@link #DEFAULT_READ_TIMEOUT}; ZERO for none).
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = nonNegative(timeout, "readTimeout");
      return this;
    }

    /** Default limit on the time until response headers arrive (default none). */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = nonNegative(timeout, "callTimeout");
      return this;
    }

    /**
     * Tells {@code listener} about dialing, the pool and each exchange (default none). See
     * {@link TransportListener} for what it may and may not do.
     */
    public Builder listener(TransportListener listener) {
      this.listener = TransportListener.guarded(listener);
      return this;
    }

    /** The doer. */
    public Http1Doer build() {
      return new Http1Doer(this);
    }

    private static Duration nonNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative: " + d);
      }
      return d;
    }

    private static Duration positive(Duration d, String name) {
      nonNegative(d, name);
      if (d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return d;
    }
  }
}
