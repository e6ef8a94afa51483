package dev.berth.tracing.opentelemetry;

import static dev.berth.tracing.opentelemetry.TestTelemetry.attr;
import static dev.berth.tracing.opentelemetry.TracingDoer.BERTH_API_VERSION;
import static dev.berth.tracing.opentelemetry.TracingDoer.BERTH_ERROR;
import static dev.berth.tracing.opentelemetry.TracingDoer.BERTH_OPERATION;
import static dev.berth.tracing.opentelemetry.TracingDoer.BERTH_RAW_BYTES_READ;
import static dev.berth.tracing.opentelemetry.TracingDoer.BERTH_RAW_BYTES_WRITTEN;
import static dev.berth.tracing.opentelemetry.TracingDoer.ERROR_TYPE;
import static dev.berth.tracing.opentelemetry.TracingDoer.HTTP_REQUEST_METHOD;
import static dev.berth.tracing.opentelemetry.TracingDoer.HTTP_RESPONSE_BODY_SIZE;
import static dev.berth.tracing.opentelemetry.TracingDoer.HTTP_RESPONSE_STATUS_CODE;
import static dev.berth.tracing.opentelemetry.TracingDoer.NETWORK_TRANSPORT;
import static dev.berth.tracing.opentelemetry.TracingDoer.SERVER_ADDRESS;
import static dev.berth.tracing.opentelemetry.TracingDoer.SERVER_PORT;
import static dev.berth.tracing.opentelemetry.TracingDoer.URL_TEMPLATE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.EngineClient;
import dev.berth.client.MalformedResponseException;
import dev.berth.client.NotFoundException;
import dev.berth.client.TransportException;
import dev.berth.transport.Dialers;
import dev.berth.transport.Doer;
import dev.berth.transport.Endpoint;
import dev.berth.transport.Headers;
import dev.berth.transport.Http1Doer;
import dev.berth.transport.InMemoryResponse;
import dev.berth.transport.RawStream;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The decorator against an in-memory doer: what a real engine cannot be made to do on demand. */
class BerthTelemetryTest {
  private static final Request START = Request.post("/v1.41/containers/0123456789ab/start")
      .operation("ContainerStart", "/containers/{id}/start").build();

  private final TestTelemetry otel = new TestTelemetry();
  private final BerthTelemetry telemetry = BerthTelemetry.create(otel.sdk);

  @AfterEach
  void nothingLeftOpen() {
    otel.assertNothingOpen(telemetry);
    otel.close();
  }

  /** Records what it receives and answers with {@link #answer}. */
  static final class Fake implements Doer {
    interface Answer {
      Response answer(Request r) throws IOException;
    }

    final List<Request> received = new CopyOnWriteArrayList<>();
    final Answer answer;

    Fake(Answer answer) {
      this.answer = answer;
    }

    static Fake answering(int status, String body) {
      return new Fake(r -> InMemoryResponse.builder(status).body(body.getBytes(StandardCharsets.UTF_8), "text/plain").build());
    }

    @Override
    public Response send(Request r) throws IOException {
      received.add(r);
      return answer.answer(r);
    }

    @Override
    public RawStream sendRaw(Request r) throws IOException {
      received.add(r);
      return new FakeRaw(answer.answer(r));
    }

    @Override
    public void close() {}
  }

  /** A raw stream whose input is the body of a response, recording what is written. */
  static final class FakeRaw implements RawStream {
    final Response head;
    final ByteArrayOutputStream written = new ByteArrayOutputStream();

    FakeRaw(Response head) {
      this.head = head;
    }

    @Override
    public int status() {
      return head.status();
    }

    @Override
    public Headers headers() {
      return head.headers();
    }

    @Override
    public InputStream input() {
      return head.body().stream();
    }

    @Override
    public OutputStream output() {
      return written;
    }

    @Override
    public void closeOutput() {}

    @Override
    public void close() {
      head.close();
    }
  }

