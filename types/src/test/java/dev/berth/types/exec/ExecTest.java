package dev.berth.types.exec;

import static dev.berth.types.TestJson.ENGINE_20_10;
import static dev.berth.types.TestJson.parseTree;
import static dev.berth.types.TestJson.read;
import static dev.berth.types.TestJson.resource;
import static dev.berth.types.TestJson.roundTrip;
import static dev.berth.types.TestJson.tree;
import static dev.berth.types.TestJson.writtenTree;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecTest {

  private static final String CONTAINER_ID =
      "4e8e8622c573b3a8d51252a4dcd26e3c752e9f8f9e45f862f554e972cc5d7fdb";

  private static ExecInspect inspect(String file) {
    return read(resource(ENGINE_20_10 + file), ExecInspect.class);
  }

  /** {@code exec-create-request.json} is the body the engine accepted for the captured exec. */
  @Test
  void createRequestBuilderReproducesTheBodyTheEngineAccepted() {
    ExecCreateRequest request = ExecCreateRequest.builder()
        .attachStdin(false)
        .attachStdout(true)
        .attachStderr(true)
        .detachKeys("ctrl-x,ctrl-y")
        .tty(false)
        .env("EXEC_VAR=1")
        .cmd("sh", "-c", "echo out; exit 3")
        .privileged(false)
        .user("nobody")
        .workingDir("/newdir")
        .build();
    assertEquals(parseTree(resource(ENGINE_20_10 + "exec-create-request.json")),
        writtenTree(request));
    assertEquals(request, read(resource(ENGINE_20_10 + "exec-create-request.json"),
        ExecCreateRequest.class));
    assertEquals(request, request.toBuilder().build());
  }

  @Test
  void createRequestLeavesOutWhatIsNotSetAndCarriesExtraFields() {
    ExecCreateRequest request = ExecCreateRequest.builder()
        .cmd(List.of("true"))
        .consoleSize(24, 80)
        .extra("FutureFlag", true)
        .build();
    assertEquals("{\"ConsoleSize\":[24,80],\"Cmd\":[\"true\"],\"FutureFlag\":true}",
        tree(request).toString());
    assertEquals(request, roundTrip(request, ExecCreateRequest.class));
    assertThrows(IllegalArgumentException.class,
        () -> ExecCreateRequest.builder().extra("workingdir", "/"));
    assertEquals("{}", tree(ExecCreateRequest.builder().build()).toString());
  }

  @Test
  void startRequest() {
    assertEquals("{\"Detach\":true}", tree(ExecStartRequest.detached()).toString());
    ExecStartRequest attached = ExecStartRequest.builder()
        .detach(false).tty(true).consoleSize(40, 120).extra("X", null).build();
    assertEquals("{\"Detach\":false,\"Tty\":true,\"ConsoleSize\":[40,120],\"X\":null}",
        tree(attached).toString());
    assertEquals(attached, roundTrip(attached, ExecStartRequest.class));
    assertEquals(attached, attached.toBuilder().build());
    // the record rejects an extra field that repeats a component, whoever builds it
    assertThrows(IllegalArgumentException.class,
        () -> new ExecStartRequest(null, null, null, Map.of("Detach", true)));
    assertThrows(IllegalArgumentException.class,
        () -> ExecStartRequest.builder().extra("TTY", true));
  }

  @Test
  void decodesCreateResponse() {
    assertEquals(new ExecCreateResponse(
            "c7576b6be89a0c72f2a53c0faafe4d96a85b5d3d991e872bb5224942e46be66e"),
        read(resource(ENGINE_20_10 + "exec-create-response.json"),
            ExecCreateResponse.class));
  }

  @Test
  void decodesExecBeforeStart() {
    ExecInspect created = inspect("exec-inspect-created.json");
    assertEquals("c7576b6be89a0c72f2a53c0faafe4d96a85b5d3d991e872bb5224942e46be66e",
        created.id());
    assertEquals(Boolean.FALSE, created.running());
    assertNull(created.exitCode(), "null until the process exits");
    assertEquals(0, created.pid());
    assertEquals(CONTAINER_ID, created.containerId());
    assertEquals(Boolean.FALSE, created.openStdin());
    assertEquals(Boolean.TRUE, created.openStdout());
    assertEquals(Boolean.TRUE, created.openStderr());
    assertEquals(Boolean.FALSE, created.canRemove());
    assertEquals(new ExecInspect.ProcessConfig(false, "nobody", false, "sh",
        List.of("-c", "echo out; exit 3")), created.processConfig());
  }

  @Test
  void detachKeysAreSentAsBase64OfTheKeyBytes() {
    ExecInspect created = inspect("exec-inspect-created.json");
    // requested as "ctrl-x,ctrl-y"; Docker encodes the []byte {0x18, 0x19}
    assertEquals("GBk=", created.detachKeys());
    assertArrayEquals(new byte[] {0x18, 0x19}, created.detachKeyBytes());
    ExecInspect running = inspect("exec-inspect-running.json");
    assertEquals("", running.detachKeys(), "none requested");
    assertArrayEquals(new byte[0], running.detachKeyBytes());
    assertArrayEquals(new byte[0], read("{}", ExecInspect.class).detachKeyBytes());
    assertFalse(tree(created).has("detachKeyBytes"));
  }

  @Test
  void decodesExitedExec() {
    ExecInspect exited = inspect("exec-inspect-exited.json");
    assertEquals(Boolean.FALSE, exited.running());
    assertEquals(3, exited.exitCode());
    assertEquals(12_889, exited.pid(), "the PID it had");
    assertEquals(exited, roundTrip(exited, ExecInspect.class));
  }

  @Test
  void decodesRunningExecWithTheContainersUser() {
    ExecInspect running = inspect("exec-inspect-running.json");
    assertEquals(Boolean.TRUE, running.running());
    assertNull(running.exitCode());
    assertEquals(13_172, running.pid());
    assertEquals(new ExecInspect.ProcessConfig(false, "0:0", true, "sleep", List.of("30")),
        running.processConfig(), "no User given: the container's user is reported");
  }

  @Test
  void decodesExecWhoseStartFailed() {
    // a privileged exec in a no-new-privileges container: runc refused, start answered 500
    ExecInspect failed = inspect("exec-inspect-start-failed.json");
    assertEquals(Boolean.FALSE, failed.running());
    assertEquals(126, failed.exitCode());
    assertEquals(0, failed.pid());
    assertEquals(Boolean.TRUE, failed.processConfig().privileged());
  }

  @Test
  void serialisesWithApiNames() {
    JsonNode json = tree(inspect("exec-inspect-exited.json"));
    assertEquals(CONTAINER_ID, json.get("ContainerID").asText());
    assertEquals(3, json.get("ExitCode").asInt());
    assertEquals("sh", json.get("ProcessConfig").get("entrypoint").asText());
    assertEquals(2, json.get("ProcessConfig").get("arguments").size());
    assertEquals("c7576b6be89a0c72f2a53c0faafe4d96a85b5d3d991e872bb5224942e46be66e",
        json.get("ID").asText());
  }
}
