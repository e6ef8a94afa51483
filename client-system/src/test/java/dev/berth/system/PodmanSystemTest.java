package dev.berth.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.JsonStream;
import dev.berth.testkit.PodmanTest;
import dev.berth.transport.Request;
import dev.berth.testkit.TestEngine;
import dev.berth.types.system.DiskUsage;
import dev.berth.types.system.EngineKind;
import dev.berth.types.system.Event;
import dev.berth.types.system.Ping;
import dev.berth.types.system.SystemInfo;
import dev.berth.types.system.SystemVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The system service against Podman's Docker-compatible API (a real Podman 4.3 service). */
@PodmanTest
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PodmanSystemTest {

  @Test
  void pingTellsPodmanItsLibpodVersionAndTheCompatibleApiVersion(TestEngine engine) {
    Ping ping = SystemService.create(engine.client()).ping();
    assertEquals(EngineKind.PODMAN, ping.kind());
    assertNotNull(ping.libpodApiVersion(), "Libpod-API-Version");
    assertTrue(ping.libpodApiVersion().matches("\\d+\\.\\d+\\.\\d+.*"), ping.libpodApiVersion());
    assertTrue(ping.apiVersion().startsWith("1."), ping.apiVersion());
    assertTrue(ping.server().startsWith("Libpod/"), ping.server());
    assertEquals(ping.apiVersion(), engine.client().apiVersion().toString(), "negotiated to what Podman serves");
  }

  @Test
  void versionDecodesPodmansComponents(TestEngine engine) {
    SystemVersion v = SystemService.create(engine.client()).version();
    assertEquals("linux", v.os());
    assertNotNull(v.version());
    assertTrue(v.components().stream().anyMatch(c -> c.name().contains("Podman")), v.components().toString());
  }

  @Test
  void infoCountsOurContainer(TestEngine engine) {
    SystemService system = SystemService.create(engine.client());
    engine.createContainer("true");
    SystemInfo info = system.info();
    assertTrue(info.ncpu() > 0);
    assertTrue(info.containers() >= 1);
    // Podman, unlike Docker, counts a created (never started) container in none of running,
    // paused or stopped: the three need not add up to the total
    assertTrue(info.containersRunning() + info.containersPaused() + info.containersStopped() <= info.containers());
  }

  @Test
  void diskUsageListsTheTestImage(TestEngine engine) {
    // Podman 4.3's compatible df reports the tag "localhost/busybox:local" as ["local"]: match by id
    Map<?, ?> inspect = engine.client().call(Request.get("/images/" + engine.image() + "/json").build(), Map.class);
    String id = String.valueOf(inspect.get("Id")).replaceFirst("^sha256:", "");
    DiskUsage df = SystemService.create(engine.client()).diskUsage();
    assertTrue(df.images().stream().anyMatch(i -> i.id().replaceFirst("^sha256:", "").equals(id) && i.size() > 0),
        "image " + id + " in " + df.images());
  }

  @Test
  void eventsBetweenSinceAndUntilReplayAContainersLife(TestEngine engine) {
    SystemService system = SystemService.create(engine.client());
    Instant since = Instant.now().minusSeconds(1);
    String id = engine.createContainer("true");
    engine.start(id);
    assertEquals(0, engine.waitForExit(id));
    Instant until = Instant.now().plusSeconds(1);
    List<String> actions = new ArrayList<>();
    try (JsonStream<Event> events = system.events(o -> o.since(since).until(until).type("container"))) {
      while (events.hasNext()) {
        Event e = events.next();
        if (id.equals(e.actor().id())) {
          actions.add(e.action());
        }
      }
    }
    assertTrue(actions.containsAll(List.of("create", "start", "died")) || actions.containsAll(List.of("create", "start", "die")),
        "actions: " + actions);
  }
}
