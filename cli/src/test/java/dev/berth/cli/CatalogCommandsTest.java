package dev.berth.cli;

import static dev.berth.cli.SystemCommandsTest.label;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.cli.Cli.Result;
import dev.berth.testkit.EngineTest;
import dev.berth.testkit.TestEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ops, doc and invoke: the operation catalog of the engine at hand, and of a named version without one. */
@EngineTest
class CatalogCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void opsListsTheEnginesCategoriesAndACategorysOperations(TestEngine engine) throws Exception {
    Cli cli = Cli.at(engine.address());
    Result ops = cli.run("ops");
    assertEquals(0, ops.status(), ops.toString());
    assertTrue(ops.out().startsWith("DOCKER 1.41: "), ops.out());
    assertTrue(ops.out().matches("(?s).*\nContainer\\s+\\d+\n.*"), ops.out());
    Result container = cli.run("ops", "Container");
    assertTrue(container.out().lines().anyMatch(l -> l.matches("ContainerStart\\s+POST\\s+/containers/\\{id}/start\\s+1\\.41")),
        container.out());
    JsonNode counts = JSON.readTree(cli.run("ops", "--format", "json").out());
    assertTrue(counts.get("Image").asInt() > 5, counts.toString());
  }

  @Test
  void aNamedCatalogNeedsNoEngine() {
    Cli none = Cli.at("unix:///tmp/berth-cli-test-none.sock");
    Result ops = none.run("ops", "--api", "1.51");
    assertEquals(0, ops.status(), ops.toString());
    assertTrue(ops.out().startsWith("DOCKER 1.51: "), ops.out());
    Result podman = none.run("ops", "--podman", "4.3.1", "libpod/pods");
    assertEquals(0, podman.status(), podman.toString());
    assertTrue(podman.out().contains("/libpod/pods/create"), podman.out());
    Result doc = none.run("doc", "--api", "1.44", "ContainerCreate");
    assertEquals(0, doc.status(), doc.toString());
    assertTrue(doc.out().startsWith("ContainerCreate   POST /containers/create\n"), doc.out());
    assertTrue(doc.out().matches("(?s).*\nname\\s+query\\s+string\\s*\n.*"), doc.out());
    assertTrue(doc.out().contains("body:      json (required)"), doc.out());
    assertTrue(doc.out().contains("reference: https://docs.docker.com/reference/api/engine/version/v1.44/"), doc.out());
  }

  @Test
  void unknownNamesAreOneLineNamingTheKnownOnes() {
    Cli none = Cli.at("unix:///tmp/berth-cli-test-none.sock");
    Result op = none.run("doc", "--api", "1.41", "ContainerFly");
    assertEquals(2, op.status(), op.toString());
    assertTrue(op.err().startsWith("berth: ") && op.err().contains("ContainerList"), op.err());
    assertEquals(1, op.err().lines().count());
    assertTrue(op.err().length() < 250, "a few close names, not the hundred known: " + op.err());
    assertTrue(op.err().contains("`berth ops`"), op.err());
    assertEquals(2, none.run("ops", "--api", "not-a-version").status());
    Result anyCase = none.run("doc", "--api", "1.41", "containerlist");
    assertEquals(0, anyCase.status(), anyCase.toString());
    assertTrue(anyCase.out().startsWith("ContainerList   GET /containers/json\n"), anyCase.out());
  }

  @Test
  void closestNamesShareAWordOrAreFewEditsAway() {
    List<String> known = List.of("ContainerList", "ContainerStart", "ImageList", "SystemPing", "VolumeCreate");
    assertEquals(List.of("ImageList"), CatalogCommands.closest("ImageLst", known, 6));
    assertEquals(java.util.Set.of("ImageList", "ContainerList", "VolumeCreate"),
        java.util.Set.copyOf(CatalogCommands.closest("VolumeList", known, 6)), "a shared word is enough");
    assertEquals(List.of("SystemPing"), CatalogCommands.closest("systemping", known, 6));
    assertEquals(List.of(), CatalogCommands.closest("Frobnicate", known, 6));
    assertEquals(1, CatalogCommands.closest("ContainerFly", known, 1).size());
  }

  @Test
  void theCommandListShowsAWholeFirstSentenceForEachCommand() {
    Result help = Cli.at("unix:///tmp/berth-cli-test-none.sock").run("--help");
    String commands = help.out().substring(help.out().indexOf("commands:\n"), help.out().indexOf("\n\n", help.out().indexOf("commands:")));
    for (String line : commands.lines().skip(1).toList()) {
      assertTrue(line.endsWith("."), "a summary cut mid-sentence: " + line);
    }
  }

  @Test
  void invokeCallsAnyOperationWithParametersAndABody(TestEngine engine) throws Exception {
    Cli cli = Cli.at(engine.address());
    String name = engine.uniqueName("inv");
    String body = "{\"Image\":\"" + engine.image() + "\",\"Cmd\":[\"sh\",\"-c\",\"echo invoked\"],"
        + "\"Labels\":{\"" + label(engine).replace("=", "\":\"") + "\"},\"HostConfig\":{\"NetworkMode\":\"none\"}}";
    Result created = cli.run("invoke", "ContainerCreate", "name=" + name, "--body", body);
    assertEquals(0, created.status(), created.toString());
    String id = JSON.readTree(created.out()).get("Id").asText();
    assertEquals(0, cli.run("invoke", "ContainerStart", "id=" + id).status());
    Result waited = cli.run("invoke", "ContainerWait", "id=" + id);
    assertEquals(0, JSON.readTree(waited.out()).get("StatusCode").asInt(), waited.toString());
    Result listed = cli.run("invoke", "ContainerList", "all=true", "filters={\"name\":[\"" + name + "\"]}");
    assertEquals(id, JSON.readTree(listed.out()).get(0).get("Id").asText(), listed.toString());
    Result logs = cli.run("invoke", "ContainerLogs", "id=" + id, "stdout=true");
    assertEquals(0, logs.status(), logs.toString());
    assertTrue(logs.out().endsWith("invoked\n"), logs.out()); // the multiplexed frames, as the engine sent them
    assertEquals("OK\n", cli.run("invoke", "SystemPing").out());

    Result missing = cli.run("invoke", "ContainerInspect", "id=berth-test-no-such");
    assertEquals(4, missing.status(), missing.toString());
    Result badBody = cli.run("invoke", "ContainerCreate", "--body", "{\"Image\": busybox}");
    assertEquals(2, badBody.status(), badBody.toString());
    assertTrue(badBody.err().startsWith("berth: not JSON: {\"Image\": busybox}"), badBody.err());
    Result noFile = cli.run("invoke", "ContainerCreate", "--body", "@/nonexistent/berth-body.json");
    assertEquals(4, noFile.status(), noFile.toString());
    assertEquals("berth: /nonexistent/berth-body.json: no such file (--body @FILE)\n", noFile.err());
    Result badParam = cli.run("invoke", "ContainerList", "colour=blue");
    assertEquals(2, badParam.status(), badParam.toString());
    assertTrue(badParam.err().contains("colour"), badParam.err());
  }

  /** Creates (and starts) a container through the catalog, as a user of invoke would. */
  private static String created(Cli cli, TestEngine engine, String extra, String script) throws Exception {
    String body = "{\"Image\":\"" + engine.image() + "\",\"Cmd\":[\"sh\",\"-c\",\"" + script + "\"]," + extra
        + "\"Labels\":{\"" + label(engine).replace("=", "\":\"") + "\"},\"HostConfig\":{\"NetworkMode\":\"none\"}}";
    Result created = cli.run("invoke", "ContainerCreate", "name=" + engine.uniqueName("raw"), "--body", body);
    assertEquals(0, created.status(), created.toString());
    String id = JSON.readTree(created.out()).get("Id").asText();
    assertEquals(0, cli.run("invoke", "ContainerStart", "id=" + id).status());
    return id;
  }

  @Test
  void invokeAttachSendsStdinAndSeparatesTheStreamsAndEndsWithTheContainersStatus(TestEngine engine) throws Exception {
    Cli cli = Cli.at(engine.address());
    String id = created(cli, engine, "\"OpenStdin\":true,\"StdinOnce\":true,", "tr a-z A-Z; echo err >&2; exit 3");
    Result attached = Cli.at(engine.address()).stdin("hello\nworld\n")
        .run("invoke", "ContainerAttach", "id=" + id, "stream=1", "stdin=1", "stdout=1", "stderr=1");
    assertEquals(3, attached.status(), attached.toString());
    assertEquals("HELLO\nWORLD\n", attached.out());
    assertEquals("err\n", attached.err());

    // without StdinOnce the end of stdin ends the attach, not the container: 0, and it runs on
    String lives = created(cli, engine, "\"OpenStdin\":true,", "cat; sleep 60");
    Result detached = Cli.at(engine.address()).stdin("once\n")
        .run("invoke", "ContainerAttach", "id=" + lives, "stream=1", "stdin=1", "stdout=1");
    assertEquals(0, detached.status(), detached.toString());
    // the engine ends the output with our stdin: cat's echo may or may not have made it
    assertTrue(detached.out().equals("once\n") || detached.out().isEmpty(), detached.out());
    assertTrue(JSON.readTree(cli.run("inspect", lives).out()).get(0).get("State").get("Running").asBoolean());

    Result missing = cli.run("invoke", "ContainerAttach", "id=berth-test-no-such", "stream=1", "stdout=1");
    assertEquals(4, missing.status(), missing.toString());
    assertEquals(1, missing.err().lines().count(), missing.err());
    assertTrue(missing.err().contains("No such container: berth-test-no-such"), missing.err());
    Result ws = cli.run("invoke", "ContainerAttachWebsocket", "id=" + lives);
    assertEquals(2, ws.status(), ws.toString());
    assertTrue(ws.err().startsWith("berth: ContainerAttachWebsocket speaks WebSocket"), ws.err());
  }

  @Test
  void invokeAttachToATerminalWithoutStdinOnceNeverTypesCtrlD(TestEngine engine) throws Exception {
    Cli cli = Cli.at(engine.address());
    // a Ctrl-D at the end of our stdin would end cat, print eof-seen and exit 7
    String id = created(cli, engine, "\"OpenStdin\":true,\"Tty\":true,", "cat; echo eof-seen; exit 7");
    java.util.concurrent.CompletableFuture<Result> attached = java.util.concurrent.CompletableFuture.supplyAsync(
        () -> Cli.at(engine.address()).stdin("piped\n")
            .run("invoke", "ContainerAttach", "id=" + id, "stream=1", "stdin=1", "stdout=1"));
    long end = System.nanoTime() + 20_000_000_000L;
    while (!cli.run("logs", id).out().contains("piped") && System.nanoTime() < end) {
      Thread.sleep(50);
    }
    Thread.sleep(500); // room for a Ctrl-D to arrive and end cat, which must not happen
    assertTrue(JSON.readTree(cli.run("inspect", id).out()).get(0).get("State").get("Running").asBoolean(),
        cli.run("logs", id).out());
    assertEquals(0, cli.run("invoke", "ContainerKill", "id=" + id).status());
    Result r = attached.get(30, java.util.concurrent.TimeUnit.SECONDS); // the attach ends with the container
    assertTrue(r.out().contains("piped"), r.toString());
    assertFalse(r.out().contains("eof-seen"), r.toString());
    assertEquals(137, r.status(), r.toString());
  }

  @Test
  void invokeExecStartRunsTheSessionWithOrWithoutATerminal(TestEngine engine) throws Exception {
    Cli cli = Cli.at(engine.address());
    String id = created(cli, engine, "", "sleep 60");
    Result exec = cli.run("invoke", "ContainerExec", "id=" + id, "--body",
        "{\"AttachStdin\":true,\"AttachStdout\":true,\"AttachStderr\":true,\"Cmd\":[\"sh\",\"-c\",\"cat; echo e >&2; exit 5\"]}");
    assertEquals(0, exec.status(), exec.toString());
    String execId = JSON.readTree(exec.out()).get("Id").asText();
    Result started = Cli.at(engine.address()).stdin("piped").run("invoke", "ExecStart", "id=" + execId); // body {} by default
    assertEquals(5, started.status(), started.toString());
    assertEquals("piped", started.out());
    assertEquals("e\n", started.err());

    Result ttyExec = cli.run("invoke", "ContainerExec", "id=" + id, "--body",
        "{\"AttachStdin\":true,\"AttachStdout\":true,\"Tty\":true,\"Cmd\":[\"sh\",\"-c\",\"cat; exit 6\"]}");
    String ttyId = JSON.readTree(ttyExec.out()).get("Id").asText();
    Result tty = Cli.at(engine.address()).stdin("abc\n").run("invoke", "ExecStart", "id=" + ttyId, "--body", "{\"Tty\":true}");
    assertEquals(6, tty.status(), tty.toString());
    assertEquals("abc\r\nabc\r\n", tty.out(), "one stream: the terminal's echo, then cat's copy (ended by Ctrl-D)");
    assertEquals("", tty.err());
  }
}
