package dev.berth.pods;

import static dev.berth.testkit.RecordingDoer.body;
import static dev.berth.testkit.RecordingDoer.line;
import static dev.berth.testkit.RecordingDoer.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.ConflictException;
import dev.berth.client.EngineClient;
import dev.berth.client.MalformedResponseException;
import dev.berth.client.NotFoundException;
import dev.berth.client.UnsupportedEngineException;
import dev.berth.testkit.RecordingDoer;
import dev.berth.transport.InMemoryResponse;
import dev.berth.transport.Request;
import dev.berth.types.pods.PlayKubeReport;
import dev.berth.types.pods.Pod;
import dev.berth.types.pods.PodContainer;
import dev.berth.types.pods.PodSummary;
import dev.berth.types.system.EngineKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the pod operations put on the wire, through a recording Doer: no engine needed. The
 * client's first request is the {@code /_ping} that tells it the engine and its libpod version.
 */
class PodRequestShapeTest {
  private final RecordingDoer doer = new RecordingDoer();
  private final EngineClient client = EngineClient.builder(doer).apiVersion("1.41").build();
  private final PodService pods = PodService.create(client);

  @AfterEach
  void everyResponseIsClosedByTheEndOfTheTest() {
    assertTrue(doer.allClosed(), "a response was left open: " + doer.responses);
  }

  private static InMemoryResponse ping(String... headers) {
    InMemoryResponse.Builder b = InMemoryResponse.builder(200);
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return b.body("OK".getBytes(StandardCharsets.UTF_8), "text/plain").build();
  }

  /** Podman 4.3.1's ping headers, as the engine here sends them. */
  private void podman() {
    doer.answer(ping("Api-Version", "1.41", "Libpod-Api-Version", "4.3.1", "Server", "Libpod/4.3.1 (linux)"));
  }

  /** The request after the detection ping. */
  private Request sent() {
    assertEquals("GET /_ping", line(doer.requests.get(0)));
    assertEquals(2, doer.requests.size(), "one ping, one call: " + doer.requests);
    return doer.requests.get(1);
  }

  @Test
  void createSendsNameLabelsNamespacesAndNetworkModeUnderTheLibpodVersion() {
    podman();
    doer.answer(201, "{\"Id\":\"p1\"}");
    String id = pods.create("web", o -> o.label("a", "b").share("ipc", "net").networkMode("none").hostname("h")
        .exitPolicy("stop"));
    assertEquals("p1", id);
    Request r = sent();
    assertEquals("POST /v4.3.1/libpod/pods/create", line(r));
    assertEquals("PodCreateLibpod", r.operationId());
    assertEquals("{\"name\":\"web\",\"labels\":{\"a\":\"b\"},\"share\":[\"ipc\",\"net\"],\"netns\":{\"nsmode\":\"none\"},"
        + "\"hostname\":\"h\",\"exit_policy\":\"stop\"}", body(r));
  }