  private static byte[] readAll(Response r) throws IOException {
    try (r) {
      return r.body().stream().readAllBytes();
    }
  }

  @Test
  void aSpanIsNamedByTheOperationAndCarriesHttpAttributes() throws IOException {
    Doer doer = telemetry.wrap(Fake.answering(204, ""), Endpoint.parse("tcp://127.0.0.1:2375"));
    readAll(doer.send(START));
    SpanData span = otel.only("ContainerStart");
    assertEquals(SpanKind.CLIENT, span.getKind());
    assertEquals("POST", attr(span, HTTP_REQUEST_METHOD));
    assertEquals(204L, attr(span, HTTP_RESPONSE_STATUS_CODE));
    assertEquals("/containers/{id}/start", attr(span, URL_TEMPLATE));
    assertEquals("ContainerStart", attr(span, BERTH_OPERATION));
    assertEquals("1.41", attr(span, BERTH_API_VERSION));
    assertEquals("127.0.0.1", attr(span, SERVER_ADDRESS));
    assertEquals(2375L, attr(span, SERVER_PORT));
    assertEquals("tcp", attr(span, NETWORK_TRANSPORT));
    assertEquals(0L, attr(span, HTTP_RESPONSE_BODY_SIZE));
    assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
    assertEquals("dev.berth", span.getInstrumentationScopeInfo().getName());
    assertNotNull(span.getInstrumentationScopeInfo().getVersion());
  }

  @Test
  void aUnixEndpointGivesTheSocketPathAsAddressAndNoPort() throws IOException {
    Doer doer = telemetry.wrap(Fake.answering(200, "OK"), Endpoint.parse("unix:///var/run/docker.sock"));
    readAll(doer.send(START));
    SpanData span = otel.only("ContainerStart");
    assertEquals("/var/run/docker.sock", attr(span, SERVER_ADDRESS));
    assertNull(attr(span, SERVER_PORT));
    assertEquals("unix", attr(span, NETWORK_TRANSPORT));
  }

  @Test
  void aRequestWithoutOperationIsNamedByItsMethodAloneNeverItsPath() throws IOException {
    Doer doer = telemetry.wrap(Fake.answering(200, "{}"));
    readAll(doer.send(Request.get("/containers/0123456789ab/json").build()));
    SpanData span = otel.only("GET");
    assertNull(attr(span, URL_TEMPLATE), "without an operation the template is the raw path");
    assertNull(attr(span, BERTH_API_VERSION));
    assertNull(attr(span, SERVER_ADDRESS));
    assertFalse(span.getAttributes().toString().contains("0123456789ab"), span.getAttributes().toString());
  }

  @Test
  void apiVersionIsReadFromThePathPrefixOnly() {
    assertEquals("1.41", TracingDoer.apiVersion("/v1.41/containers/json"));
    assertEquals("1.41", TracingDoer.apiVersion("/v1.41"));
    assertNull(TracingDoer.apiVersion("/_ping"));
    assertNull(TracingDoer.apiVersion("/volumes/x"));
    assertNull(TracingDoer.apiVersion("/vx/y"));
    assertNull(TracingDoer.apiVersion("/v1a/y"));
  }

  @Test
  @SuppressWarnings("try")
  void theSpanIsAChildOfTheCallersSpanAndStaysOpenUntilTheResponseIsClosed() throws IOException {
    Doer doer = telemetry.wrap(Fake.answering(200, "0123456789"));
    Span caller = otel.callerTracer().spanBuilder("caller").startSpan();
    Response r;
    try (Scope ignored = caller.makeCurrent()) {
      r = doer.send(START);
    } finally {
      caller.end();
    }
    assertEquals(1, telemetry.openSpans());
    assertTrue(otel.berthSpans().isEmpty(), "open until the body ends");
    InputStream in = r.body().stream();
    assertEquals(4, in.readNBytes(4).length);
    assertTrue(otel.berthSpans().isEmpty());
    in.readAllBytes();
    assertTrue(otel.berthSpans().isEmpty(), "the end is the close: the span covers all the caller does");
    r.close();
    SpanData span = otel.only("ContainerStart");
    assertEquals(0, telemetry.openSpans());
    assertEquals(caller.getSpanContext().getSpanId(), span.getParentSpanId());
    assertEquals(caller.getSpanContext().getTraceId(), span.getTraceId());
    assertEquals(10L, attr(span, HTTP_RESPONSE_BODY_SIZE));
  }

