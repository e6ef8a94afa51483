package dev.berth.pods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.ConflictException;
import dev.berth.client.EngineClient;
import dev.berth.client.FrameReader;
import dev.berth.client.NotFoundException;
import dev.berth.client.ServerErrorException;
import dev.berth.containers.ContainerService;
import dev.berth.testkit.TestEngine;
import dev.berth.types.pods.PlayKubeReport;
import dev.berth.types.pods.Pod;
import dev.berth.types.pods.PodContainer;
import dev.berth.types.pods.PodSummary;
import dev.berth.types.system.EngineKind;
import dev.berth.types.system.Ping;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Pods on a real Podman engine through its libpod API, run by {@link PodServiceTest} (Podman 4.3)
 * and {@link Podman5PodServiceTest} (Podman 5); where the two answer differently, the case asserts
 * each engine's answer ({@link #podman5()}). Every pod runs in network mode
 * {@code none} (only a loopback device), is uniquely named and labelled, and is removed (with its
 * containers) after each test. Containers stop with a zero stop timeout so a forced removal does
 * not wait Podman's default 10 s for a shell that ignores {@code SIGTERM} as PID 1.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class PodServiceCases {
  private TestEngine engine;
  private PodService pods;

  /** Whether the engine under test is Podman 5 (else Podman 4.3). */
  abstract boolean podman5();

  @BeforeEach
  void service(TestEngine engine) {
    this.engine = engine;
    this.pods = PodService.create(engine.client());
  }

  @AfterEach
  void removeTheTestsPods() {
    // before the test kit removes the labelled containers: a pod's infra container cannot go first
    for (PodSummary p : pods.list(o -> o.label(TestEngine.LABEL + "=" + engine.labels().get(TestEngine.LABEL)))) {
      try {
        pods.remove(p.id(), o -> o.force(true));
      } catch (NotFoundException e) {
        // removed by the test
      }
    }
  }

  private String pod(String prefix) {
    String name = engine.uniqueName(prefix);
    pods.create(name, o -> o.labels(engine.labels()).networkMode("none"));
    return name;
  }

  private String container(String pod, String... command) {
    return pods.createContainer(pod, engine.image(), o -> o.labels(engine.labels()).command(command)
        .stopTimeout(Duration.ZERO)).id();
  }

  private static String logs(ContainerService containers, String id) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FrameReader frames = containers.logs(id)) {
      frames.copyTo(out, out);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theClientDetectsPodmanAndItsLibpodVersionFromThePing() {
    EngineClient client = engine.client();
    Ping ping = client.ping();
    assertEquals(EngineKind.PODMAN, client.engineKind());
    assertTrue(ping.server().startsWith("Libpod/"), ping.server());
    assertEquals(Optional.of(ping.libpodApiVersion()), client.libpodApiVersion());
    assertTrue(client.libpodApiVersion().get().matches("[0-9]+\\.[0-9]+\\.[0-9]+"), client.libpodApiVersion().get());
  }

  @Test
  void libpodCallsUseTheEnginesLibpodVersionAndCompatCallsTheNegotiatedOne() {
    Targets targets = new Targets(engine.doer());
    EngineClient client = EngineClient.builder(targets).build();
    PodService.create(client).list();
    ContainerService.create(client).list();
    String libpod = client.libpodApiVersion().orElseThrow();
    assertEquals(List.of("GET /_ping", "GET /v" + libpod + "/libpod/pods/json", "GET /v" + client.apiVersion()
        + "/containers/json"), targets.lines);
  }

  @Test
  void aPodRunsAContainerWhoseLogsAreReadThenStopsAndIsRemoved() {
    ContainerService containers = ContainerService.create(engine.client());
    String name = pod("pod");
    assertTrue(pods.exists(name));
    Pod created = pods.inspect(name);
    assertEquals(name, created.name());
    assertEquals("Created", created.state());
    assertEquals(engine.labels(), created.labels());
    assertEquals(true, created.createInfra());
    assertTrue(created.sharedNamespaces().contains("net"), created.sharedNamespaces().toString());
    assertEquals(1, created.numContainers(), "the infra container");

    String app = container(name, "sh", "-c", "echo hello from the pod; echo oops >&2; exit 3");
    assertTrue(pods.start(name));
    assertEquals(3, containers.wait(app).statusCode());
    assertEquals("hello from the pod\noops\n", logs(containers, app));

    Pod running = pods.inspect(name);
    assertEquals(2, running.numContainers());
    // Podman 5's wait returns before the container's clean-up: "stopped" until it ran, "exited" after
    List<String> exitedStates = podman5() ? List.of("exited", "stopped") : List.of("exited");
    assertTrue(running.containers().stream().anyMatch(c -> c.id().equals(app) && exitedStates.contains(c.state())),
        running.containers().toString());
    assertTrue(running.containers().stream().anyMatch(c -> c.id().equals(running.infraContainerId())
        && c.state().equals("running")), running.containers().toString());
    assertEquals("Degraded", running.state(), "Podman 4.3: some containers running, some exited");

    List<PodContainer> inPod = pods.containers(name);
    assertEquals(2, inPod.size(), inPod.toString());
    PodContainer appEntry = inPod.stream().filter(c -> c.id().equals(app)).findFirst().orElseThrow();
    assertEquals(false, appEntry.infra());
    assertEquals(name, appEntry.podName());
    assertEquals(created.id(), appEntry.pod());
    assertEquals(3, appEntry.exitCode());
    assertEquals(List.of("sh", "-c", "echo hello from the pod; echo oops >&2; exit 3"), appEntry.command());
    assertEquals("none", containers.inspect(running.infraContainerId()).hostConfig().networkMode(),
        "the pod's network namespace has only a loopback device");

    // a Degraded pod starts its exited containers again: the app runs a second time
    assertTrue(pods.start(name));
    assertEquals(3, containers.wait(app).statusCode());
    assertEquals("hello from the pod\noops\nhello from the pod\noops\n", logs(containers, app));
    // Podman 4.3 stops only a Running pod: a Degraded one is a 304 and its infra container runs on
    assertFalse(pods.stop(name, o -> o.timeout(Duration.ZERO)));
    assertEquals("Degraded", pods.inspect(name).state());
    pods.kill(name);
    assertEquals("Exited", pods.inspect(name).state());
    pods.remove(name);
    assertFalse(pods.exists(name));
    assertThrows(NotFoundException.class, () -> containers.inspect(app), "the pod's containers go with it");
  }

  @Test
  void aRunningPodStopsIsKilledAndNeedsForceToBeRemovedWhileItRuns() {
    String name = pod("kill");
    String app = container(name, "sleep", "60");
    assertTrue(pods.start(name));
    assertFalse(pods.start(name), "Podman 4.3 answers 304 when every container runs");
    ServerErrorException running = assertThrows(ServerErrorException.class, () -> pods.remove(name));
    assertTrue(running.getMessage().contains("cannot remove container"), running.getMessage());
    assertTrue(pods.exists(name));

    assertTrue(pods.stop(name, o -> o.timeout(Duration.ZERO)));
    assertEquals("Exited", pods.inspect(name).state());
    assertFalse(pods.stop(name), "stopping a stopped pod is Podman 4.3's 304");

    assertTrue(pods.start(name));
    pods.kill(name, o -> o.signal("SIGKILL"));
    List<PodContainer> after = pods.containers(name);
    assertTrue(after.stream().allMatch(c -> c.exited()), after.toString());
    assertEquals(137, after.stream().filter(c -> c.id().equals(app)).findFirst().orElseThrow().exitCode());
    ConflictException nothingRuns = assertThrows(ConflictException.class, () -> pods.kill(name));
    assertTrue(nothingRuns.getMessage().contains("no running containers"), nothingRuns.getMessage());

    pods.start(name);
    pods.remove(name, o -> o.force(true));
    assertFalse(pods.exists(name));
  }

  @Test
  void listFindsPodsByLabelNameAndStatus() {
    String a = pod("list-a");
    String b = pod("list-b");
    container(b, "sleep", "60");
    pods.start(b);
    String mine = TestEngine.LABEL + "=" + engine.labels().get(TestEngine.LABEL);
    assertEquals(List.of(a, b), names(pods.list(o -> o.label(mine))));
    assertEquals(List.of(a), names(pods.list(o -> o.label(mine).name(a))));
    assertEquals(List.of(b), names(pods.list(o -> o.label(mine).status("running"))));
    assertEquals(List.of(a), names(pods.list(o -> o.label(mine).status("created"))));
    PodSummary listed = pods.list(o -> o.name(b)).get(0);
    assertEquals("Running", listed.status());
    assertEquals(2, listed.containers().size());
    assertEquals(List.of(), listed.networks(), "network mode none: no network");
    ServerErrorException bogus = assertThrows(ServerErrorException.class, () -> pods.list(o -> o.filter("bogus", "x")));
    assertTrue(bogus.getMessage().contains("invalid filter"), bogus.getMessage());
  }

  private static List<String> names(List<PodSummary> list) {
    return list.stream().map(PodSummary::name).sorted().collect(Collectors.toList());
  }

  @Test
  void unknownPodsAreNotFoundAndANameInUseIsAConflict() {
    String missing = engine.uniqueName("missing");
    assertFalse(pods.exists(missing));
    assertThrows(NotFoundException.class, () -> pods.inspect(missing));
    assertThrows(NotFoundException.class, () -> pods.start(missing));
    assertThrows(NotFoundException.class, () -> pods.stop(missing));
    assertThrows(NotFoundException.class, () -> pods.kill(missing));
    assertThrows(NotFoundException.class, () -> pods.remove(missing, o -> o.force(true)));
    assertEquals(List.of(), pods.containers(missing));
    ServerErrorException noPod = assertThrows(ServerErrorException.class,
        () -> pods.createContainer(missing, engine.image(), PodCreateContainerOptions.DEFAULT));
    assertTrue(noPod.getMessage().contains("no such pod"), "Podman 4.3 answers 500 here: " + noPod.getMessage());

    String name = pod("dup");
    ConflictException dup = assertThrows(ConflictException.class, () -> pods.create(name, o -> o.labels(engine.labels())));
    assertTrue(dup.getMessage().contains("in use"), dup.getMessage());
  }

  @Test
  void aPodWithoutInfraSharesNothing() {
    String name = engine.uniqueName("noinfra");
    pods.create(name, o -> o.labels(engine.labels()).infra(false));
    Pod p = pods.inspect(name);
    assertEquals(false, p.createInfra());
    assertEquals(0, p.numContainers());
    assertEquals(null, p.infraContainerId(), "Podman 4.3 leaves it out");
  }

  @Test
  void playKubeRunsAPodFromYamlAndTearsItDown() {
    ContainerService containers = ContainerService.create(engine.client());
    String name = engine.uniqueName("kube");
    // the imported test image sets no PATH, and play kube adds none: commands need absolute paths
    String yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: " + name + "\n  labels:\n    "
        + TestEngine.LABEL + ": \"" + engine.labels().get(TestEngine.LABEL) + "\"\nspec:\n  restartPolicy: Never\n"
        + "  containers:\n  - name: app\n    image: " + engine.image() + "\n"
        + "    command: [\"/bin/sh\", \"-c\", \"echo hello from kube\"]\n";
    PlayKubeReport report = pods.playKube(yaml, o -> o.network("none"));
    assertEquals(1, report.pods().size(), report.toString());
    PlayKubeReport.CreatedPod created = report.pods().get(0);
    assertEquals(List.of(), created.containerErrors());
    String app = created.containers().get(0);
    assertEquals(0, containers.wait(app).statusCode());
    assertEquals("hello from kube\n", logs(containers, app));
    Pod pod = pods.inspect(name);
    assertEquals(created.id(), pod.id());
    assertEquals("none", containers.inspect(pod.infraContainerId()).hostConfig().networkMode());
    assertEquals(name + "-app", containers.inspect(app).name().replaceFirst("^/", ""));

    ServerErrorException again = assertThrows(ServerErrorException.class, () -> pods.playKube(yaml, o -> o.network("none")));
    assertTrue(again.getMessage().contains("in use"), "Podman 4.3 answers 500 for a name in use: " + again.getMessage());

    PlayKubeReport down = pods.playKubeDown(yaml);
    assertEquals(List.of(created.id()), down.removed().stream().map(PlayKubeReport.PodRef::id).collect(Collectors.toList()));
    assertFalse(pods.exists(name));
  }
}
