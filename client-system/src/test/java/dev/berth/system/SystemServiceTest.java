package dev.berth.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.JsonStream;
import dev.berth.testkit.EngineTest;
import dev.berth.testkit.TestEngine;
import dev.berth.types.system.DiskUsage;
import dev.berth.types.system.EngineKind;
import dev.berth.types.system.Event;
import dev.berth.types.system.EventType;
import dev.berth.types.system.Ping;
import dev.berth.types.system.SystemInfo;
import dev.berth.types.system.SystemVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@EngineTest
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SystemServiceTest {

  @Test
  void pingTellsDockerAndItsApiVersion(TestEngine engine) {
    Ping ping = SystemService.create(engine.client()).ping();
    assertEquals(EngineKind.DOCKER, ping.kind());
    assertNotNull(ping.apiVersion());
    assertTrue(ping.apiVersion().startsWith("1."), ping.apiVersion());
    assertEquals("linux", ping.osType());
  }

  @Test
  void versionReportsTheEngineComponent(TestEngine engine) {
    SystemVersion v = SystemService.create(engine.client()).version();
    assertEquals(engine.client().ping().apiVersion(), v.apiVersion());
    assertEquals("linux", v.os());
    assertTrue(v.components().stream().anyMatch(c -> c.name().equals("Engine")), v.components().toString());
  }

  @Test
  void infoCountsTheContainersItHas(TestEngine engine) {
    // counts taken from one snapshot: other users of a shared engine may add or remove containers
    // between two calls, so the test checks the snapshot's own arithmetic and our container in it
    SystemService system = SystemService.create(engine.client());
    engine.createContainer("true");
    SystemInfo info = system.info();
    assertTrue(info.ncpu() > 0);
    assertNotNull(info.id());
    assertTrue(info.containers() >= 1);
    assertTrue(info.containersStopped() >= 1, "our created container counts as stopped");
    assertEquals(info.containers(),
        info.containersRunning() + info.containersPaused() + info.containersStopped());
  }

  @Test
  void diskUsageListsTheTestImage(TestEngine engine) {
    DiskUsage df = SystemService.create(engine.client()).diskUsage();
    assertTrue(df.images().stream().anyMatch(i -> i.repoTags().contains(engine.image())), "images: " + df.images());
    assertTrue(df.layersSize() > 0);
  }

  @Test
  void eventsBetweenSinceAndUntilReplayWhatHappenedThenEnd(TestEngine engine) throws Exception {
    SystemService system = SystemService.create(engine.client());
    Instant since = Instant.now().minusSeconds(1);
    String id = engine.createContainer("true");
    engine.start(id);
    assertEquals(0, engine.waitForExit(id));
    Instant until = Instant.now().plusSeconds(1);
    List<String> actions = new ArrayList<>();
    try (JsonStream<Event> events = system.events(o -> o.since(since).until(until)
        .type("container").label(TestEngine.LABEL + "=" + engine.labels().get(TestEngine.LABEL)))) {
      while (events.hasNext()) {
        Event e = events.next();
        assertEquals(EventType.CONTAINER, e.type());
        assertEquals(id, e.actor().id());
        actions.add(e.action());
      }
    }
    assertEquals(List.of("create", "start", "die"), actions.subList(0, 3), "actions: " + actions);
  }

  @Test
  void followingEventsSeesNewEventsAndStopsWhenClosedFromAnotherThread(TestEngine engine) throws Exception {
    SystemService system = SystemService.create(engine.client());
    JsonStream<Event> events = system.events(o -> o.type("container")
        .label(TestEngine.LABEL + "=" + engine.labels().get(TestEngine.LABEL)));
    try {
      String id = engine.createContainer("true");
      assertTrue(events.hasNext());
      Event created = events.next();
      assertEquals("create", created.action());
      assertEquals(id, created.actor().id());
      assertEquals(engine.labels().get(TestEngine.LABEL), created.actor().attributes().get(TestEngine.LABEL));

      CompletableFuture<Boolean> blocked = CompletableFuture.supplyAsync(events::hasNext);
      Thread.sleep(200);
      assertFalse(blocked.isDone(), "no more events: hasNext blocks");
      long t0 = System.nanoTime();
      events.close();
      assertFalse(blocked.get(5, TimeUnit.SECONDS), "hasNext returns false after close");
      assertTrue((System.nanoTime() - t0) / 1_000_000 < 1000);
      assertFalse(events.hasNext());
    } finally {
      events.close();
    }
  }

  @Test
  void eventsOptionsRejectAWindowThatEndsBeforeItStarts() {
    Instant now = Instant.now();
    assertThrows(IllegalArgumentException.class,
        () -> EventsOptions.builder().since(now).until(now.minusSeconds(1)).build());
  }

  @Test
  void eventTimestampsAreSentWithNanoseconds() {
    assertEquals("1700000000.000000005", EventsOptions.timestamp(Instant.ofEpochSecond(1700000000L, 5)));
    assertEquals("1700000000.120000000", EventsOptions.timestamp(Instant.ofEpochSecond(1700000000L, 120_000_000)));
  }
}