  @Test
  void closingABodyEarlyIsNotAnError() throws IOException {
    Doer doer = telemetry.wrap(Fake.answering(200, "0123456789"));
    Response r = doer.send(START);
    r.body().stream().read(new byte[3]);
    r.close();
    SpanData span = otel.only("ContainerStart");
    assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
    assertEquals(3L, attr(span, HTTP_RESPONSE_BODY_SIZE));
    assertNull(attr(span, ERROR_TYPE));
  }

  @Test
  void anErrorStatusMarksTheSpanWithTheStatusAsErrorType() throws IOException {
    Doer doer = telemetry.wrap(Fake.answering(404, "{\"message\":\"No such container\"}"));
    readAll(doer.send(START));
    SpanData span = otel.only("ContainerStart");
    assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
    assertEquals("404", attr(span, ERROR_TYPE));
    assertEquals(404L, attr(span, HTTP_RESPONSE_STATUS_CODE));
  }

  @Test
  void aReadFailureThatEndsTheBodyMarksTheSpanWithTheExceptionClass() throws IOException {
    IOException broken = new java.net.SocketTimeoutException("read timed out");
    Doer doer = telemetry.wrap(new Fake(r -> new FailingBody(InMemoryResponse.builder(200).build(), broken)));
    Response r = doer.send(START);
    IOException thrown = assertThrows(IOException.class, () -> r.body().stream().read());
    assertSame(broken, thrown, "the stream's exception reaches the caller untouched");
    r.close();
    SpanData span = otel.only("ContainerStart");
    assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
    assertEquals("SocketTimeoutException", attr(span, ERROR_TYPE));
  }

  /** A response whose body fails on the first read. */
  static final class FailingBody extends dev.berth.transport.ForwardingResponse implements dev.berth.transport.ResponseBody {
    private final IOException failure;

    FailingBody(Response delegate, IOException failure) {
      super(delegate);
      this.failure = failure;
    }

    @Override
    public dev.berth.transport.ResponseBody body() {
      return this;
    }

    @Override
    public long contentLength() {
      return -1;
    }

    @Override
    public String contentType() {
      return null;
    }

    @Override
    public InputStream stream() {
      return new InputStream() {
        @Override
        public int read() throws IOException {
          throw failure;
        }
      };
    }

    @Override
    public byte[] bytes(int maxBytes) throws IOException {
      throw failure;
    }
  }

  @Test
  void anExceptionFromTheDoerIsRethrownUntouchedAndEndsTheSpan() {
    IOException refused = new java.net.ConnectException("refused");
    Doer doer = telemetry.wrap(new Fake(r -> {
      throw refused;
    }));
    assertSame(refused, assertThrows(IOException.class, () -> doer.send(START)));
    IllegalStateException bug = new IllegalStateException("bug");
    Doer buggy = telemetry.wrap(new Fake(r -> {
      throw bug;
    }));
    assertSame(bug, assertThrows(IllegalStateException.class, () -> buggy.sendRaw(START)));
    List<SpanData> spans = otel.berthSpans();
    assertEquals(2, spans.size());
    assertEquals("ConnectException", attr(spans.get(0), ERROR_TYPE));
    assertEquals("IllegalStateException", attr(spans.get(1), ERROR_TYPE));
    spans.forEach(s -> assertEquals(StatusCode.ERROR, s.getStatus().getStatusCode()));
  }

