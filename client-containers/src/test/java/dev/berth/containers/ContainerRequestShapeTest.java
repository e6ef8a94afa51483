package dev.berth.containers;

import static dev.berth.containers.RecordingDoer.body;
import static dev.berth.containers.RecordingDoer.line;
import static dev.berth.containers.RecordingDoer.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.ApiVersion;
import dev.berth.client.EngineClient;
import dev.berth.client.MalformedResponseException;
import dev.berth.client.UnsupportedApiVersionException;
import dev.berth.transport.InMemoryResponse;
import dev.berth.transport.Request;
import dev.berth.types.containers.ContainerCreateRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What each container operation puts on the wire, through a recording Doer: no engine needed. */
class ContainerRequestShapeTest {
  private final RecordingDoer doer = new RecordingDoer();
  private final ContainerService containers =
      ContainerService.create(EngineClient.builder(doer).apiVersion(ApiVersion.of(1, 43)).build());

  private static ContainerCreateRequest busybox() {
    return ContainerCreateRequest.builder().image("busybox").cmd("true").build();
  }

  @Test
  void stopSendsTimeoutInWholeSecondsRoundedUpAndTheSignal() {
    assertTrue(containers.stop("web", o -> o.timeout(Duration.ofMillis(1500)).signal("SIGINT")));
    Request r = doer.only();
    assertEquals("POST /v1.43/containers/web/stop", line(r));
    assertEquals("t=2&signal=SIGINT", query(r));
    assertNull(body(r));
    assertEquals(Duration.ZERO, r.readTimeout(), "a stop waits as long as the container takes");
  }

  @Test
  void stopWithoutOptionsSendsNoParametersAndReportsNotRunningAs304() {
    doer.answer(InMemoryResponse.builder(304).build());
    assertFalse(containers.stop("web"));
    assertEquals("", query(doer.only()));
  }

  @Test
  void stopWithZeroTimeoutSendsZero() {
    containers.stop("web", ContainerStopOptions.builder().timeout(Duration.ZERO).build());
    assertEquals("t=0", query(doer.only()));
  }

  @Test
  void restartSendsTimeoutAndSignal() {
    containers.restart("web", o -> o.timeout(Duration.ofSeconds(3)).signal("SIGHUP"));
    Request r = doer.only();
    assertEquals("POST /v1.43/containers/web/restart", line(r));
    assertEquals("t=3&signal=SIGHUP", query(r));
  }

  @Test
  void aStopSignalOnAnApiBefore142FailsBeforeAnythingIsSent() {
    ContainerService old = ContainerService.create(EngineClient.builder(doer).apiVersion("1.41").build());
    UnsupportedApiVersionException e = assertThrows(UnsupportedApiVersionException.class,
        () -> old.stop("web", o -> o.signal("SIGINT")));
    assertEquals(ApiVersion.of(1, 42), e.required());
    assertThrows(UnsupportedApiVersionException.class, () -> old.restart("web", o -> o.signal("SIGINT")));
    assertTrue(doer.requests.isEmpty());
    old.stop("web", o -> o.timeout(Duration.ofSeconds(1)));
    assertEquals("POST /v1.41/containers/web/stop t=1", line(doer.only()) + " " + query(doer.only()));
  }

  @Test
  void killSendsTheSignalOrNone() {
    containers.kill("web", o -> o.signal("HUP"));
    containers.kill("web");
    assertEquals("POST /v1.43/containers/web/kill", line(doer.requests.get(0)));
    assertEquals("signal=HUP", query(doer.requests.get(0)));
    assertEquals("", query(doer.requests.get(1)));
  }

  @Test
  void removeSendsForceVolumesAndLink() {
    containers.remove("web", o -> o.force(true).volumes(true).link(true));
    containers.remove("web");
    Request r = doer.requests.get(0);
    assertEquals("DELETE /v1.43/containers/web", line(r));
    assertEquals("force=true&v=true&link=true", query(r));
    assertEquals("", query(doer.requests.get(1)));
  }

  @Test
  void listSendsAllLimitSizeAndFiltersAsJson() {
    doer.answer(200, "[]");
    assertTrue(containers.list(o -> o.all(true).limit(3).size(true).label("app=web")
        .status(ContainerStatus.RUNNING, ContainerStatus.EXITED).health(HealthStatus.HEALTHY)).isEmpty());
    Request r = doer.only();
    assertEquals("GET /v1.43/containers/json", line(r));
    assertEquals("all=true&limit=3&size=true&filters={\"label\":[\"app=web\"],\"status\":[\"running\",\"exited\"],"
        + "\"health\":[\"healthy\"]}", query(r));
  }

  @Test
  void listWithoutOptionsSendsNothingAndAnEmptyAnswerIsAnEmptyList() {
    doer.answer(204, "");
    assertTrue(containers.list().isEmpty());
    assertEquals("", query(doer.only()));
  }

  @Test
  void createSendsNameAndPlatformAsQueryAndTheRequestAsBody() {
    doer.answer(201, "{\"Id\":\"abc\",\"Warnings\":[]}");
    assertEquals("abc", containers.create(busybox(), o -> o.name("web").platform("linux/arm64")).id());
    Request r = doer.only();
    assertEquals("POST /v1.43/containers/create", line(r));
    assertEquals("name=web&platform=linux/arm64", query(r));
    assertTrue(body(r).contains("\"Image\":\"busybox\""), body(r));
  }

  @Test
  void createWithoutOptionsSendsNoQuery() {
    doer.answer(201, "{\"Id\":\"abc\"}");
    containers.create(busybox());
    assertEquals("", query(doer.only()));
  }

  @Test
  void anEmptyAnswerWhereAnObjectIsPromisedIsMalformedNotNull() {
    doer.answer(201, "");
    assertThrows(MalformedResponseException.class, () -> containers.create(busybox()));
  }

