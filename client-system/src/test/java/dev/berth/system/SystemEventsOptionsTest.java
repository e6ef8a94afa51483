package dev.berth.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventsOptionsTest {
  @Test
  void eventsOptionsRejectAWindowThatEndsBeforeItStarts() {
    Instant now = Instant.now();
    assertThrows(IllegalArgumentException.class,
        () -> SystemEventsOptions.builder().since(now).until(now.minusSeconds(1)).build());
  }

  @Test
  void eventTimestampsAreSentWithNanoseconds() {
    assertEquals("1700000000.000000005", SystemEventsOptions.timestamp(Instant.ofEpochSecond(1700000000L, 5)));
    assertEquals("1700000000.120000000", SystemEventsOptions.timestamp(Instant.ofEpochSecond(1700000000L, 120_000_000)));
  }
}
