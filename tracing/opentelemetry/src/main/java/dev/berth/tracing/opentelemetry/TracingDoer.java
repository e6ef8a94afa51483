package dev.berth.tracing.opentelemetry;

import dev.berth.transport.Doer;
import dev.berth.transport.Endpoint;
import dev.berth.transport.ForwardingDoer;
import dev.berth.transport.ForwardingRawStream;
import dev.berth.transport.ForwardingResponse;
import dev.berth.transport.Headers;
import dev.berth.transport.RawStream;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import dev.berth.transport.StreamEnd;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.io.IOException;

/** The decorator behind {@link BerthTelemetry#wrap}: one CLIENT span per request. */
final class TracingDoer extends ForwardingDoer {
  static final AttributeKey<String> HTTP_REQUEST_METHOD = AttributeKey.stringKey("http.request.method");
  static final AttributeKey<String> HTTP_REQUEST_METHOD_ORIGINAL = AttributeKey.stringKey("http.request.method_original");
  static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE = AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<Long> HTTP_RESPONSE_BODY_SIZE = AttributeKey.longKey("http.response.body.size");
  static final AttributeKey<String> URL_TEMPLATE = AttributeKey.stringKey("url.template");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  static final AttributeKey<String> NETWORK_TRANSPORT = AttributeKey.stringKey("network.transport");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<String> BERTH_OPERATION = AttributeKey.stringKey("berth.operation");
  static final AttributeKey<String> BERTH_API_VERSION = AttributeKey.stringKey("berth.api.version");
  static final AttributeKey<String> BERTH_ERROR = AttributeKey.stringKey("berth.error");
  static final AttributeKey<Long> BERTH_RAW_BYTES_READ = AttributeKey.longKey("berth.raw.bytes_read");
  static final AttributeKey<Long> BERTH_RAW_BYTES_WRITTEN = AttributeKey.longKey("berth.raw.bytes_written");

  private final BerthTelemetry telemetry;
  private final String serverAddress; // null: unknown
  private final Long serverPort; // null: none (unix) or unknown
  private final String networkTransport; // null: unknown

  TracingDoer(BerthTelemetry telemetry, Doer delegate, Endpoint endpoint) {
    super(delegate);
    this.telemetry = telemetry;
    if (endpoint == null) {
      serverAddress = null;
      serverPort = null;
      networkTransport = null;
    } else if (endpoint.host() == null) { // unix, npipe: the socket path is the address
      serverAddress = endpoint.path();
      serverPort = null;
      networkTransport = endpoint.scheme().equals("unix") ? "unix" : "pipe";
    } else {
      serverAddress = endpoint.host();
      serverPort = (long) endpoint.port();
      networkTransport = "tcp";
    }
  }

  @Override
  @SuppressWarnings("try") // the scope only makes the span current for nested instrumentation
  public Response send(Request request) throws IOException {
    Span span = start(request);
    Request out = inject(request, span);
    if (!span.isRecording()) {
      return delegate().send(out); // nothing to record: no wrapper, no map entry
    }
    Call call = new Call(telemetry, request, span, false).register();
    Response response;
    try (Scope ignored = span.makeCurrent()) {
      response = delegate().send(out);
    } catch (Throwable t) {
      call.thrown(t);
      throw t; // the same exception, untouched
    }
    call.status(response.status());
    return ForwardingResponse.observe(response, call);
  }

  @Override
  @SuppressWarnings("try")
  public RawStream sendRaw(Request request) throws IOException {
    Span span = start(request);
    Request out = inject(request, span);
    if (!span.isRecording()) {
      return delegate().sendRaw(out);
    }
    Call call = new Call(telemetry, request, span, true).register();
    RawStream raw;
    try (Scope ignored = span.makeCurrent()) {
      raw = delegate().sendRaw(out);
    } catch (Throwable t) {
      call.thrown(t);
      throw t;
    }
    call.status(raw.status());
    return ForwardingRawStream.observe(raw, call);
  }

  private Span start(Request request) {
    String method = request.method();
    String known = knownMethod(method);
    String operation = request.operationId();
    // never the raw path: it holds ids; the template is only trusted when an operation names it
    String name = operation != null ? operation : known != null ? known : "HTTP";
    SpanBuilder b = telemetry.tracer().spanBuilder(name).setSpanKind(SpanKind.CLIENT)
        .setAttribute(HTTP_REQUEST_METHOD, known != null ? known : "_OTHER");
    if (known == null) {
      b.setAttribute(HTTP_REQUEST_METHOD_ORIGINAL, method);
    }
    if (operation != null) {
      b.setAttribute(URL_TEMPLATE, request.pathTemplate()).setAttribute(BERTH_OPERATION, operation);
    }
    if (serverAddress != null) {
      b.setAttribute(SERVER_ADDRESS, serverAddress);
    }
    if (serverPort != null) {
      b.setAttribute(SERVER_PORT, serverPort);
    }
    if (networkTransport != null) {
      b.setAttribute(NETWORK_TRANSPORT, networkTransport);
    }
    Span span = b.startSpan(); // parent: Context.current()
    if (span.isRecording()) {
      String version = apiVersion(request.path());
      if (version != null) {
        span.setAttribute(BERTH_API_VERSION, version);
      }
    }
    return span;
  }

