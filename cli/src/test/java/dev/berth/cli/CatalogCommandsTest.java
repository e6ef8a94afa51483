package dev.berth.cli;

import static dev.berth.cli.SystemCommandsTest.label;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.cli.Cli.Result;
import dev.berth.testkit.EngineTest;
import dev.berth.testkit.TestEngine;
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
    assertEquals(2, none.run("ops", "--api", "not-a-version").status());
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
    Result badParam = cli.run("invoke", "ContainerList", "colour=blue");
    assertEquals(2, badParam.status(), badParam.toString());
    assertTrue(badParam.err().contains("colour"), badParam.err());
  }
}