  @Test
  void createWithoutInfraSaysSoAndRefusesANetworkModeBeforeSending() {
    podman();
    doer.answer(201, "{\"Id\":\"p1\"}");
    pods.create("web", o -> o.infra(false));
    assertEquals("{\"name\":\"web\",\"no_infra\":true}", body(sent()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> pods.create("web", o -> o.infra(false).networkMode("none")));
    assertTrue(e.getMessage().contains("infra"), e.getMessage());
    assertEquals(2, doer.requests.size());
  }

  @Test
  void createWithoutAnIdIsMalformed() {
    podman();
    doer.answer(201, "{}");
    assertThrows(MalformedResponseException.class, () -> pods.create("web"));
  }

  @Test
  void listSendsFiltersAndDecodesPodsWithTheirContainers() {
    podman();
    doer.answer(200, "[{\"Cgroup\":\"/libpod_parent\",\"Containers\":[{\"Id\":\"c1\",\"Names\":\"p-infra\",\"Status\":\"running\"}],"
        + "\"Created\":\"2026-12-07T06:22:31Z\",\"Id\":\"p1\",\"InfraId\":\"c1\",\"Name\":\"web\",\"Namespace\":\"\","
        + "\"Networks\":[],\"Status\":\"Running\",\"Labels\":{\"a\":\"b\"},\"Future\":1}]");
    List<PodSummary> list = pods.list(o -> o.label("a=b").name("web").status("running").id("p"));
    Request r = sent();
    assertEquals("GET /v4.3.1/libpod/pods/json", line(r));
    assertEquals("filters={\"label\":[\"a=b\"],\"name\":[\"web\"],\"status\":[\"running\"],\"id\":[\"p\"]}", query(r));
    PodSummary p = list.get(0);
    assertEquals("web", p.name());
    assertEquals("Running", p.status());
    assertEquals("c1", p.infraId());
    assertEquals(Map.of("a", "b"), p.labels());
    assertEquals("p-infra", p.containers().get(0).names());
    assertEquals(List.of(), p.networks());
  }

  @Test
  void inspectDecodesStateNamespacesAndContainers() {
    podman();
    doer.answer(200, "{\"Id\":\"p1\",\"Name\":\"web\",\"State\":\"Running\",\"ExitPolicy\":\"continue\",\"Labels\":null,"
        + "\"CreateInfra\":true,\"InfraContainerID\":\"c1\",\"SharedNamespaces\":[\"ipc\",\"net\",\"uts\"],"
        + "\"NumContainers\":2,\"Containers\":[{\"Id\":\"c1\",\"Name\":\"p-infra\",\"State\":\"running\"},"
        + "{\"Id\":\"c2\",\"Name\":\"app\",\"State\":\"exited\"}],\"InfraConfig\":{\"HostNetwork\":false}}");
    Pod p = pods.inspect("web");
    assertEquals("GET /v4.3.1/libpod/pods/web/json", line(sent()));
    assertEquals("Running", p.state());
    assertEquals(true, p.createInfra());
    assertEquals(List.of("ipc", "net", "uts"), p.sharedNamespaces());
    assertEquals(2, p.numContainers());
    assertEquals("exited", p.containers().get(1).state());
    assertEquals(Map.of(), p.labels(), "null maps decode as empty");
  }

  @Test
  void inspectOfAnUnknownPodIsNotFound() {
    podman();
    doer.answer(404, "{\"cause\":\"no such pod\",\"message\":\"no pod with name or ID x found: no such pod\",\"response\":404}");
    NotFoundException e = assertThrows(NotFoundException.class, () -> pods.inspect("x"));
    assertTrue(e.getMessage().contains("PodInspectLibpod GET /libpod/pods/{name}/json"), e.getMessage());
    assertTrue(e.getMessage().contains("no such pod"), e.getMessage());
  }

  @Test
  void existsIsTrueFor204AndFalseFor404() {
    podman();
    doer.answer(204, "");
    doer.answer(404, "{\"message\":\"no pod with name or ID x found: no such pod\"}");
    assertTrue(pods.exists("web"));
    assertFalse(pods.exists("x"));
    assertEquals("GET /v4.3.1/libpod/pods/web/exists", line(doer.requests.get(1)));
    assertEquals("GET /v4.3.1/libpod/pods/x/exists", line(doer.requests.get(2)));
  }

  @Test
  void startAndStopTellA304AsFalse() {
    podman();
    doer.answer(200, "{\"Errs\":null,\"Id\":\"p1\"}");
    doer.answer(304, "");
    doer.answer(200, "{\"Errs\":null,\"Id\":\"p1\"}");
    doer.answer(304, "");
    assertTrue(pods.start("web"));
    assertFalse(pods.start("web"));
    assertTrue(pods.stop("web", o -> o.timeout(Duration.ofMillis(1500))));
    assertFalse(pods.stop("web"));
    assertEquals("POST /v4.3.1/libpod/pods/web/start", line(doer.requests.get(1)));
    assertEquals("POST /v4.3.1/libpod/pods/web/stop", line(doer.requests.get(3)));
    assertEquals("t=2", query(doer.requests.get(3)), "whole seconds, rounded up");
    assertEquals("", query(doer.requests.get(4)));
    assertEquals(Duration.ZERO, doer.requests.get(3).readTimeout(), "a stop may take as long as the containers need");
  }

  @Test
  void killSendsTheSignalAndMapsConflict() {
    podman();
    doer.answer(200, "{\"Errs\":null,\"Id\":\"p1\"}");
    doer.answer(409, "{\"message\":\"cannot kill a pod with no running containers: p1\",\"response\":409}");
    pods.kill("web", o -> o.signal("SIGTERM"));
    assertEquals("POST /v4.3.1/libpod/pods/web/kill", line(doer.requests.get(1)));
    assertEquals("signal=SIGTERM", query(doer.requests.get(1)));
    assertThrows(ConflictException.class, () -> pods.kill("web"));
    assertEquals("", query(doer.requests.get(2)));
    assertThrows(IllegalArgumentException.class, () -> PodKillOptions.builder().signal("SIG TERM"));
  }

  @Test
  void removeSendsForceOnlyWhenAsked() {
    podman();
    doer.answer(200, "{\"Err\":null,\"Id\":\"p1\"}");
    doer.answer(200, "{\"Err\":null,\"Id\":\"p1\"}");
    pods.remove("web");
    pods.remove("web", o -> o.force(true));
    assertEquals("DELETE /v4.3.1/libpod/pods/web", line(doer.requests.get(1)));
    assertEquals("", query(doer.requests.get(1)));
    assertEquals("force=true", query(doer.requests.get(2)));
  }

  @Test
  void createContainerSendsThePodImageCommandEnvLabelsAndStopTimeout() {
    podman();
    doer.answer(201, "{\"Id\":\"c2\",\"Warnings\":[]}");
    String id = pods.createContainer("web", "localhost/busybox:local", o -> o.name("app").command("sh", "-c", "echo hi")
        .env("A", "1").label("k", "v").stopTimeout(Duration.ofSeconds(1))).id();
    assertEquals("c2", id);
    Request r = sent();
    assertEquals("POST /v4.3.1/libpod/containers/create", line(r));
    assertEquals("{\"name\":\"app\",\"image\":\"localhost/busybox:local\",\"pod\":\"web\",\"command\":[\"sh\",\"-c\",\"echo hi\"],"
        + "\"env\":{\"A\":\"1\"},\"labels\":{\"k\":\"v\"},\"stop_timeout\":1}", body(r));
  }

  @Test
  void containersListsEveryContainerOfThePod() {
    podman();
    doer.answer(200, "[{\"Id\":\"c1\",\"Names\":[\"p-infra\"],\"IsInfra\":true,\"State\":\"running\",\"Pod\":\"p1\","
        + "\"PodName\":\"web\",\"Command\":null,\"Labels\":null},{\"Id\":\"c2\",\"Names\":[\"app\"],\"IsInfra\":false,"
        + "\"State\":\"exited\",\"Exited\":true,\"ExitCode\":3,\"Command\":[\"sh\"],\"PodName\":\"web\"}]");
    List<PodContainer> list = pods.containers("web");
    Request r = sent();
    assertEquals("GET /v4.3.1/libpod/containers/json", line(r));
    assertEquals("all=true&filters={\"pod\":[\"web\"]}", query(r));
    assertEquals(true, list.get(0).infra());
    assertEquals(List.of(), list.get(0).command());
    assertEquals(3, list.get(1).exitCode());
  }

  @Test
  void playKubeSendsTheYamlWithNetworksAndStartAndDecodesTheReport() {
    podman();
    doer.answer(200, "{\"Pods\":[{\"ID\":\"p1\",\"Containers\":[\"c1\"],\"InitContainers\":null,\"Logs\":null,"
        + "\"ContainerErrors\":[\"starting container c1: not found\"]}],\"Volumes\":null,\"StopReport\":null,\"RmReport\":null}");
    PlayKubeReport report = pods.playKube("kind: Pod\n", o -> o.network("none").start(false));
    Request r = sent();
    assertEquals("POST /v4.3.1/libpod/play/kube", line(r));
    assertEquals("network=none&start=false", query(r));
    assertEquals("kind: Pod\n", body(r));
    assertEquals("application/x-yaml", r.body().contentType());
    assertEquals(Duration.ZERO, r.readTimeout());
    assertEquals(List.of("c1"), report.pods().get(0).containers());
    assertEquals(List.of(), report.pods().get(0).initContainers());
    assertEquals(1, report.pods().get(0).containerErrors().size());
    assertEquals(List.of(), report.removed());
  }

  @Test
  void playKubeDownSendsTheYamlAndListsWhatItRemoved() {
    podman();
    doer.answer(200, "{\"Pods\":null,\"StopReport\":[{\"Errs\":null,\"Id\":\"p1\"}],\"RmReport\":[{\"Err\":null,\"Id\":\"p1\"}]}");
    PlayKubeReport report = pods.playKubeDown("kind: Pod\n");
    Request r = sent();
    assertEquals("DELETE /v4.3.1/libpod/play/kube", line(r));
    assertEquals("kind: Pod\n", body(r));
    assertEquals("p1", report.stopped().get(0).id());
    assertEquals("p1", report.removed().get(0).id());
    assertEquals(List.of(), report.pods());
  }

  @Test
  void argumentsAreCheckedBeforeAnythingIsSent() {
    assertThrows(NullPointerException.class, () -> pods.inspect(null));
    assertThrows(IllegalArgumentException.class, () -> pods.remove(" "));
    assertThrows(NullPointerException.class, () -> pods.create("web", (PodCreateOptions) null));
    assertThrows(IllegalArgumentException.class, () -> pods.stop("web", o -> o.timeout(Duration.ofSeconds(-1))));
    assertThrows(IllegalArgumentException.class, () -> pods.inspect("../containers/x"));
    assertEquals(List.of(), doer.requests);
  }

  @Test
  void onDockerEveryPodCallFailsAfterThePingWithoutSendingIt() {
    doer.answer(ping("Api-Version", "1.41", "Server", "Docker/20.10.24+dfsg1 (linux)"));
    UnsupportedEngineException e = assertThrows(UnsupportedEngineException.class, () -> pods.create("web"));
    assertEquals(EngineKind.PODMAN, e.required());
    assertEquals(EngineKind.DOCKER, e.actual());
    assertTrue(e.getMessage().startsWith("PodCreateLibpod POST /libpod/pods/create needs a Podman"), e.getMessage());
    assertThrows(UnsupportedEngineException.class, () -> pods.list());
    assertThrows(UnsupportedEngineException.class, () -> pods.exists("web"));
    assertEquals(List.of("GET /_ping"), doer.requests.stream().map(RecordingDoer::line).toList(),
        "the engine is pinged once and no pod request reaches it");
    assertEquals(EngineKind.DOCKER, client.engineKind());
    assertEquals(Optional.empty(), client.libpodApiVersion());
  }

  @Test
  void anUnreadableLibpodVersionIsMalformedAndNeverBecomesAPath() {
    doer.answer(ping("Libpod-Api-Version", "4.3.1/../../containers", "Server", "Libpod/4.3.1 (linux)"));
    assertThrows(MalformedResponseException.class, () -> pods.list());
    assertEquals(List.of("GET /_ping"), doer.requests.stream().map(RecordingDoer::line).toList());
  }

  @Test
  void aPodmanPingWithoutTheLibpodVersionIsMalformedNotAnotherEngine() {
    doer.answer(ping("Api-Version", "1.41", "Server", "Libpod/4.3.1 (linux)"));
    MalformedResponseException e = assertThrows(MalformedResponseException.class, () -> pods.list());
    assertTrue(e.getMessage().contains("Libpod-API-Version"), e.getMessage());
    assertEquals(EngineKind.PODMAN, client.engineKind());
    assertEquals(Optional.empty(), client.libpodApiVersion());
    assertEquals(List.of("GET /_ping"), doer.requests.stream().map(RecordingDoer::line).toList());
  }

  @Test
  void aNegotiatingClientLearnsTheEngineFromItsOnePing() {
    RecordingDoer own = new RecordingDoer();
    own.answer(ping("Api-Version", "1.41", "Libpod-Api-Version", "4.3.1", "Server", "Libpod/4.3.1 (linux)"));
    own.answer(200, "[]");
    own.answer(200, "[]");
    EngineClient negotiating = EngineClient.builder(own).build();
    assertEquals(List.of(), PodService.create(negotiating).list());
    negotiating.execute(Request.get("/containers/json").build());
    assertEquals(EngineKind.PODMAN, negotiating.engineKind());
    assertEquals(Optional.of("4.3.1"), negotiating.libpodApiVersion());
    assertEquals(List.of("GET /_ping", "GET /v4.3.1/libpod/pods/json", "GET /v1.41/containers/json"),
        own.requests.stream().map(RecordingDoer::line).toList());
    assertTrue(own.allClosed());
  }
}
