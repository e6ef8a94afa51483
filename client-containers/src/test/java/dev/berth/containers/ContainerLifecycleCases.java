package dev.berth.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.ConflictException;
import dev.berth.client.EngineException;
import dev.berth.client.ServerErrorException;
import dev.berth.client.InvalidRequestException;
import dev.berth.client.JsonStream;
import dev.berth.client.NotFoundException;
import dev.berth.client.NotImplementedException;
import dev.berth.testkit.TestEngine;
import dev.berth.types.containers.ContainerCreateRequest;
import dev.berth.types.containers.ContainerInspect;
import dev.berth.types.containers.ContainerStats;
import dev.berth.types.containers.ContainerSummary;
import dev.berth.types.containers.ContainerTop;
import dev.berth.types.containers.ContainerWaitResponse;
import dev.berth.types.containers.FilesystemChange;
import dev.berth.types.containers.Resources;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Container tests that run against each real engine: {@link ContainerLifecycleTest} (Docker) and
 * {@link PodmanContainerLifecycleTest} (Podman's Docker-compatible API). Where the engines differ, the test asks
 * {@link #podman()} and asserts what that engine does, with the difference named.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
abstract class ContainerLifecycleCases {
  /** Whether the engine under test is Podman. */
  abstract boolean podman();

  /** Whether the engine under test is Podman 5 ({@link Podman5ContainerLifecycleTest}). */
  boolean podman5() {
    return false;
  }

  static ContainerCreateRequest.Builder busybox(TestEngine engine, String... cmd) {
    return ContainerCreateRequest.builder().image(engine.image()).cmd(cmd).labels(engine.labels())
        .hostConfig(h -> h.networkMode("none"));
  }

  static String running(ContainerService containers, TestEngine engine, String... cmd) {
    String id = containers.create(busybox(engine, cmd).build()).id();
    assertTrue(containers.start(id));
    return id;
  }

  @Test
  void createAppliesConfigAndHostConfigAsInspectShows(TestEngine engine) {
    ContainerService containers = ContainerService.create(engine.client());
    String name = engine.uniqueName("cfg");
    ContainerCreateRequest request = ContainerCreateRequest.builder()
        .image(engine.image())
        .entrypoint("sh", "-c")
        .cmd("echo $GREETING")
        .env("GREETING=hi", "OTHER=1")
        .labels(engine.labels())
        .label("dev.berth.extra", "x")
        .workingDir("/tmp")
        .user("nobody")
        .stopSignal("SIGUSR1")
        .stopTimeout(7)
        .hostConfig(h -> h.networkMode("none")
            .resources(r -> r.memory(64L * 1024 * 1024))
            .tmpfs(Map.of("/scratch", "rw,size=1m"))
            .capDrop("NET_RAW", "CHOWN")
            .init(true)
            .restartPolicy(dev.berth.types.containers.RestartPolicy.onFailure(2)))
        .build();
    String id = containers.create(request, o -> o.name(name)).id();
    ContainerInspect c = containers.inspect(name);
    assertEquals(id, c.id());
    assertEquals("/" + name, c.name());
    assertEquals(List.of("sh", "-c"), c.config().entrypoint());
    assertEquals(List.of("echo $GREETING"), c.config().cmd());
    assertTrue(c.config().env().contains("GREETING=hi"), c.config().env().toString());
    assertEquals("x", c.config().labels().get("dev.berth.extra"));
    assertEquals("/tmp", c.config().workingDir());
    assertEquals("nobody", c.config().user());
    // Podman 4.3 reports the stop signal as its number
    assertEquals(podman() ? "10" : "SIGUSR1", c.config().stopSignal());
    assertEquals(7, c.config().stopTimeout());
    assertEquals("none", c.hostConfig().networkMode());
    assertEquals(64L * 1024 * 1024, c.hostConfig().resources().memory());
    // Podman appends its defaults: "rw,size=1m,rprivate,nosuid,nodev,tmpcopyup"
    assertTrue(c.hostConfig().tmpfs().get("/scratch").startsWith("rw,size=1m"), c.hostConfig().tmpfs().toString());
    assertTrue(c.hostConfig().capDrop().contains("CHOWN"), c.hostConfig().capDrop().toString());
    // Podman 5's default capabilities lack NET_RAW: dropping it changes nothing, and inspect omits it
    assertEquals(!podman5(), c.hostConfig().capDrop().contains("NET_RAW"), c.hostConfig().capDrop().toString());
    assertEquals(Boolean.TRUE, c.hostConfig().init());
    assertEquals("on-failure", c.hostConfig().restartPolicy().name());
    assertEquals("created", c.state().status());
  }

  @Test
  void fieldsBerthDoesNotModelAreSentAndKeptFromInspect(TestEngine engine) throws Exception {
    // every field of API 1.41-1.51 is modelled, so a future one stands in: the engine accepts
    // the create with it, and the body on the wire carries it
    java.util.List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
    dev.berth.transport.Doer recording = new dev.berth.transport.Doer() {
      @Override
      public dev.berth.transport.Response send(dev.berth.transport.Request r) throws java.io.IOException {
        if (r.body() != null) {
          java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
          r.body().writeTo(b);
          bodies.add(b.toString(java.nio.charset.StandardCharsets.UTF_8));
        }
        return engine.doer().send(r);
      }

      @Override
      public dev.berth.transport.RawStream sendRaw(dev.berth.transport.Request r) throws java.io.IOException {
        return engine.doer().sendRaw(r);
      }

      @Override
      public void close() {}
    };
    ContainerService containers = ContainerService.create(dev.berth.client.EngineClient.builder(recording).build());
    String id = containers.create(busybox(engine, "true").extra("FutureField", Map.of("on", true))
        .hostConfig(h -> h.networkMode("none").extra("FutureHostField", 7)).build()).id();
    assertTrue(bodies.get(0).contains("\"FutureField\":{\"on\":true}"), bodies.get(0));
    assertTrue(bodies.get(0).contains("\"FutureHostField\":7"), bodies.get(0));
    // what the engine has and berth does not model survives an inspect -> create round trip
    ContainerInspect inspected = containers.inspect(id);
    ContainerCreateRequest again = ContainerCreateRequest.builder().config(inspected.config())
        .hostConfig(inspected.hostConfig()).build();
    assertEquals(inspected.config().image(), again.config().image());
    if (podman()) {
      // Podman 4.3's inspect lists its default ulimits as "RLIMIT_NOFILE", a name its own create
      // refuses: the round trip cannot be completed on that engine
      assertTrue(inspected.hostConfig().resources().ulimits().stream().anyMatch(u -> u.name().startsWith("RLIMIT_")));
      return;
    }
    org.junit.jupiter.api.Assertions.assertNotEquals(id, containers.create(again).id(),
        "a second container was made from the first one's inspect output");
  }

  @Test
  void listFiltersByLabelStatusAndNameAndShowsSizes(TestEngine engine) {
    ContainerService containers = ContainerService.create(engine.client());
    String label = TestEngine.LABEL + "=" + engine.labels().get(TestEngine.LABEL);
    String stopped = containers.create(busybox(engine, "true").build()).id();
    String name = engine.uniqueName("listed");
    String up = containers.create(busybox(engine, "sleep", "60").build(), o -> o.name(name)).id();
    containers.start(up);

    List<ContainerSummary> runningOnly = containers.list(o -> o.label(label));
    assertEquals(List.of(up), runningOnly.stream().map(ContainerSummary::id).toList());
    List<ContainerSummary> all = containers.list(o -> o.all(true).label(label));
    assertEquals(2, all.size());
    assertEquals(List.of(stopped), containers.list(o -> o.all(true).label(label).status(ContainerStatus.CREATED))
        .stream().map(ContainerSummary::id).toList());
    assertEquals(List.of(up), containers.list(o -> o.all(true).label(label).name(name))
        .stream().map(ContainerSummary::id).toList());
    assertEquals(2, containers.list(o -> o.all(true).label(label).ancestor(engine.image())).size());
    ContainerSummary sized = containers.list(o -> o.all(true).label(label).size(true).id(up)).get(0);
    assertNotNull(sized.sizeRootFs());
    assertTrue(sized.sizeRootFs() > 0);
    assertEquals(1, containers.list(o -> o.all(true).label(label).limit(1)).size());
  }

  @Test
  void startAndStopReportWhetherTheyChangedAnything(TestEngine engine) {
    ContainerService containers = ContainerService.create(engine.client());
    String id = containers.create(busybox(engine, "sleep", "60").build()).id();
    assertTrue(containers.start(id));
    assertFalse(containers.start(id), "already running: the engine's 304");
    assertTrue(containers.inspect(id).state().running());
    assertTrue(containers.stop(id, o -> o.timeout(Duration.ofSeconds(1))));
    assertFalse(containers.stop(id, o -> o.timeout(Duration.ofSeconds(1))), "already stopped: the engine's 304");
    assertFalse(containers.inspect(id).state().running());
  }

  @Test
  void restartKillPauseUnpauseRenameAndUpdate(TestEngine engine) {
    ContainerService containers = ContainerService.create(engine.client());
    String id = running(containers, engine, "sleep", "60");
    String startedAt = containers.inspect(id).state().startedAt();
    containers.restart(id, o -> o.timeout(Duration.ofSeconds(1)));
    ContainerInspect restarted = containers.inspect(id);
    assertTrue(restarted.state().running());
    assertFalse(startedAt.equals(restarted.state().startedAt()), "a new start time after restart");

    containers.pause(id);
    assertTrue(containers.inspect(id).state().paused());
    containers.unpause(id);
    assertFalse(containers.inspect(id).state().paused());

    String newName = engine.uniqueName("renamed");
    containers.rename(id, newName);
    assertEquals("/" + newName, containers.inspect(id).name());

    Resources more = Resources.builder().memory(96L * 1024 * 1024).memorySwap(-1L).build();
    if (podman() && !podman5()) {
      // Podman 4.3's compatible API has no /containers/{id}/update route (a plain-text 404); 5 has it
      NotImplementedException missing = assertThrows(NotImplementedException.class, () -> containers.update(id, more));
      assertEquals(404, missing.status());
    } else {
      containers.update(id, more);
      assertEquals(96L * 1024 * 1024, containers.inspect(id).hostConfig().resources().memory());
    }

    containers.kill(id, o -> o.signal("SIGKILL"));
    ContainerWaitResponse exit = containers.wait(id, WaitCondition.NOT_RUNNING);
    assertEquals(137, exit.statusCode());
  }

  @Test
  void waitReturnsTheExitCodeForEachCondition(TestEngine engine) throws Exception {
    ContainerService containers = ContainerService.create(engine.client());
    String id = containers.create(busybox(engine, "sh", "-c", "sleep 0.3; exit 3").build()).id();
    containers.start(id);
    assertEquals(3, containers.wait(id, WaitCondition.NEXT_EXIT).statusCode());
    assertEquals(3, containers.wait(id, WaitCondition.NOT_RUNNING).statusCode(), "stopped: returns at once");

    String auto = containers.create(busybox(engine, "sh", "-c", "sleep 0.3; exit 4")
        .hostConfig(h -> h.networkMode("none").autoRemove(true)).build()).id();
    containers.start(auto);
    long code = containers.wait(auto, WaitCondition.REMOVED).statusCode();
    // Podman 4.3 answers a wait for "removed" with status 0 whatever the exit code was; 5 with the code
    assertEquals(podman() && !podman5() ? 0 : 4, code);
    assertThrows(NotFoundException.class, () -> containers.inspect(auto));
  }

  @Test
  void errorsAreTypedWithTheEnginesMessage(TestEngine engine) {
    ContainerService containers = ContainerService.create(engine.client());
    NotFoundException nf = assertThrows(NotFoundException.class, () -> containers.inspect("berth-no-such-container"));
    // Docker: "No such container: NAME"; Podman: "no container with name or ID ... found: no such container"
    assertTrue(nf.engineMessage().toLowerCase(java.util.Locale.ROOT).contains("no such container"), nf.engineMessage());

    String name = engine.uniqueName("taken");
    containers.create(busybox(engine, "true").build(), o -> o.name(name));
    // Docker answers a taken name with 409; Podman 4.3 with 500 (same message)
    Class<? extends EngineException> expected = podman() ? ServerErrorException.class : ConflictException.class;
    EngineException taken = assertThrows(EngineException.class, () -> containers.create(busybox(engine, "true").build(), o -> o.name(name)));
    assertInstanceOf(expected, taken);
    assertTrue(taken.engineMessage().contains("already in use"), taken.engineMessage());

    // a zero stop timeout: Podman 5's compatible force-remove stops a running container with its stop
    // timeout first (10 s for a shell as PID 1, which ignores SIGTERM); Docker and Podman 4.3 kill it
    String up = containers.create(busybox(engine, "sleep", "60").stopTimeout(0).build()).id();
    assertTrue(containers.start(up));
    // Docker: 409; Podman 4.3: 500 ("container state improper")
    EngineException runningRemove = assertThrows(EngineException.class, () -> containers.remove(up));
    assertInstanceOf(expected, runningRemove);
    assertTrue(runningRemove.engineMessage().toLowerCase().contains("running"), runningRemove.engineMessage());
    containers.remove(up, o -> o.force(true).volumes(true));
    assertThrows(NotFoundException.class, () -> containers.inspect(up));

    // Docker: 400 "Invalid container name"; Podman 4.3: 500 "names must match ..."
    EngineException bad = assertThrows(EngineException.class,
        () -> containers.create(busybox(engine, "true").build(), o -> o.name("bad name!")));
    Class<? extends EngineException> invalid = podman() ? ServerErrorException.class : InvalidRequestException.class;
    assertInstanceOf(invalid, bad);
    assertTrue(bad.engineMessage().contains(podman() ? "names must match" : "Invalid container name"), bad.engineMessage());

    // a route the engine does not have (Docker: JSON "page not found"; Podman: plain text) is not
    // a missing container
    NotImplementedException noRoute = assertThrows(NotImplementedException.class,
        () -> engine.client().execute(dev.berth.transport.Request.get("/containers/" + up + "/no-such-route").build()));
    assertEquals(404, noRoute.status());
  }

  @Test
  void badCallerInputFailsBeforeAnyIo(TestEngine engine) {
    ContainerService containers = ContainerService.create(engine.client());
    int before = engine.dialer().dialed();
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> containers.inspect(""));
    assertTrue(empty.getMessage().contains("id"), empty.getMessage());
    NullPointerException nullId = assertThrows(NullPointerException.class, () -> containers.inspect(null));
    assertEquals("id", nullId.getMessage());
    assertThrows(NullPointerException.class, () -> containers.stop("x", (ContainerStopOptions) null));
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
        () -> containers.stop("x", o -> o.timeout(Duration.ofSeconds(-1))));
    assertTrue(negative.getMessage().contains("timeout"), negative.getMessage());
    IllegalArgumentException noImage = assertThrows(IllegalArgumentException.class,
        () -> containers.create(ContainerCreateRequest.builder().cmd("true").build()));
    assertTrue(noImage.getMessage().contains("image"), noImage.getMessage());
    assertThrows(IllegalArgumentException.class, () -> containers.resize("x", 0, 80));
    assertThrows(IllegalArgumentException.class, () -> containers.logs("x", o -> o.stdout(false).stderr(false)));
    assertEquals(before, engine.dialer().dialed(), "nothing was sent");
  }

  @Test
  void pruneRemovesStoppedContainersMatchingTheFilter(TestEngine engine) {
    ContainerService containers = ContainerService.create(engine.client());
    String stopped = containers.create(busybox(engine, "true").build()).id();
    String up = running(containers, engine, "sleep", "60");
    var result = containers.prune(o -> o.label(TestEngine.LABEL + "=" + engine.labels().get(TestEngine.LABEL)));
    assertEquals(List.of(stopped), result.containersDeleted());
    assertThrows(NotFoundException.class, () -> containers.inspect(stopped));
    assertTrue(containers.inspect(up).state().running());
  }

  @Test
  void topChangesAndExportShowTheContainersInsides(TestEngine engine) throws Exception {
    ContainerService containers = ContainerService.create(engine.client());
    String id = running(containers, engine, "sh", "-c", "echo x > /newfile; rm /bin/true; sleep 60");
    Thread.sleep(300);
    ContainerTop top = containers.top(id);
    // Docker splits ps output into columns (CMD: "sleep 60"); Podman 4.3 leaves busybox ps's
    // header and rows as one cell each ("PID USER COMMAND", "1 root sleep 60")
    assertTrue(String.join(" ", top.titles()).matches(".*\\b(CMD|COMMAND)\\b.*"), top.titles().toString());
    assertTrue(top.processes().stream().anyMatch(p -> String.join(" ", p).contains("sleep 60")), top.processes().toString());

    List<FilesystemChange> changes = containers.changes(id);
    assertTrue(changes.stream().anyMatch(c -> c.path().equals("/newfile") && c.kind() == 1), changes.toString());
    assertTrue(changes.stream().anyMatch(c -> c.path().equals("/bin/true") && c.kind() == 2), changes.toString());

    try (InputStream tar = containers.exportStream(id)) {
      Map<String, byte[]> entries = Tars.read(tar);
      assertEquals("x\n", new String(entries.get("newfile")));
      assertTrue(entries.containsKey("bin/busybox"));
      assertFalse(entries.containsKey("bin/true"));
    }
  }

  @Test
  void statsOnceAndStreamedHaveRealNumbers(TestEngine engine) {
    ContainerService containers = ContainerService.create(engine.client());
    String id = running(containers, engine, "sh", "-c", "while true; do :; done");
    ContainerStats once = containers.stats(id);
    assertTrue(once.memoryStats().usage() > 0, "memory usage");
    assertTrue(once.pidsStats().current() >= 1, "pids");
    assertTrue(once.cpuStats().cpuUsage().totalUsage() > 0, "cpu");
    try (JsonStream<ContainerStats> stream = containers.statsStream(id)) {
      long first = stream.next().cpuStats().cpuUsage().totalUsage();
      long second = stream.next().cpuStats().cpuUsage().totalUsage();
      assertTrue(second > first, "a busy loop uses CPU between samples: " + first + " -> " + second);
    }
  }

  @Test
  void inspectWithSizeOptionComputesSizes(TestEngine engine) {
    ContainerService containers = ContainerService.create(engine.client());
    String id = running(containers, engine, "sh", "-c", "head -c 100000 /dev/zero > /blob; sleep 60");
    try {
      Thread.sleep(300);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    ContainerInspect c = containers.inspect(id, o -> o.size(true));
    assertTrue(c.sizeRw() >= 100000, "SizeRw " + c.sizeRw());
    assertTrue(c.sizeRootFs() > c.sizeRw());
  }
}
