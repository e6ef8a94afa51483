package dev.berth.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.ApiVersion;
import dev.berth.client.JsonStream;
import dev.berth.client.UnsupportedApiVersionException;
import dev.berth.testkit.TestEngine;
import dev.berth.transport.Request;
import dev.berth.types.system.ContainerdInfo;
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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * System-service tests that run against each real engine: {@link SystemServiceTest} (Docker) and
 * {@link PodmanSystemServiceTest} (Podman's Docker-compatible API). Where the engines differ, the
 * test asks {@link #podman()} and asserts what that engine does, with the difference named.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class SystemServiceCases {
  /** Whether the engine under test is Podman. */
  abstract boolean podman();

  /** Whether the engine under test is Podman 5 ({@link Podman5SystemServiceTest}). */
  boolean podman5() {
    return false;
  }

  @Test
  void pingTellsTheEngineAndItsApiVersion(TestEngine engine) {
    Ping ping = SystemService.create(engine.client()).ping();
    assertEquals(podman() ? EngineKind.PODMAN : EngineKind.DOCKER, ping.kind());
    assertNotNull(ping.apiVersion());
    assertTrue(ping.apiVersion().startsWith("1."), ping.apiVersion());
    assertEquals(ping.apiVersion(), engine.client().apiVersion().toString(), "negotiated to what the engine serves");
    if (podman()) {
      assertTrue(ping.libpodApiVersion().matches("\\d+\\.\\d+\\.\\d+.*"), ping.libpodApiVersion());
      assertTrue(ping.server().startsWith("Libpod/"), ping.server());
      // the engine is the one the subclass names: Podman 4.3 serves Docker's API 1.41, Podman 5 1.44
      assertEquals(podman5() ? "5." : "4.", ping.libpodApiVersion().substring(0, 2), ping.libpodApiVersion());
      assertEquals(podman5() ? "1.44" : "1.41", ping.apiVersion());
    } else {
      assertEquals("linux", ping.osType()); // (Podman 4.3 sends no OSType header)
    }
  }

  @Test
  void versionReportsTheEngineComponent(TestEngine engine) {
    SystemVersion v = SystemService.create(engine.client()).version();
    assertEquals(engine.client().ping().apiVersion(), v.apiVersion());
    assertEquals("linux", v.os());
    String component = podman() ? "Podman Engine" : "Engine";
    assertTrue(v.components().stream().anyMatch(c -> c.name().equals(component)), v.components().toString());
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
    int counted = info.containersRunning() + info.containersPaused() + info.containersStopped();
    if (podman()) {
      // Podman counts a created (never started) container as none of running, paused, stopped
      assertTrue(counted <= info.containers(), info.toString());
    } else {
      assertTrue(info.containersStopped() >= 1, "our created container counts as stopped");
      assertEquals(info.containers(), counted);
    }
  }

  @Test
  void infoTellsTheContainerdAndFirewallOfNewerEngines(TestEngine engine) {
    SystemInfo info = SystemService.create(engine.client()).info();
    assertEquals(List.of(), info.discoveredDevices(), "no device drivers here: empty, never null");
    if (!podman() && engine.apiAtLeast(1, 47)) {
      // Docker 28.5: the containerd it runs (ours, under the instance's exec root) and its namespaces
      assertTrue(info.containerd().address().endsWith("/containerd.sock"), info.containerd().toString());
      assertEquals(new ContainerdInfo.Namespaces("moby", "plugins.moby"), info.containerd().namespaces());
      if (info.firewallBackend() != null) { // (28.5 with the containerd store leaves it out here)
        assertEquals("iptables", info.firewallBackend().driver());
        assertEquals(List.of(), info.firewallBackend().info());
      }
    } else {
      // Docker 20.10 (API 1.41) and Podman 4.3 send neither
      assertNull(info.containerd());
      assertNull(info.firewallBackend());
    }
  }

  @Test
  void diskUsageOfChosenTypesOnlyNeedsApi142(TestEngine engine) {
    SystemService system = SystemService.create(engine.client());
    if (!engine.apiAtLeast(1, 42)) {
      // Docker 20.10 and Podman 4.3 (both API 1.41) would ignore the parameter: refused before I/O
      UnsupportedApiVersionException e = assertThrows(UnsupportedApiVersionException.class,
          () -> system.diskUsage(o -> o.type(SystemDiskUsageOptions.Type.IMAGE)));
      assertEquals(ApiVersion.of(1, 42), e.required());
      return;
    }
    engine.createContainer("true");
    DiskUsage images = system.diskUsage(o -> o.type(SystemDiskUsageOptions.Type.IMAGE));
    // Podman's compatible df (4.3 and 5; only 5 serves API 1.42) names an image by its tag alone
    String named = podman() ? engine.image().substring(engine.image().lastIndexOf(':') + 1) : engine.image();
    assertTrue(images.images().stream().anyMatch(i -> i.repoTags().contains(named)), images.images().toString());
    DiskUsage containers = system.diskUsage(o -> o.type(SystemDiskUsageOptions.Type.CONTAINER)
        .type(SystemDiskUsageOptions.Type.VOLUME));
    assertFalse(containers.containers().isEmpty());
    if (podman5()) {
      // Podman 5 serves API 1.44 but ignores the type parameter: every kind, every time
      assertFalse(images.containers().isEmpty(), "Podman 5 computed the containers too");
      assertFalse(containers.images().isEmpty(), "Podman 5 computed the images too");
      return;
    }
    assertEquals(List.of(), images.containers(), "only the images were computed");
    assertEquals(List.of(), containers.images(), "only containers and volumes were computed");
  }

  @Test
  void diskUsageListsTheTestImage(TestEngine engine) {
    // by id: Podman 4.3's df reports the tag "localhost/busybox:local" as ["local"]
    Map<?, ?> inspect = engine.client().call(Request.get("/images/" + engine.image() + "/json").build(), Map.class);
    String id = String.valueOf(inspect.get("Id")).replaceFirst("^sha256:", "");
    DiskUsage df = SystemService.create(engine.client()).diskUsage();
    assertTrue(df.images().stream().anyMatch(i -> i.id().replaceFirst("^sha256:", "").equals(id) && i.size() > 0),
        "image " + id + " in " + df.images());
    if (!podman()) {
      assertTrue(df.images().stream().anyMatch(i -> i.repoTags().contains(engine.image())), "images: " + df.images());
      assertTrue(df.layersSize() > 0);
    }
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
        .type(EventType.CONTAINER).label(TestEngine.LABEL + "=" + engine.labels().get(TestEngine.LABEL)))) {
      while (events.hasNext()) {
        Event e = events.next();
        assertEquals(EventType.CONTAINER, e.type());
        assertEquals(id, e.actor().id());
        actions.add(e.action());
      }
    }
    // Podman adds "init" before start and "cleanup" after die
    if (podman()) {
      actions.removeAll(List.of("init", "cleanup"));
    }
    assertEquals(List.of("create", "start", "die"), actions.subList(0, 3), "actions: " + actions);
  }

  @Test
  void followingEventsSeesNewEventsAndStopsWhenClosedFromAnotherThread(TestEngine engine) throws Exception {
    SystemService system = SystemService.create(engine.client());
    JsonStream<Event> events = system.events(o -> o.type(EventType.CONTAINER)
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
}