  private Request inject(Request request, Span span) {
    TextMapPropagator propagator = telemetry.propagator();
    if (propagator == null) {
      return request;
    }
    Injector injector = new Injector(request.headers());
    propagator.inject(Context.current().with(span), injector, Injector.SETTER);
    return injector.headers == null ? request : request.toBuilder().headers(injector.headers.build()).build();
  }

  /** The version in a {@code /v1.41/...} path prefix, or {@code null}. */
  static String apiVersion(String path) {
    if (path.length() < 4 || path.charAt(1) != 'v' || !isDigit(path.charAt(2))) {
      return null;
    }
    int end = path.indexOf('/', 2);
    if (end < 0) {
      end = path.length();
    }
    for (int i = 2; i < end; i++) {
      char c = path.charAt(i);
      if (!isDigit(c) && c != '.') {
        return null;
      }
    }
    return path.substring(2, end);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The method as semantic conventions know it, or {@code null} for another one. */
  private static String knownMethod(String method) {
    switch (method) {
      case "GET":
      case "HEAD":
      case "POST":
      case "PUT":
      case "DELETE":
      case "CONNECT":
      case "OPTIONS":
      case "TRACE":
      case "PATCH":
        return method;
      default:
        return null;
    }
  }

  static String errorName(Throwable t) {
    String s = t.getClass().getSimpleName();
    return s.isEmpty() ? t.getClass().getName() : s;
  }

  /** Collects what the propagator writes; copies the headers only when it writes something. */
  private static final class Injector {
    static final TextMapSetter<Injector> SETTER = (carrier, key, value) -> {
      if (carrier != null) {
        carrier.set(key, value);
      }
    };

    private final Headers original;
    Headers.Builder headers;

    Injector(Headers original) {
      this.original = original;
    }

    void set(String key, String value) {
      if (headers == null) {
        headers = original.toBuilder();
      }
      headers.set(key, value);
    }
  }

  /** One traced call: its span, and how it ends. */
  static final class Call implements StreamEnd.Listener {
    private final BerthTelemetry telemetry;
    private final Request key;
    private final Span span;
    private final boolean raw;
    private volatile boolean errorTyped;

    Call(BerthTelemetry telemetry, Request key, Span span, boolean raw) {
      this.telemetry = telemetry;
      this.key = key;
      this.span = span;
      this.raw = raw;
    }

    /** Makes the span findable by {@link BerthTelemetry#clientListener()} until it ends. */
    Call register() {
      telemetry.open.put(key, this);
      return this;
    }

    void status(int status) {
      span.setAttribute(HTTP_RESPONSE_STATUS_CODE, (long) status);
      if (status >= 400) {
        errorTyped = true;
        span.setAttribute(ERROR_TYPE, Integer.toString(status));
        span.setStatus(StatusCode.ERROR);
      }
    }

    void thrown(Throwable t) {
      errorTyped = true;
      span.setAttribute(ERROR_TYPE, errorName(t));
      span.setStatus(StatusCode.ERROR);
      finish();
    }

    /** The client threw {@code error} for this call while the span is open. */
    void failed(Throwable error) {
      String name = errorName(error);
      span.setAttribute(BERTH_ERROR, name);
      if (!errorTyped) {
        errorTyped = true;
        span.setAttribute(ERROR_TYPE, name);
      }
      span.setStatus(StatusCode.ERROR);
    }

    @Override
    public void ended(StreamEnd end) {
      if (raw) {
        span.setAttribute(BERTH_RAW_BYTES_READ, end.bytesRead());
        span.setAttribute(BERTH_RAW_BYTES_WRITTEN, end.bytesWritten());
      } else {
        span.setAttribute(HTTP_RESPONSE_BODY_SIZE, end.bytesRead());
      }
      IOException failure = end.failure();
      if (failure != null) {
        if (!errorTyped) {
          errorTyped = true;
          span.setAttribute(ERROR_TYPE, errorName(failure));
        }
        span.setStatus(StatusCode.ERROR);
      }
      finish();
    }

    private void finish() {
      telemetry.open.remove(key, this); // another call may have sent the same Request instance
      span.end();
    }
  }
}
