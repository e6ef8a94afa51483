package dev.berth.system;

import static dev.berth.testkit.RecordingDoer.line;
import static dev.berth.testkit.RecordingDoer.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testkit.RecordingDoer;
import dev.berth.client.EngineClient;
import dev.berth.client.EngineException;
import dev.berth.client.InvalidRequestException;
import dev.berth.client.NotFoundException;
import dev.berth.client.ServerErrorException;
import dev.berth.client.UnavailableException;
import dev.berth.transport.InMemoryResponse;
import dev.berth.types.system.DiskUsage;
import dev.berth.types.system.EngineKind;
import dev.berth.types.system.Ping;
import dev.berth.types.system.SystemInfo;
import dev.berth.types.system.SystemVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import dev.berth.client.JsonStream;
import dev.berth.client.MalformedResponseException;
import dev.berth.transport.Request;
import dev.berth.types.system.Event;
import dev.berth.types.system.EventType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the system operations put on the wire, through a recording Doer: no engine needed. */
class SystemRequestShapeTest {
  private final RecordingDoer doer = new RecordingDoer();
  private final SystemService system = SystemService.create(EngineClient.builder(doer).apiVersion("1.41").build());

  @Test
  void diskUsageTypesNeedApi142AndAreSentOneParameterEach() {
    dev.berth.client.UnsupportedApiVersionException e = assertThrows(dev.berth.client.UnsupportedApiVersionException.class,
        () -> system.diskUsage(o -> o.type(SystemDiskUsageOptions.Type.IMAGE)));
    assertEquals(dev.berth.client.ApiVersion.of(1, 42), e.required());
    assertTrue(doer.requests.isEmpty(), "refused before anything is sent");
    doer.answer(200, "{}").answer(200, "{}");
    SystemService newer = SystemService.create(EngineClient.builder(doer).apiVersion("1.42").build());
    newer.diskUsage(o -> o.type(SystemDiskUsageOptions.Type.BUILD_CACHE).type(SystemDiskUsageOptions.Type.IMAGE));
    newer.diskUsage(SystemDiskUsageOptions.DEFAULT);
    assertEquals("GET /v1.42/system/df", line(doer.requests.get(0)));
    assertEquals("type=image&type=build-cache", query(doer.requests.get(0)), "in the enum's order");
    assertEquals("", query(doer.requests.get(1)));
    assertEquals(java.util.Set.of(SystemDiskUsageOptions.Type.VOLUME),
        SystemDiskUsageOptions.builder().type(SystemDiskUsageOptions.Type.VOLUME).build().toBuilder().build().types());
  }

  @Test
  void eventsSendTheWindowAndTypedFilters() {
    doer.answer(200, "{\"Type\":\"container\",\"Action\":\"start\"}\n");
    Instant since = Instant.ofEpochSecond(100, 5);
    try (JsonStream<Event> events = system.events(o -> o.since(since).until(since.plusSeconds(1))
        .type(EventType.CONTAINER, EventType.IMAGE).filter("type", "pod").event("start"))) {
      assertEquals(EventType.CONTAINER, events.next().type());
      assertFalse(events.hasNext());
    }
    Request r = doer.only();
    assertEquals("GET /v1.41/events", line(r));
    assertEquals("since=100.000000005&until=101.000000005&filters={\"type\":[\"container\",\"image\",\"pod\"],"
        + "\"event\":[\"start\"]}", query(r));
    assertEquals(null, r.readTimeout(), "the read timeout bounds the wait for the head");
    assertEquals(Duration.ZERO, r.bodyReadTimeout(), "an event stream waits as long as it takes");
  }

  @Test
  void eventsWithoutOptionsSendNoQuery() {
    doer.answer(200, "");
    system.events().close();
    assertEquals("", query(doer.only()));
  }