  @Test
  void anUnreachableSocketFailsWithTheSameExceptionAsWithoutTheDecorator() {
    Path missing = Path.of("/tmp/berth-no-such-dir-" + UUID.randomUUID(), "docker.sock");
    Request ping = Request.get("/_ping").operation("SystemPing", "/_ping").build();
    IOException plain;
    try (Http1Doer unwrapped = Http1Doer.of(Dialers.unix(missing))) {
      plain = assertThrows(IOException.class, () -> unwrapped.send(ping));
    }
    List<Throwable> fromInner = new CopyOnWriteArrayList<>();
    try (Http1Doer inner = Http1Doer.of(Dialers.unix(missing))) {
      Doer capturing = new dev.berth.transport.ForwardingDoer(inner) {
        @Override
        public Response send(Request request) throws IOException {
          try {
            return super.send(request);
          } catch (IOException e) {
            fromInner.add(e);
            throw e;
          }
        }
      };
      Doer wrapped = telemetry.wrap(capturing, Endpoint.parse("unix://" + missing));
      IOException traced = assertThrows(IOException.class, () -> wrapped.send(ping));
      assertEquals(plain.getClass(), traced.getClass());
      assertSame(fromInner.get(0), traced, "the very exception the doer threw");
      SpanData span = otel.only("SystemPing");
      assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
      assertEquals(plain.getClass().getSimpleName(), attr(span, ERROR_TYPE));
      // through a client the caller gets the client's usual TransportException with that cause
      EngineClient client = EngineClient.builder(wrapped).listener(telemetry.clientListener()).build();
      TransportException e = assertThrows(TransportException.class, client::ping);
      assertSame(fromInner.get(1), e.getCause());
    }
  }

  @Test
  void rawStreamsCountBytesBothWaysAndEndOnClose() throws IOException {
    Doer doer = telemetry.wrap(Fake.answering(101, "output"));
    Request attach = Request.post("/v1.41/containers/abc/attach").operation("ContainerAttach", "/containers/{id}/attach").build();
    RawStream raw = doer.sendRaw(attach);
    raw.output().write("hello".getBytes(StandardCharsets.UTF_8));
    raw.closeOutput();
    assertArrayEquals("output".getBytes(StandardCharsets.UTF_8), raw.input().readAllBytes());
    assertTrue(otel.berthSpans().isEmpty(), "a raw stream's span ends on close, not at end of input");
    raw.close();
    SpanData span = otel.only("ContainerAttach");
    assertEquals(6L, attr(span, BERTH_RAW_BYTES_READ));
    assertEquals(5L, attr(span, BERTH_RAW_BYTES_WRITTEN));
    assertEquals(101L, attr(span, HTTP_RESPONSE_STATUS_CODE));
    assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
  }

