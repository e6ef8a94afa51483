package dev.berth.containers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static dev.berth.testkit.RecordingDoer.body;
import static dev.berth.testkit.RecordingDoer.line;
import static dev.berth.testkit.RecordingDoer.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testkit.RecordingDoer;
import dev.berth.client.ApiVersion;
import dev.berth.client.EngineClient;
import dev.berth.client.MalformedResponseException;
import dev.berth.client.UnsupportedApiVersionException;
import dev.berth.transport.InMemoryResponse;
import dev.berth.transport.Request;
import dev.berth.types.containers.ContainerCreateRequest;
import dev.berth.client.ConflictException;
import dev.berth.client.EngineException;
import dev.berth.client.FrameReader;
import dev.berth.client.InvalidRequestException;
import dev.berth.client.JsonStream;
import dev.berth.client.NotFoundException;
import dev.berth.client.StreamType;
import dev.berth.transport.Headers;
import dev.berth.types.containers.ChangeType;
import dev.berth.types.containers.ContainerInspect;
import dev.berth.types.containers.ContainerPruneResponse;
import dev.berth.types.containers.ContainerStats;
import dev.berth.types.containers.ContainerSummary;
import dev.berth.types.containers.ContainerUpdateResponse;
import dev.berth.types.containers.FilesystemChange;
import dev.berth.types.containers.PathStat;
import dev.berth.types.containers.Resources;
import dev.berth.types.exec.ExecCreateRequest;
import dev.berth.types.exec.ExecInspect;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
    // the answer comes once the container stopped: the stop timeout plus the default read timeout
    assertEquals(Duration.ofSeconds(2).plus(dev.berth.transport.Http1Doer.DEFAULT_READ_TIMEOUT), r.readTimeout());
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
    assertEquals(Duration.ZERO, r.readTimeout(), "the engine sends no head until the prune is done");
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

  // ---------------------------------------------------------------- every other method (issue 14)

  @AfterEach
  void everyResponseAndRawStreamIsClosedByTheEndOfTheTest() {
    assertTrue(doer.allClosed(), "a response or raw stream was left open: " + doer.responses + " " + doer.raws);
  }

  /** A multiplexed frame: stream byte, three zeros, big-endian length, payload. */
  private static byte[] frames(Object... streamAndText) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < streamAndText.length; i += 2) {
      byte[] payload = ((String) streamAndText[i + 1]).getBytes(StandardCharsets.UTF_8);
      out.write((Integer) streamAndText[i]);
      out.writeBytes(new byte[] {0, 0, 0});
      out.writeBytes(ByteBuffer.allocate(4).putInt(payload.length).array());
      out.writeBytes(payload);
    }
    return out.toByteArray();
  }

  private static InMemoryResponse multiplexed(byte[] body) {
    return InMemoryResponse.builder(200).body(body, DefaultContainerService.MULTIPLEXED).build();
  }

  private static String pathStatHeader(String json) {
    return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /** One row: a call without options, its method and path, query and body (null: none). */
  static Stream<Arguments> simpleCalls() {
    return Stream.of(
        Arguments.of("pause", (Consumer<ContainerService>) c -> c.pause("web"),
            "POST /v1.43/containers/web/pause", "", null),
        Arguments.of("unpause", (Consumer<ContainerService>) c -> c.unpause("web"),
            "POST /v1.43/containers/web/unpause", "", null),
        Arguments.of("rename", (Consumer<ContainerService>) c -> c.rename("web", "new name&x"),
            "POST /v1.43/containers/web/rename", "name=new name&x", null),
        Arguments.of("resize", (Consumer<ContainerService>) c -> c.resize("web", 24, 80),
            "POST /v1.43/containers/web/resize", "h=24&w=80", null),
        Arguments.of("execResize", (Consumer<ContainerService>) c -> c.execResize("e1", 40, 120),
            "POST /v1.43/exec/e1/resize", "h=40&w=120", null),
        Arguments.of("execStartDetached", (Consumer<ContainerService>) c -> c.execStartDetached("e1"),
            "POST /v1.43/exec/e1/start", "", "{\"Detach\":true}"),
        Arguments.of("restart", (Consumer<ContainerService>) c -> c.restart("web"),
            "POST /v1.43/containers/web/restart", "", null),
        Arguments.of("start", (Consumer<ContainerService>) c -> assertTrue(c.start("web")),
            "POST /v1.43/containers/web/start", "", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("simpleCalls")
  void callsWithoutAnAnswerSendTheirMethodPathQueryAndBody(String name, Consumer<ContainerService> call,
      String line, String query, String body) {
    call.accept(containers);
    Request r = doer.only();
    assertEquals(line, line(r));
    assertEquals(query, query(r));
    assertEquals(body, body(r));
    assertTrue(doer.allClosed(), name + " left its response open");
  }

  @Test
  void queryValuesAreEncodedOnTheWire() {
    containers.rename("web", "new name&x");
    assertEquals("/v1.43/containers/web/rename?name=new%20name%26x", doer.only().target());
  }

  @Test
  void startReportsAlreadyRunning304AsFalse() {
    doer.answer(InMemoryResponse.builder(304).build());
    assertFalse(containers.start("web"));
    assertEquals("POST /v1.43/containers/web/start", line(doer.only()));
  }

  @Test
  void changesDecodesTheList() {
    doer.answer(200, "[{\"Path\":\"/etc\",\"Kind\":0},{\"Path\":\"/etc/x\",\"Kind\":1}]");
    List<FilesystemChange> changes = containers.changes("web");
    assertEquals("GET /v1.43/containers/web/changes", line(doer.only()));
    assertEquals(2, changes.size());
    assertEquals("/etc/x", changes.get(1).path());
    assertEquals(ChangeType.ADDED, changes.get(1).changeType());
  }

  @Test
  void listDecodesEveryItem() {
    doer.answer(200, "[{\"Id\":\"a\"},{\"Id\":\"b\"},{\"Id\":\"c\"}]");
    List<ContainerSummary> list = containers.list(ContainerListOptions.DEFAULT);
    assertEquals(List.of("a", "b", "c"), list.stream().map(ContainerSummary::id).toList());
  }

  @Test
  void inspectDecodesTheAnswer() {
    doer.answer(200, "{\"Id\":\"abc\",\"Name\":\"/web\",\"Config\":{\"Tty\":true}}");
    ContainerInspect c = containers.inspect("web", ContainerInspectOptions.DEFAULT);
    assertEquals("abc", c.id());
    assertEquals(Boolean.TRUE, c.config().tty());
  }

  @Test
  void statsAsksForOneSample() {
    doer.answer(200, "{\"id\":\"abc\",\"name\":\"/web\",\"num_procs\":0}");
    assertEquals("abc", containers.stats("web").id());
    Request r = doer.only();
    assertEquals("GET /v1.43/containers/web/stats", line(r));
    assertEquals("stream=false", query(r));
  }

  @Test
  void statsStreamFollowsWithoutReadTimeoutAndClosesTheResponseWithTheStream() {
    doer.answer(200, "{\"id\":\"a1\"}\n{\"id\":\"a2\"}\n");
    JsonStream<ContainerStats> stats = containers.statsStream("web");
    Request r = doer.only();
    assertEquals("GET /v1.43/containers/web/stats", line(r));
    assertEquals("stream=true", query(r));
    assertEquals(null, r.readTimeout(), "the read timeout bounds the wait for the head");
    assertEquals(Duration.ZERO, r.bodyReadTimeout(), "then the stream may idle");
    assertEquals("a1", stats.next().id());
    assertFalse(doer.allClosed(), "the stream holds its response");
    stats.close();
    assertTrue(doer.allClosed());
  }

  @Test
  void exportStreamIsTheBodyAndClosingItClosesTheResponse() throws Exception {
    doer.answer(InMemoryResponse.builder(200).body(new byte[] {1, 2, 3}, "application/x-tar").build());
    InputStream tar = containers.exportStream("web");
    Request r = doer.only();
    assertEquals("GET /v1.43/containers/web/export", line(r));
    assertEquals(null, r.readTimeout(), "the read timeout bounds the wait for the head");
    assertEquals(Duration.ZERO, r.bodyReadTimeout(), "then the stream may idle");
    assertArrayEquals(new byte[] {1, 2, 3}, tar.readAllBytes());
    assertFalse(doer.allClosed());
    tar.close();
    assertTrue(doer.allClosed());
  }

  @Test
  void updateSendsTheResourcesAndDecodesTheWarnings() {
    doer.answer(200, "{\"Warnings\":[\"no swap\"]}");
    ContainerUpdateResponse u = containers.update("web", Resources.builder().memory(64L << 20).build());
    Request r = doer.only();
    assertEquals("POST /v1.43/containers/web/update", line(r));
    assertTrue(body(r).contains("\"Memory\":67108864"), body(r));
    assertEquals(List.of("no swap"), u.warnings());
  }

  @Test
  void waitSendsTheConditionWithoutReadTimeoutAndDecodesTheExitCode() {
    doer.answer(200, "{\"StatusCode\":3}");
    doer.answer(200, "{\"StatusCode\":0}");
    assertEquals(3, containers.wait("web").statusCode());
    containers.wait("web", WaitCondition.REMOVED);
    assertEquals("POST /v1.43/containers/web/wait", line(doer.requests.get(0)));
    assertEquals("condition=not-running", query(doer.requests.get(0)));
    assertEquals(null, doer.requests.get(0).readTimeout(), "the read timeout bounds the wait for the head");
    assertEquals(Duration.ZERO, doer.requests.get(0).bodyReadTimeout(), "then the stream may idle");
    assertEquals("condition=removed", query(doer.requests.get(1)));
  }

  @Test
  void pruneWithoutOptionsSendsNoFiltersAndDecodesTheAnswer() {
    doer.answer(200, "{\"ContainersDeleted\":[\"a\",\"b\"],\"SpaceReclaimed\":42}");
    ContainerPruneResponse p = containers.prune();
    assertEquals("POST /v1.43/containers/prune", line(doer.only()));
    assertEquals("", query(doer.only()));
    assertEquals(List.of("a", "b"), p.containersDeleted());
    assertEquals(42L, p.spaceReclaimed());
  }

  @Test
  void logsWithoutOptionsDemultiplexesAndClosesTheResponseWithTheReader() {
    doer.answer(multiplexed(frames(1, "out\n", 2, "err\n")));
    FrameReader logs = containers.logs("web");
    Request r = doer.only();
    assertEquals("GET /v1.43/containers/web/logs", line(r));
    assertEquals("stdout=true&stderr=true", query(r));
    assertTrue(logs.next());
    assertEquals(StreamType.STDOUT, logs.stream());
    assertTrue(logs.next());
    assertEquals(StreamType.STDERR, logs.stream());
    assertEquals("err\n", new String(logs.buffer(), 0, logs.length(), StandardCharsets.UTF_8));
    assertFalse(doer.allClosed(), "the reader holds its response");
    logs.close();
    assertTrue(doer.allClosed());
  }

  @Test
  void followedLogsWithoutAContentTypeAskTheContainerForItsTtyAndWaitWithoutReadTimeout() {
    doer.answer(InMemoryResponse.builder(200).body("plain".getBytes(StandardCharsets.UTF_8), null).build());
    doer.answer(200, "{\"Id\":\"abc\",\"Config\":{\"Tty\":true}}");
    try (FrameReader logs = containers.logs("web", ContainerLogsOptions.builder().follow(true).build())) {
      assertEquals("stdout=true&stderr=true&follow=true", query(doer.requests.get(0)));
      assertEquals(null, doer.requests.get(0).readTimeout(), "the read timeout bounds the wait for the head");
    assertEquals(Duration.ZERO, doer.requests.get(0).bodyReadTimeout(), "then the stream may idle");
      assertEquals("GET /v1.43/containers/web/json", line(doer.requests.get(1)));
      assertFalse(logs.isMultiplexed(), "a TTY container's output is raw");
    }
  }

  @Test
  void attachSendsItsFlagsWritesStdinAndClosesTheRawStream() throws Exception {
    RecordingDoer.FakeRaw raw = RecordingDoer.FakeRaw.upgraded(DefaultContainerService.MULTIPLEXED, frames(1, "hi"));
    doer.answerRaw(raw);
    AttachedStream s = containers.attach("web", o -> o.stdin(true).detachKeys("ctrl-x"));
    Request r = doer.only();
    assertEquals("POST /v1.43/containers/web/attach", line(r));
    assertEquals("stream=true&logs=false&stdin=true&stdout=true&stderr=true&detachKeys=ctrl-x", query(r));
    assertEquals(null, r.readTimeout(), "the read timeout bounds the wait for the head");
    assertEquals(Duration.ZERO, r.bodyReadTimeout(), "then the stream may idle");
    s.stdin().write("in".getBytes(StandardCharsets.UTF_8));
    s.closeStdin();
    assertTrue(raw.isOutputClosed());
    assertEquals("in", raw.stdin.toString(StandardCharsets.UTF_8));
    assertTrue(s.output().next());
    assertEquals("hi", new String(s.output().buffer(), 0, s.output().length(), StandardCharsets.UTF_8));
    assertFalse(raw.isClosed());
    s.close();
    assertTrue(raw.isClosed());
  }

  @Test
  void attachWithoutOptionsOnAnOldApiInspectsForTheTtyBeforeHijacking() {
    ContainerService old = ContainerService.create(EngineClient.builder(doer).apiVersion("1.41").build());
    doer.answer(200, "{\"Id\":\"abc\",\"Config\":{\"Tty\":false}}");
    try (AttachedStream s = old.attach("web")) {
      assertEquals("GET /v1.41/containers/web/json", line(doer.requests.get(0)));
      assertEquals("POST /v1.41/containers/web/attach", line(doer.requests.get(1)));
      assertEquals("stream=true&logs=false&stdin=false&stdout=true&stderr=true", query(doer.requests.get(1)));
      assertTrue(s.isMultiplexed());
    }
  }

  @Test
  void execCreateSendsTheRequestAndReturnsTheId() {
    doer.answer(201, "{\"Id\":\"e1\"}");
    assertEquals("e1", containers.execCreate("web", ExecCreateRequest.builder().cmd("ls", "-l").attachStdout(true).build()));
    Request r = doer.only();
    assertEquals("POST /v1.43/containers/web/exec", line(r));
    assertTrue(body(r).contains("\"Cmd\":[\"ls\",\"-l\"]"), body(r));
    assertTrue(body(r).contains("\"AttachStdout\":true"), body(r));
  }

  @Test
  void execInspectDecodesTheSession() {
    doer.answer(200, "{\"ID\":\"e1\",\"Running\":false,\"ExitCode\":7}");
    ExecInspect e = containers.execInspect("e1");
    assertEquals("GET /v1.43/exec/e1/json", line(doer.only()));
    assertEquals(7, e.exitCode());
    assertEquals("e1", e.id());
  }

  @Test
  void archiveGivesTheStatAndTheTarAndClosingItClosesTheResponse() throws Exception {
    doer.answer(InMemoryResponse.builder(200).body(new byte[] {9, 8}, "application/x-tar")
        .header("X-Docker-Container-Path-Stat", pathStatHeader("{\"name\":\"hosts\",\"size\":2,\"mode\":420}")).build());
    Archive a = containers.archive("web", "/etc/hosts");
    Request r = doer.only();
    assertEquals("GET /v1.43/containers/web/archive", line(r));
    assertEquals("path=/etc/hosts", query(r));
    assertEquals("hosts", a.stat().name());
    assertEquals(2L, a.stat().size());
    assertArrayEquals(new byte[] {9, 8}, a.tar().readAllBytes());
    assertFalse(doer.allClosed());
    a.close();
    assertTrue(doer.allClosed());
  }

  @Test
  void anEmptyArchiveIsAMalformedAnswerAndItsResponseIsClosed() {
    // what Podman 5 answers, racily, for a container that has just exited (see ContainerStreamsCases)
    doer.answer(InMemoryResponse.builder(200).body(new byte[0], "application/x-tar")
        .header("X-Docker-Container-Path-Stat", pathStatHeader("{\"name\":\"out\",\"size\":5,\"mode\":420}")).build());
    MalformedResponseException e = assertThrows(MalformedResponseException.class, () -> containers.archive("web", "/out"));
    assertTrue(e.getMessage().contains("empty archive for /out"), e.getMessage());
    assertTrue(doer.allClosed());
  }

  @Test
  void statDecodesTheHeader() {
    doer.answer(InMemoryResponse.builder(200)
        .header("X-Docker-Container-Path-Stat", pathStatHeader("{\"name\":\"etc\",\"size\":4096,\"mode\":2147484141}")).build());
    PathStat s = containers.stat("web", "/etc");
    assertEquals("HEAD /v1.43/containers/web/archive", line(doer.only()));
    assertEquals("etc", s.name());
    assertTrue(s.isDirectory());
  }

  @Test
  void putArchiveSendsTheTarBytesAsTheyAre() {
    containers.putArchive("web", "/tmp", new ByteArrayInputStream(new byte[] {1, 2, 3}), ContainerPutArchiveOptions.DEFAULT);
    assertArrayEquals(new byte[] {1, 2, 3}, RecordingDoer.bytes(doer.only()));
  }

  @Test
  void copyIntoTarsTheLocalFileUnderItsName(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("a.txt"), "hello");
    containers.copyInto("web", file, "/tmp");
    containers.copyInto("web", file, "/tmp", o -> o.copyUidGid(true));
    Request r = doer.requests.get(0);
    assertEquals("PUT /v1.43/containers/web/archive", line(r));
    assertEquals("path=/tmp", query(r));
    assertEquals("application/x-tar", r.body().contentType());
    Map<String, byte[]> entries = Tars.read(new ByteArrayInputStream(RecordingDoer.bytes(r)));
    assertEquals(List.of("a.txt"), List.copyOf(entries.keySet()));
    assertEquals("hello", new String(entries.get("a.txt"), StandardCharsets.UTF_8));
    assertEquals("path=/tmp&copyUIDGID=true", query(doer.requests.get(1)));
  }

  @Test
  void copyIntoUnderANameRenamesTheTopEntryOrSendsADirectorysContents(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("a.txt"), "hello");
    Path tree = Files.createDirectories(dir.resolve("tree"));
    Files.writeString(tree.resolve("b.txt"), "beta");
    containers.copyInto("web", file, "/tmp", "renamed.txt");
    containers.copyInto("web", tree, "/tmp", ".");
    assertEquals("path=/tmp", query(doer.requests.get(0)));
    Map<String, byte[]> renamed = Tars.read(new ByteArrayInputStream(RecordingDoer.bytes(doer.requests.get(0))));
    assertEquals(List.of("renamed.txt"), List.copyOf(renamed.keySet()));
    Map<String, byte[]> contents = Tars.read(new ByteArrayInputStream(RecordingDoer.bytes(doer.requests.get(1))));
    assertEquals("beta", new String(contents.get("./b.txt"), StandardCharsets.UTF_8), contents.keySet().toString());

    for (String bad : new String[] {"", "..", "a/b", "/x"}) {
      assertThrows(IllegalArgumentException.class, () -> containers.copyInto("web", file, "/tmp", bad), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> containers.copyInto("web", file, "/tmp", "."),
        "a file's contents");
    assertThrows(NullPointerException.class, () -> containers.copyInto("web", file, "/tmp", (String) null));
    assertEquals(2, doer.requests.size(), "nothing sent for bad names");
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of(404, NotFoundException.class, (Consumer<ContainerService>) c -> c.inspect("web")),
        Arguments.of(409, ConflictException.class, (Consumer<ContainerService>) c -> c.remove("web")),
        Arguments.of(400, InvalidRequestException.class, (Consumer<ContainerService>) c -> c.kill("web")),
        Arguments.of(404, NotFoundException.class, (Consumer<ContainerService>) c -> c.exportStream("web")),
        Arguments.of(404, NotFoundException.class, (Consumer<ContainerService>) c -> c.logs("web")));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("errors")
  void errorStatusesAreTypedAndTheResponseIsClosed(int status, Class<? extends EngineException> type,
      Consumer<ContainerService> call) {
    doer.answer(status, "{\"message\":\"engine says no\"}");
    EngineException e = assertThrows(type, () -> call.accept(containers));
    assertEquals(status, e.status());
    assertEquals("engine says no", e.engineMessage());
    assertTrue(doer.allClosed());
  }

  @Test
  void aRawCallAnsweredWithAnErrorIsTypedAndTheStreamClosed() {
    RecordingDoer.FakeRaw raw = new RecordingDoer.FakeRaw(404, Headers.of("Content-Type", "application/json"),
        "{\"message\":\"No such exec instance: e1\"}".getBytes(StandardCharsets.UTF_8));
    doer.answerRaw(raw);
    assertThrows(NotFoundException.class, () -> containers.execStart("e1", o -> o.tty(true)));
    assertTrue(raw.isClosed());
  }
}