  @Test
  void theUnknownEventTypeIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> SystemEventsOptions.builder().type(EventType.UNKNOWN));
    assertThrows(NullPointerException.class, () -> SystemEventsOptions.builder().type((EventType) null));
  }

  @Test
  void anEmptyAnswerIsMalformedNotNull() {
    doer.answer(200, "");
    assertThrows(MalformedResponseException.class, system::version);
  }

  @Test
  void toBuilderCopiesWithoutSharingFilters() {
    SystemEventsOptions one = SystemEventsOptions.builder().type(EventType.NETWORK).build();
    SystemEventsOptions two = one.toBuilder().label("a=b").build();
    assertTrue(one.filters().asMap().get("label") == null);
    assertEquals(one.filters().asMap().get("type"), two.filters().asMap().get("type"));
  }

  // ---------------------------------------------------------------- every other method (issue 14)

  @AfterEach
  void everyResponseIsClosedByTheEndOfTheTest() {
    assertTrue(doer.allClosed(), "a response was left open: " + doer.responses);
  }

  @Test
  void pingIsUnversionedAndReadsTheHeaders() {
    doer.answer(InMemoryResponse.builder(200).header("Api-Version", "1.41").header("Ostype", "linux")
        .header("Server", "Docker/20.10.24 (linux)").body("OK".getBytes(StandardCharsets.UTF_8), "text/plain").build());
    Ping ping = system.ping();
    Request r = doer.only();
    assertEquals("GET /_ping", line(r));
    assertEquals("", query(r));
    assertEquals("1.41", ping.apiVersion());
    assertEquals("linux", ping.osType());
    assertEquals(EngineKind.DOCKER, ping.kind());
  }

  @Test
  void versionInfoAndDiskUsageDecodeTheirAnswers() {
    doer.answer(200, "{\"Version\":\"20.10.24\",\"ApiVersion\":\"1.41\",\"Components\":[{\"Name\":\"Engine\"}]}");
    doer.answer(200, "{\"ID\":\"node-1\",\"Containers\":4}");
    doer.answer(200, "{\"LayersSize\":10,\"Images\":[{\"Id\":\"i1\"},{\"Id\":\"i2\"}],\"Containers\":[],\"Volumes\":[]}");
    SystemVersion version = system.version();
    SystemInfo info = system.info();
    DiskUsage df = system.diskUsage();
    assertEquals(List.of("GET /v1.41/version", "GET /v1.41/info", "GET /v1.41/system/df"),
        doer.requests.stream().map(RecordingDoer::line).toList());
    assertTrue(doer.requests.stream().allMatch(r -> r.query().isEmpty() && r.body() == null));
    assertEquals("20.10.24", version.version());
    assertEquals("Engine", version.components().get(0).name());
    assertEquals("node-1", info.id());
    assertEquals(4, info.containers());
    assertEquals(10L, df.layersSize());
    assertEquals(2, df.images().size());
  }

  @Test
  void theEventStreamHoldsItsResponseUntilClosed() {
    doer.answer(200, "{\"Type\":\"container\",\"Action\":\"start\",\"Actor\":{\"ID\":\"abc\"}}\n"
        + "{\"Type\":\"image\",\"Action\":\"pull\"}\n");
    JsonStream<Event> events = system.events(SystemEventsOptions.DEFAULT);
    Event first = events.next();
    assertEquals("start", first.action());
    assertEquals("abc", first.actor().id());
    assertFalse(doer.allClosed(), "the stream holds its response");
    events.close();
    assertTrue(doer.allClosed());
    assertEquals("GET /v1.41/events", line(doer.only()));
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of(500, ServerErrorException.class, (Consumer<SystemService>) SystemService::info),
        Arguments.of(404, NotFoundException.class, (Consumer<SystemService>) SystemService::version),
        Arguments.of(503, UnavailableException.class, (Consumer<SystemService>) SystemService::diskUsage),
        Arguments.of(400, InvalidRequestException.class, (Consumer<SystemService>) s -> s.events(o -> o.filter("x", "y"))),
        Arguments.of(500, ServerErrorException.class, (Consumer<SystemService>) SystemService::ping));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("errors")
  void errorStatusesAreTypedAndTheResponseIsClosed(int status, Class<? extends EngineException> type,
      Consumer<SystemService> call) {
    doer.answer(status, "{\"message\":\"engine says no\"}");
    EngineException e = assertThrows(type, () -> call.accept(system));
    assertEquals(status, e.status());
    assertEquals("engine says no", e.engineMessage());
    assertTrue(doer.allClosed());
  }
}
