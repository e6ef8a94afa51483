package dev.berth.tracing.opentelemetry;

import dev.berth.client.ApiVersion;
import dev.berth.client.BerthException;
import dev.berth.client.ClientListener;
import dev.berth.transport.Doer;
import dev.berth.transport.Endpoint;
import dev.berth.transport.Request;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerBuilder;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OpenTelemetry tracing for berth: a {@link Doer} decorator that makes one CLIENT span per
 * request, and a {@link ClientListener} that marks a span failed when the client throws for it
 * (an error inside a 200 progress stream, an unreadable answer). Thread-safe; one instance serves
 * any number of doers and clients, and holds nothing that needs closing.
 *
 * <pre>{@code
 * BerthTelemetry telemetry = BerthTelemetry.create(openTelemetry);
 * Endpoint endpoint = Endpoint.parse("unix:///var/run/docker.sock");
 * EngineClient client = EngineClient.builder(telemetry.wrap(Http1Doer.of(endpoint.dialer()), endpoint))
 *     .listener(telemetry.clientListener())
 *     .build();
 * }</pre>
 *
 * <p>Spans are named by the operation id ({@code ContainerStart}), or by the HTTP method alone
 * when a request has none: never by a raw path, which holds ids. A span ends when the caller
 * closes its response or raw stream (after reading it to the end, a failure, or early: closing
 * early is not an error), so it covers all the caller did with it.
 * No request header value, body or credential is ever recorded.
 */
public final class BerthTelemetry {
  /** The instrumentation scope name. */
  static final String SCOPE = "dev.berth";

  private final Tracer tracer;
  private final TextMapPropagator propagator; // null: nothing to inject
  /** Open spans by the request instance the decorator received (identity: Request has no equals). */
  final ConcurrentHashMap<Request, TracingDoer.Call> open = new ConcurrentHashMap<>();
  private final ClientListener clientListener = new Listener();

  private BerthTelemetry(Builder b) {
    TracerBuilder tb = b.openTelemetry.getTracerProvider().tracerBuilder(SCOPE);
    String version = version();
    if (version != null) {
      tb.setInstrumentationVersion(version);
    }
    this.tracer = tb.build();
    TextMapPropagator p = b.openTelemetry.getPropagators().getTextMapPropagator();
    this.propagator = b.propagation && !p.fields().isEmpty() ? p : null;
  }

  /** Tracing with {@code openTelemetry}'s tracer and text-map propagator, with default settings. */
  public static BerthTelemetry create(OpenTelemetry openTelemetry) {
    return builder(openTelemetry).build();
  }

  /** A builder for tracing with {@code openTelemetry}'s tracer and text-map propagator. */
  public static Builder builder(OpenTelemetry openTelemetry) {
    return new Builder(openTelemetry);
  }

  /**
   * {@code doer} with a span around every request. Closing the returned doer closes
   * {@code doer}. Put this decorator outermost, so that it sees the request the client sent.
   */
  public Doer wrap(Doer doer) {
    return new TracingDoer(this, doer, null);
  }

  /**
   * As {@link #wrap(Doer)}, with {@code server.address}, {@code server.port} and
   * {@code network.transport} taken from {@code endpoint} (for a Unix socket the socket path is
   * the address and the transport is {@code unix}).
   */
  public Doer wrap(Doer doer, Endpoint endpoint) {
    return new TracingDoer(this, doer, Objects.requireNonNull(endpoint, "endpoint"));
  }

  /**
   * The listener to set with {@link dev.berth.client.EngineClient.Builder#listener}: when the
   * client throws for a request whose span is still open, the span gets status ERROR and
   * {@code berth.error} (and, when the HTTP status did not already give one, {@code error.type})
   * set to the exception's simple class name. The exception's message is not recorded.
   */
  public ClientListener clientListener() {
    return clientListener;
  }

  Tracer tracer() {
    return tracer;
  }

  TextMapPropagator propagator() {
    return propagator;
  }

  /** Spans started by this instance's doers and not yet ended; for tests. */
  int openSpans() {
    return open.size();
  }

  private static String version() {
    try (InputStream in = BerthTelemetry.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return null;
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version");
      return v == null || v.isEmpty() || v.startsWith("${") ? null : v;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private final class Listener implements ClientListener {
    @Override
    public void callFailed(Request request, ApiVersion apiVersion, BerthException error) {
      TracingDoer.Call call = open.get(request);
      if (call != null) {
        call.failed(error);
      }
    }

    @Override
    public String toString() {
      return "BerthTelemetry.clientListener";
    }
  }

  /** Configures {@link BerthTelemetry}; not thread-safe. */
  public static final class Builder {
    private final OpenTelemetry openTelemetry;
    private boolean propagation = true;

    private Builder(OpenTelemetry openTelemetry) {
      this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
    }

    /**
     * Whether to inject the trace context ({@code traceparent} and whatever else the text-map
     * propagator writes) into request headers (default {@code true}). The engine ignores these
     * headers; a proxy or sidecar in front of it may use them.
     */
    public Builder propagation(boolean propagation) {
      this.propagation = propagation;
      return this;
    }

    /** The telemetry. */
    public BerthTelemetry build() {
      return new BerthTelemetry(this);
    }
  }
}
