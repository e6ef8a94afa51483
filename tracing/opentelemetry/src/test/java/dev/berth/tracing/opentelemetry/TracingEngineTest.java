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
import static dev.berth.tracing.opentelemetry.TracingDoer.URL_TEMPLATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.EngineClient;
import dev.berth.client.EngineException;
import dev.berth.client.FrameReader;
import dev.berth.client.NotFoundException;
import dev.berth.client.RegistryAuth;
import dev.berth.client.StreamErrorException;
import dev.berth.containers.AttachedStream;
import dev.berth.containers.ContainerService;
import dev.berth.containers.WaitCondition;
import dev.berth.images.ImageService;
import dev.berth.testkit.EngineTest;
import dev.berth.testkit.TestEngine;
import dev.berth.testkit.TestEngines;
import dev.berth.transport.Doer;
import dev.berth.transport.Endpoint;
import dev.berth.transport.ForwardingDoer;
import dev.berth.transport.Http1Doer;
import dev.berth.transport.RawStream;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import dev.berth.types.containers.ContainerCreateRequest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Spans for real calls on the Docker test engine, through the services users call. */
@EngineTest
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TracingEngineTest {
  private final TestTelemetry otel = new TestTelemetry();
  private final BerthTelemetry telemetry = BerthTelemetry.create(otel.sdk);
  private final List<Request> sent = new CopyOnWriteArrayList<>();
  private TestEngine engine;
  private EngineClient client;

  @BeforeEach
  void connect(TestEngine engine) {
    this.engine = engine;
    Endpoint endpoint = Endpoint.parse(engine.address());
    // under the telemetry: sees the request as it goes on the wire (with traceparent)
    Doer recording = new ForwardingDoer(Http1Doer.of(engine.dialer())) {
      @Override
      public Response send(Request request) throws IOException {
        sent.add(request);
        return super.send(request);
      }

      @Override
      public RawStream sendRaw(Request request) throws IOException {
        sent.add(request);
        return super.sendRaw(request);
      }
    };
    client = EngineClient.builder(telemetry.wrap(recording, endpoint))
        .listener(telemetry.clientListener()).ownsDoer(true).build();
  }

  @AfterEach
  void nothingLeftOpen() {
    client.close();
    otel.assertNothingOpen(telemetry);
    otel.close();
  }

  private ContainerCreateRequest.Builder busybox(String... cmd) {
    return ContainerCreateRequest.builder().image(engine.image()).cmd(cmd).labels(engine.labels())
        .hostConfig(h -> h.networkMode("none"));
  }

  @Test
  @SuppressWarnings("try")
  void aContainerLifecycleMakesOneChildSpanPerOperationNamedByItsId() throws Exception {
    ContainerService containers = ContainerService.create(client);
    Span caller = otel.callerTracer().spanBuilder("caller").startSpan();
    String id;
    try (Scope ignored = caller.makeCurrent()) {
      id = containers.create(busybox("sh", "-c", "cat - >/out; echo done")
          .openStdin(true).stdinOnce(true).attachStdin(true).build()).id();
      try (AttachedStream attached = containers.attach(id, o -> o.stdin(true))) {
        assertTrue(containers.start(id));
        attached.stdin().write("hello".getBytes(StandardCharsets.UTF_8));
        attached.closeStdin();
        assertEquals("done\n", attached.output().nextFrame().text());
        assertNull(attached.output().nextFrame());
      }
      assertEquals(0, containers.wait(id, WaitCondition.NOT_RUNNING).statusCode());
      try (FrameReader logs = containers.logs(id, o -> o.follow(true))) {
        assertEquals("done\n", logs.nextFrame().text());
      }
      containers.remove(id, o -> o.force(true).volumes(true));
    } finally {
      caller.end();
    }

    List<String> names = otel.names();
    for (String op : List.of("ContainerCreate", "ContainerAttach", "ContainerStart", "ContainerWait",
        "ContainerLogs", "ContainerDelete")) {
      assertTrue(names.contains(op), op + " in " + names);
    }
    String version = client.apiVersion().toString();
    for (SpanData span : otel.berthSpans()) {
      assertEquals(caller.getSpanContext().getTraceId(), span.getTraceId(), span.getName());
      assertEquals(caller.getSpanContext().getSpanId(), span.getParentSpanId(), span.getName());
      assertEquals(SpanKind.CLIENT, span.getKind());
      assertFalse(span.getName().contains(id.substring(0, 12)), span.getName());
      assertFalse(span.getAttributes().toString().contains(id.substring(0, 12)), span.getAttributes().toString());
      assertEquals(span.getName(), attr(span, BERTH_OPERATION));
      assertEquals(engine.address().substring("unix://".length()), attr(span, SERVER_ADDRESS));
      assertEquals("unix", attr(span, NETWORK_TRANSPORT));
      if (!span.getName().equals("SystemPing")) { // the negotiation ping is unversioned
        assertEquals(version, attr(span, BERTH_API_VERSION), span.getName());
      }
      assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode(), span.getName());
    }
    SpanData start = otel.only("ContainerStart");
    assertEquals("POST", attr(start, HTTP_REQUEST_METHOD));
    assertEquals(204L, attr(start, HTTP_RESPONSE_STATUS_CODE));
    assertEquals("/containers/{id}/start", attr(start, URL_TEMPLATE));
    SpanData create = otel.only("ContainerCreate");
    assertEquals(201L, attr(create, HTTP_RESPONSE_STATUS_CODE));
    assertEquals("/containers/create", attr(create, URL_TEMPLATE));
    assertTrue(attr(create, HTTP_RESPONSE_BODY_SIZE) > 0);
    SpanData delete = otel.only("ContainerDelete");
    assertEquals("DELETE", attr(delete, HTTP_REQUEST_METHOD));
    assertEquals("/containers/{id}", attr(delete, URL_TEMPLATE));
    SpanData attach = otel.only("ContainerAttach");
    assertEquals(5L, attr(attach, BERTH_RAW_BYTES_WRITTEN), "stdin");
    assertTrue(attr(attach, BERTH_RAW_BYTES_READ) >= 8 + 5, "one multiplexed frame: done\\n");
    assertEquals("/containers/{id}/attach", attr(attach, URL_TEMPLATE));
    // the attach span covers the whole conversation, start included
    assertTrue(attach.getEndEpochNanos() > start.getEndEpochNanos());

    // every request reached the engine with the traceparent of its own span
    for (Request r : sent) {
      String traceparent = r.headers().first("traceparent");
      assertNotNull(traceparent, r.toString());
      SpanData span = otel.berthSpans().stream()
          .filter(s -> traceparent.contains(s.getSpanId())).findFirst().orElseThrow();
      assertEquals(r.operationId(), span.getName());
      assertTrue(traceparent.startsWith("00-" + caller.getSpanContext().getTraceId() + "-"));
    }
    assertEquals(sent.size(), otel.berthSpans().size());
  }

  @Test
  void aFollowedLogSpanCoversEveryReadAndIsNotAnErrorWhenClosedEarly() throws Exception {
    ContainerService containers = ContainerService.create(client);
    String id = containers.create(busybox("sh", "-c", "while true; do echo tick; sleep 0.1; done").build()).id();
    assertTrue(containers.start(id));
    long lastRead;
    try (FrameReader logs = containers.logs(id, o -> o.follow(true))) {
      for (int i = 0; i < 3; i++) {
        assertEquals("tick\n", logs.nextFrame().text());
      }
      lastRead = System.currentTimeMillis() * 1_000_000L;
      Thread.sleep(100);
      assertTrue(otel.names().stream().noneMatch("ContainerLogs"::equals), "still open while following");
      assertEquals(1, telemetry.openSpans());
    }
    SpanData logs = otel.only("ContainerLogs");
    assertTrue(logs.getEndEpochNanos() > lastRead, "ended after the last read");
    assertEquals(StatusCode.UNSET, logs.getStatus().getStatusCode(), "closing a follow is not a failure");
    assertNull(attr(logs, ERROR_TYPE));
    assertTrue(attr(logs, HTTP_RESPONSE_BODY_SIZE) >= 3 * (8 + 5), "the frames read");
    assertEquals(200L, attr(logs, HTTP_RESPONSE_STATUS_CODE));
    assertEquals("/containers/{id}/logs", attr(logs, URL_TEMPLATE));
  }

  @Test
  void inspectingAMissingContainerIsAnErrorWithTheStatusAsErrorType() {
    ContainerService containers = ContainerService.create(client);
    assertThrows(NotFoundException.class, () -> containers.inspect(engine.uniqueName("missing")));
    SpanData span = otel.only("ContainerInspect");
    assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
    assertEquals("404", attr(span, ERROR_TYPE));
    assertEquals(404L, attr(span, HTTP_RESPONSE_STATUS_CODE));
    assertEquals("/containers/{id}/json", attr(span, URL_TEMPLATE));
    // EngineClient closes an error response before it tells the listener, so the span has ended
    // and cannot also carry berth.error=NotFoundException (see aTypedErrorForAnErrorStatus... in
    // BerthTelemetryTest for what it records once the client tells the listener first)
  }

  @Test
  void pullingAMissingImageIsA404AndAFailedPushInsideTheStreamIsAStreamError() {
    ImageService images = ImageService.create(client);
    String missing = TestEngines.registry() + "/berth-does-not-exist-" + UUID.randomUUID().toString().substring(0, 8);
    // Docker 20.10 answers a pull of a missing repository with 404 (Podman would report it in the stream)
    assertThrows(NotFoundException.class, () -> images.pull(missing + ":x"));
    SpanData pull = otel.only("ImageCreate");
    assertEquals(StatusCode.ERROR, pull.getStatus().getStatusCode());
    assertEquals("404", attr(pull, ERROR_TYPE));
    assertFalse(pull.getName().contains("does-not-exist"));

    // pushing a name with no local image: the engine answers 200 and reports the error in the stream
    String absent = engine.imageName(TestEngines.registry(), "absent") + ":1";
    StreamErrorException e = assertThrows(StreamErrorException.class, () -> images.push(absent));
    SpanData push = otel.only("ImagePush");
    assertEquals(200L, attr(push, HTTP_RESPONSE_STATUS_CODE));
    assertEquals(StatusCode.ERROR, push.getStatus().getStatusCode());
    assertEquals("StreamErrorException", attr(push, ERROR_TYPE));
    assertEquals("StreamErrorException", attr(push, BERTH_ERROR));
    assertEquals("/images/{name}/push", attr(push, URL_TEMPLATE));
    assertFalse(push.toString().contains(e.engineMessage()), "the engine's message is not recorded");
  }

  @Test
  void registryCredentialsNeverReachSpanNamesAttributesOrEvents() {
    ImageService images = ImageService.create(client);
    String password = "s3cret-" + UUID.randomUUID();
    RegistryAuth wrong = RegistryAuth.basic(TestEngines.authRegistryUser(), password, TestEngines.authRegistry());
    String repository = engine.imageName(TestEngines.authRegistry(), "creds");
    // Docker 20.10: a pull the registry refuses is HTTP 500; a push of an absent image fails in the stream
    assertThrows(EngineException.class, () -> images.pull(repository + ":1", o -> o.auth(wrong)));
    assertThrows(StreamErrorException.class, () -> images.push(repository + ":1", o -> o.auth(wrong)));

    List<Request> withAuth = sent.stream().filter(r -> wrong.headerValue().equals(r.headers().first(RegistryAuth.HEADER))).toList();
    assertEquals(2, withAuth.size(), "the credentials were sent, through the decorator");
    List<SpanData> spans = otel.berthSpans();
    assertEquals(List.of("SystemPing", "ImageCreate", "ImagePush"), otel.names());
    assertEquals(StatusCode.ERROR, otel.only("ImageCreate").getStatus().getStatusCode());
    assertEquals(StatusCode.ERROR, otel.only("ImagePush").getStatus().getStatusCode());
    List<String> texts = new ArrayList<>();
    for (SpanData span : spans) {
      texts.add(span.getName());
      texts.add(span.getStatus().getDescription());
      span.getAttributes().forEach((AttributeKey<?> k, Object v) -> texts.add(k.getKey() + "=" + v));
      for (EventData event : span.getEvents()) {
        texts.add(event.getName());
        event.getAttributes().forEach((AttributeKey<?> k, Object v) -> texts.add(k.getKey() + "=" + v));
      }
      texts.add(span.toString());
    }
    for (String text : texts) {
      assertFalse(text.contains(password), "password in " + text);
      assertFalse(text.contains(wrong.headerValue()), "X-Registry-Auth in " + text);
    }
  }
}
