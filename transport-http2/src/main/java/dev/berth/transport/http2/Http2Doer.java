package dev.berth.transport.http2;

import dev.berth.transport.Dialer;
import dev.berth.transport.Doer;
import dev.berth.transport.Endpoint;
import dev.berth.transport.Http1Doer;
import dev.berth.transport.RawStream;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import dev.berth.transport.TlsConfig;
import dev.berth.transport.TransportListener;
import dev.berth.transport.http2.internal.H2Engine;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@link Doer} over HTTP/2: every call is a stream of one shared connection. Thread-safe; close
 * it when done.
 *
 * <pre>{@code
 * Doer doer = Http2Doer.builder(Endpoint.parse("https://gateway.example:8443"))
 *     .tls(TlsConfig.fromCertPath(certDir, true))
 *     .build();
 * }</pre>
 *
 * <p>Protocols, from the endpoint: {@code https://} (or {@code tcp://} with {@link Builder#tls})
 * is h2 over TLS, chosen by ALPN; when the server picks {@code http/1.1} instead, this doer sends
 * every call through its HTTP/1.1 doer from then on. {@code http://} and {@code tcp://} without
 * TLS are h2c with prior knowledge over TCP, {@code unix://} h2c with prior knowledge over a Unix
 * socket (Docker Engine 29+ serves that on its socket; so can a proxy).
 *
 * <p>Channels: Netty's NIO transport for all three ({@code NioSocketChannel}, and for Unix sockets
 * {@code NioDomainSocketChannel} on the JDK's own Unix-domain support), so no native library is
 * loaded and one small event loop group (daemon threads, {@link Builder#ioThreads}, default 1)
 * serves every connection of the doer. TLS is the JDK's {@code SSLEngine}, set up from the same
 * {@link TlsConfig} the HTTP/1.1 transports use.
 *
 * <p>Streams: a response body is pulled from the connection only as its reader consumes it, and
 * the peer is granted window for what was pulled, so a slow or stopped reader holds back its own
 * stream only (and at most about two stream windows of memory). Closing a response before its
 * end resets that stream ({@code RST_STREAM}), nothing else. Request bodies stream as DATA frames
 * within the peer's flow-control window. A stream the peer resets, a GOAWAY that leaves it
 * unprocessed, or a connection that closes under it fails its reads with
 * {@link Http2StreamException}; the next call opens a new connection. A new connection is also
 * opened when the current one reaches the peer's limit of concurrent streams.
 *
 * <p>Raw calls ({@link #sendRaw}: attach, exec with stdin) need HTTP/1.1's protocol switch and
 * half-close, which HTTP/2 lacks: they go over a connection of their own from the HTTP/1.1 doer
 * to the same endpoint (see {@link Builder#http1}).
 *
 * <p>Observability: {@link Builder#listener} tells a {@link TransportListener} about dials,
 * streams and connections; {@link #stats()} gives gauges.
 *
 * <p>{@link #close()} refuses new calls; responses already handed out stay readable, and the
 * connections and event loop threads go away once the last of them is closed (at once when none
 * is open).
 */
public final class Http2Doer implements Doer {
  private final H2Engine engine;
  private final Doer http1;
  private final String endpoint;

  private Http2Doer(Builder b) {
    Endpoint e = b.endpoint;
    this.endpoint = e.toString();
    TlsConfig tls = b.tls;
    Path socket = null;
    switch (e.scheme()) {
      case "unix":
        if (tls != null) {
          throw new IllegalArgumentException("TLS does not apply to a Unix socket endpoint: " + e);
        }
        socket = Path.of(e.path());
        break;
      case "https":
        if (tls == null) {
          try {
            tls = TlsConfig.builder().build();
          } catch (IOException x) {
            throw new java.io.UncheckedIOException(x.getMessage(), x);
          }
        }
        break;
      case "http":
        if (tls != null) {
          throw new IllegalArgumentException("http:// means plain HTTP (h2c); use https:// or tcp:// for TLS: " + e);
        }
        break;
      case "tcp":
        break;
      default:
        throw new IllegalArgumentException("HTTP/2 needs a unix://, tcp://, http:// or https:// endpoint, not " + e);
    }
    TransportListener listener = TransportListener.guarded(b.listener);
    Doer h1 = b.http1;
    if (h1 == null) {
      Dialer d = tls != null ? e.dialer(tls) : e.dialer();
      h1 = Http1Doer.builder(d).connectTimeout(b.connectTimeout).readTimeout(b.readTimeout)
          .callTimeout(b.callTimeout).listener(listener).build();
    }
    this.http1 = h1;
    // last: the event loop group holds a selector from here on
    this.engine = new H2Engine(socket, e.host(), e.port(), tls, endpoint, b.connectTimeout, b.readTimeout,
        b.callTimeout, b.streamWindow, b.connectionWindow, b.ioThreads, listener);
  }

  /**
   * A builder for a doer reaching {@code endpoint}: {@code unix://}, {@code http://} and
   * {@code tcp://} (h2c with prior knowledge unless {@link Builder#tls} is set) or
   * {@code https://} (h2 over TLS by ALPN).
   */
  public static Builder builder(Endpoint endpoint) {
    return new Builder(endpoint);
  }

  /**
   * {@inheritDoc}
   *
   * <p>On a stream of the shared connection, or through the HTTP/1.1 doer when the TLS peer chose
   * HTTP/1.1.
   *
   * @throws Http2StreamException when the peer resets the stream or goes away before answering
   */
  @Override
  public Response send(Request request) throws IOException {
    Objects.requireNonNull(request, "request");
    Response r = engine.send(request);
    return r != null ? r : http1.send(request);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Always over HTTP/1.1, on a connection of its own from the HTTP/1.1 doer: HTTP/2 has no
   * protocol switch and no half-close.
   */
  @Override
  public RawStream sendRaw(Request request) throws IOException {
    Objects.requireNonNull(request, "request");
    if (engine.isClosed()) {
      throw new IllegalStateException("the HTTP/2 doer for " + endpoint + " is closed");
    }
    return http1.sendRaw(request);
  }

  /**
   * Whether calls travel over HTTP/2: true for h2c, and for TLS once ALPN chose h2; false once the
   * TLS peer chose HTTP/1.1 (then every call uses the HTTP/1.1 doer). Empty before the first TLS
   * connection.
   */
  public java.util.Optional<Boolean> usesHttp2() {
    if (!engine.isTls()) {
      return java.util.Optional.of(true);
    }
    H2Engine.Protocol p = engine.negotiated();
    return p == null ? java.util.Optional.empty() : java.util.Optional.of(p == H2Engine.Protocol.H2);
  }

  /** A snapshot of this doer's HTTP/2 connections and streams, for gauges and tests. Cheap. */
  public Http2Stats stats() {
    return new Http2Stats(engine.openConnections(), engine.dialed(), engine.openStreams());
  }

  /** Closes the HTTP/1.1 doer's idle connections and, once no response is open, the HTTP/2 ones. */
  @Override
  public void close() {
    engine.close();
    http1.close();
  }

  @Override
  public String toString() {
    return "Http2Doer[" + endpoint + "]";
  }

  /** Configures an {@link Http2Doer}; not thread-safe. */
  public static final class Builder {
    private final Endpoint endpoint;
    private TlsConfig tls;
    private Doer http1;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Http1Doer.DEFAULT_READ_TIMEOUT;
    private Duration callTimeout = Duration.ZERO;
    private int streamWindow = 256 * 1024;
    private int connectionWindow = 32 * 1024 * 1024;
    private int ioThreads = 1;
    private TransportListener listener = TransportListener.NONE;

    private Builder(Endpoint endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    /** TLS settings: h2 over TLS by ALPN for a {@code tcp://} or {@code https://} endpoint. */
    public Builder tls(TlsConfig tls) {
      this.tls = Objects.requireNonNull(tls, "tls");
      return this;
    }

    /**
     * The HTTP/1.1 doer for raw calls and for a TLS peer that chose HTTP/1.1; it must reach the
     * same engine, and is closed with this doer. Default: an {@link Http1Doer} over the
     * endpoint's dialer (with the TLS settings, if any), which suits peers that speak both on one
     * address (a TLS listener without ALPN, Docker Engine 29+'s socket). Set it when the HTTP/2
     * address takes nothing but HTTP/2 (nginx before 1.25 on an h2c listener).
     */
    public Builder http1(Doer http1) {
      this.http1 = Objects.requireNonNull(http1, "http1");
      return this;
    }

    /**
     * Tells {@code listener} what happens (default none), with these HTTP/2 meanings: a dial
     * (start, end or failure) for each new connection, TLS handshake and ALPN included;
     * {@code connectionAcquired} when a call's stream is opened, {@code reused} unless this call
     * dialed its connection; {@code connectionReleased} when a stream closes;
     * {@code connectionClosed} when a connection goes (GOAWAY, closed by the peer, or this doer
     * closed); then {@code requestSent}, {@code responseHeadReceived}, {@code bodyEnded} and
     * {@code callFailed} as for HTTP/1.1. The HTTP/2 connections never tell
     * {@code connectionEvicted} (they keep no pool of idle connections); the HTTP/1.1 doer below
     * does, for its own. Events come from the calling thread or the event loop,
     * so they must be quick; an exception a listener throws is logged once and ignored, never
     * failing a call. The default HTTP/1.1 doer (ALPN fallback, raw calls) tells the same
     * listener; one set with {@link #http1} keeps its own.
     */
    public Builder listener(TransportListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Limit on connecting, TLS handshake included (default 10 s; ZERO for none). */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = nonNegative(timeout, "connectTimeout");
      return this;
    }

    /**
     * Default limit on the wait for the response head and on each wait for body data, as
     * {@link Http1Doer.Builder#readTimeout(Duration)} (default {@link Http1Doer#DEFAULT_READ_TIMEOUT};
     * ZERO for none). A request's own read timeout overrides it, and its
     * {@link dev.berth.transport.Request#bodyReadTimeout() body read timeout} bounds the waits after
     * the head (ZERO for long streams: follow logs, events, wait).
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
     * The flow-control window of each stream, in bytes (default 256 KiB, at least 16 KiB): how
     * far the peer may send ahead of a reader. Memory per stream stays below about twice this.
     */
    public Builder streamWindow(int bytes) {
      if (bytes < 16 * 1024 || bytes > Integer.MAX_VALUE / 2) {
        throw new IllegalArgumentException("streamWindow must be between 16 KiB and 1 GiB: " + bytes);
      }
      this.streamWindow = bytes;
      return this;
    }

    /**
     * The flow-control window of the whole connection, in bytes (default 32 MiB): how many bytes
     * all stalled readers together may hold before the peer stops sending on every stream.
     */
    public Builder connectionWindow(int bytes) {
      if (bytes < 65_535) {
        throw new IllegalArgumentException("connectionWindow must be at least 65535: " + bytes);
      }
      this.connectionWindow = bytes;
      return this;
    }

    /** Event loop threads (daemon) serving this doer's connections (default 1). */
    public Builder ioThreads(int threads) {
      if (threads < 1 || threads > 64) {
        throw new IllegalArgumentException("ioThreads must be between 1 and 64: " + threads);
      }
      this.ioThreads = threads;
      return this;
    }

    /**
     * The doer.
     *
     * @throws IllegalArgumentException when the endpoint's scheme and the TLS settings do not fit
     */
    public Http2Doer build() {
      return new Http2Doer(this);
    }

    private static Duration nonNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative: " + d);
      }
      return d;
    }
  }
}