  @Test
  void topSendsPsArgsOnlyWhenGiven() {
    doer.answer(200, "{\"Titles\":[\"PID\"],\"Processes\":[[\"1\"]]}");
    doer.answer(200, "{\"Titles\":[\"PID\"],\"Processes\":[[\"1\"]]}");
    containers.top("web", o -> o.psArgs("aux"));
    containers.top("web");
    assertEquals("GET /v1.43/containers/web/top", line(doer.requests.get(0)));
    assertEquals("ps_args=aux", query(doer.requests.get(0)));
    assertEquals("", query(doer.requests.get(1)));
  }

  @Test
  void inspectSendsSizeOnlyWhenAsked() {
    doer.answer(200, "{\"Id\":\"abc\"}");
    doer.answer(200, "{\"Id\":\"abc\"}");
    containers.inspect("web", o -> o.size(true));
    containers.inspect("web");
    assertEquals("GET /v1.43/containers/web/json", line(doer.requests.get(0)));
    assertEquals("size=true", query(doer.requests.get(0)));
    assertEquals("", query(doer.requests.get(1)));
  }

  @Test
  void pruneSendsFiltersAsJson() {
    doer.answer(200, "{\"ContainersDeleted\":[\"a\"],\"SpaceReclaimed\":1}");
    containers.prune(o -> o.label("app=web").until(Instant.ofEpochSecond(1700000000)));
    Request r = doer.only();
    assertEquals("POST /v1.43/containers/prune", line(r));
    assertEquals("filters={\"label\":[\"app=web\"],\"until\":[\"1700000000\"]}", query(r));
  }

  @Test
  void logsSendsItsOptions() throws Exception {
    doer.answer(InMemoryResponse.builder(200).body(new byte[0], "application/vnd.docker.multiplexed-stream").build());
    try (var reader = containers.logs("web", o -> o.stderr(false).tail(5).timestamps(true)
        .since(Instant.ofEpochSecond(10, 5)))) {
      assertFalse(reader.next());
    }
    Request r = doer.only();
    assertEquals("GET /v1.43/containers/web/logs", line(r));
    assertEquals("stdout=true&stderr=false&since=10.000000005&timestamps=true&tail=5", query(r));
  }

  @Test
  void execStartWithoutTtyAsksTheEngineFirst() {
    doer.answer(200, "{\"ID\":\"e1\",\"ProcessConfig\":{\"tty\":true}}");
    try (AttachedStream s = containers.execStart("e1")) {
      assertEquals("GET /v1.43/exec/e1/json", line(doer.requests.get(0)));
      assertEquals("POST /v1.43/exec/e1/start", line(doer.requests.get(1)));
      assertEquals("{\"Detach\":false,\"Tty\":true}", body(doer.requests.get(1)));
      assertTrue(s.isMultiplexed(), "the engine's content type decides");
    }
  }

  @Test
  void execStartWithTtyGivenSendsOneRequest() {
    containers.execStart("e1", o -> o.tty(false)).close();
    assertEquals("{\"Detach\":false,\"Tty\":false}", body(doer.only()));
  }

  @Test
  void statWithoutTheStatHeaderIsMalformedNotNull() {
    doer.answer(InMemoryResponse.builder(200).build());
    assertThrows(MalformedResponseException.class, () -> containers.stat("web", "/etc"));
    assertEquals("HEAD /v1.43/containers/web/archive", line(doer.only()));
    assertEquals("path=/etc", query(doer.only()));
  }

  @Test
  void putArchiveSendsItsFlagsAndStreamsTheTar() {
    containers.putArchive("web", "/tmp", new java.io.ByteArrayInputStream(new byte[] {1, 2}),
        o -> o.noOverwriteDirNonDir(true).copyUidGid(true));
    containers.putArchive("web", "/tmp", new java.io.ByteArrayInputStream(new byte[0]));
    Request r = doer.requests.get(0);
    assertEquals("PUT /v1.43/containers/web/archive", line(r));
    assertEquals("path=/tmp&noOverwriteDirNonDir=true&copyUIDGID=true", query(r));
    assertEquals("application/x-tar", r.body().contentType());
    assertEquals("path=/tmp", query(doer.requests.get(1)));
  }

  @Test
  void nullArgumentsAreNullPointerExceptionsNamingTheParameterBeforeAnythingIsSent() {
    assertEquals("id", assertThrows(NullPointerException.class, () -> containers.stop(null)).getMessage());
    assertEquals("options", assertThrows(NullPointerException.class,
        () -> containers.kill("web", (ContainerKillOptions) null)).getMessage());
    assertEquals("request", assertThrows(NullPointerException.class,
        () -> containers.create(null, ContainerCreateOptions.DEFAULT)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> containers.remove(" "));
    assertThrows(IllegalArgumentException.class, () -> ContainerStopOptions.builder().timeout(Duration.ofSeconds(-1)));
    assertThrows(IllegalArgumentException.class, () -> ContainerKillOptions.builder().signal("SIG KILL"));
    assertTrue(doer.requests.isEmpty());
  }

  @Test
  void optionsRoundTripThroughToBuilder() {
    ContainerStopOptions stop = ContainerStopOptions.builder().timeout(Duration.ofSeconds(4)).signal("SIGINT").build();
    assertEquals(stop.toString(), stop.toBuilder().build().toString());
    ContainerListOptions list = ContainerListOptions.builder().all(true).label("a=b").build();
    ContainerListOptions more = list.toBuilder().label("c").build();
    assertEquals(list.filters().asMap().get("label").size() + 1, more.filters().asMap().get("label").size());
    assertEquals(1, list.filters().asMap().get("label").size(), "the original is unchanged");
  }
}
