package dev.berth.system;

import static dev.berth.system.RecordingDoer.line;
import static dev.berth.system.RecordingDoer.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.EngineClient;
import dev.berth.client.JsonStream;
import dev.berth.client.MalformedResponseException;
import dev.berth.transport.Request;
import dev.berth.types.system.Event;
import dev.berth.types.system.EventType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the system operations put on the wire, through a recording Doer: no engine needed. */
class SystemRequestShapeTest {
  private final RecordingDoer doer = new RecordingDoer();
  private final SystemService system = SystemService.create(EngineClient.builder(doer).apiVersion("1.41").build());

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
    assertEquals(Duration.ZERO, r.readTimeout(), "an event stream waits as long as it takes");
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
}