  @Test
  void traceparentIsInjectedForTheSpanOfTheCall() throws IOException {
    Fake fake = Fake.answering(204, "");
    Doer doer = telemetry.wrap(fake);
    Request withHeader = START.toBuilder().header("X-Registry-Auth", "e30=").build();
    readAll(doer.send(withHeader));
    Request sent = fake.received.get(0);
    SpanData span = otel.only("ContainerStart");
    assertEquals("00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getSpanContext().getTraceFlags().asHex(), sent.headers().first("traceparent"));
    assertEquals("e30=", sent.headers().first("X-Registry-Auth"), "the caller's headers are kept");
    assertEquals(withHeader.target(), sent.target());
    assertEquals(withHeader.operationId(), sent.operationId());
    assertNull(withHeader.headers().first("traceparent"), "the caller's request is not changed");
  }

  @Test
  void anExistingTraceparentIsReplacedNotDuplicated() throws IOException {
    Fake fake = Fake.answering(204, "");
    readAll(telemetry.wrap(fake).send(START.toBuilder().header("traceparent", "stale").build()));
    assertEquals(1, fake.received.get(0).headers().all("traceparent").size());
    assertFalse(fake.received.get(0).headers().first("traceparent").equals("stale"));
  }

  @Test
  void withoutPropagationTheRequestIsSentAsGiven() throws IOException {
    BerthTelemetry quiet = BerthTelemetry.builder(otel.sdk).propagation(false).build();
    Fake fake = Fake.answering(204, "");
    readAll(quiet.wrap(fake).send(START));
    assertSame(START, fake.received.get(0));
    assertNull(fake.received.get(0).headers().first("traceparent"));
    otel.only("ContainerStart");
  }

  @Test
  void aNoopOpenTelemetryPassesRequestAndResponseThroughUntouched() throws IOException {
    BerthTelemetry noop = BerthTelemetry.create(OpenTelemetry.noop());
    Response answer = InMemoryResponse.builder(200).build();
    Fake fake = new Fake(r -> answer);
    Response r = noop.wrap(fake).send(START);
    assertSame(START, fake.received.get(0), "no header to add: the request is not rebuilt");
    assertSame(answer, r, "nothing records: the response is not wrapped");
    assertEquals(0, noop.openSpans());
    r.close();
  }

  @Test
  void theClientListenerMarksAnOpenSpanFailedWithTheExceptionClass() throws IOException {
    Doer doer = telemetry.wrap(Fake.answering(200, "not json"));
    Response r = doer.send(START);
    telemetry.clientListener().callFailed(START, null, new MalformedResponseException("unreadable", null));
    r.close();
    SpanData span = otel.only("ContainerStart");
    assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
    assertEquals("MalformedResponseException", attr(span, ERROR_TYPE));
    assertEquals("MalformedResponseException", attr(span, BERTH_ERROR));
    assertTrue(span.getEvents().isEmpty(), "no exception event: messages are not recorded");
  }

  @Test
  void aTypedErrorForAnErrorStatusKeepsTheStatusAsErrorType() throws IOException {
    Doer doer = telemetry.wrap(Fake.answering(404, "{}"));
    Response r = doer.send(START);
    // what EngineClient would do if it told the listener before closing the error response
    telemetry.clientListener().callFailed(START, null, new NotFoundException("ContainerStart", 404, "gone"));
    r.close();
    SpanData span = otel.only("ContainerStart");
    assertEquals("404", attr(span, ERROR_TYPE));
    assertEquals("NotFoundException", attr(span, BERTH_ERROR));
  }

  @Test
  void theClientListenerIgnoresRequestsItDidNotSeeOrAlreadyEnded() throws IOException {
    telemetry.clientListener().callFailed(START, null, new MalformedResponseException("x", null));
    Doer doer = telemetry.wrap(Fake.answering(200, ""));
    readAll(doer.send(START));
    telemetry.clientListener().callFailed(START, null, new MalformedResponseException("x", null));
    assertEquals(StatusCode.UNSET, otel.only("ContainerStart").getStatus().getStatusCode());
  }

  @Test
  void oneRequestInstanceSentTwiceAtOnceKeepsBothSpans() throws IOException {
    Doer doer = telemetry.wrap(Fake.answering(200, "x"));
    Response first = doer.send(START);
    Response second = doer.send(START);
    assertEquals(1, telemetry.openSpans(), "keyed by the request instance");
    first.close();
    assertEquals(1, telemetry.openSpans(), "the first end does not drop the second's entry");
    second.close();
    assertEquals(2, otel.berthSpans().size());
  }

  @Test
  void requestHeaderValuesAreNeverRecorded() throws IOException {
    Doer doer = telemetry.wrap(Fake.answering(200, ""));
    readAll(doer.send(START.toBuilder().header("X-Registry-Auth", "c2VjcmV0LXZhbHVl")
        .header("Authorization", "Bearer secret-value").build()));
    String all = otel.berthSpans().toString();
    assertFalse(all.contains("c2VjcmV0LXZhbHVl"), all);
    assertFalse(all.contains("secret-value"), all);
  }
}
