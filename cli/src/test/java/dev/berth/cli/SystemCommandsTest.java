package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.cli.Cli.Result;
import dev.berth.testkit.EngineTest;
import dev.berth.testkit.TestEngine;
import dev.berth.testkit.TestEngines;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EngineTest
class SystemCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void pingVersionAndInfoDescribeTheEngine(TestEngine engine) throws Exception {
    Cli cli = Cli.at(engine.address());
    Result ping = cli.run("ping");
    assertEquals(0, ping.status(), ping.toString());
    assertTrue(ping.out().startsWith("engine      DOCKER (Docker/"), ping.out());
    assertTrue(ping.out().contains("API version 1."), ping.out());

    Result version = cli.run("version");
    assertEquals(0, version.status(), version.toString());
    assertTrue(version.out().lines().findFirst().orElseThrow().matches("\\s+VERSION\\s+API\\s+DETAILS"), version.out());
    assertTrue(version.out().contains("\nberth "), version.out());
    assertTrue(version.out().matches("(?s).*\nengine\\s+\\S+\\s+1\\.\\d+ \\(min 1\\.\\d+\\).*"), version.out());

    Result info = cli.run("info");
    assertEquals(0, info.status(), info.toString());
    assertTrue(info.out().matches("(?s).*containers:\\s+\\d+ \\(\\d+ running.*"), info.out());
    assertTrue(info.out().contains("images:"), info.out());

    JsonNode v = JSON.readTree(cli.run("version", "--format", "json").out());
    assertEquals("berth", v.get("Client").get("Name").asText());
    assertTrue(v.get("Server").get("ApiVersion").asText().startsWith("1."), v.toString());
    assertEquals("DOCKER", JSON.readTree(cli.run("ping", "--format", "json").out()).get("kind").asText());
  }

  @Test
  void eventsShowWhatARunDidBetweenSinceAndUntil(TestEngine engine) throws Exception {
    Cli cli = Cli.at(engine.address());
    String name = engine.uniqueName("ev");
    Instant before = Instant.now().minusSeconds(1);
    Result run = cli.run("run", "--rm", "--name", name, "-l", label(engine), engine.image(), "true");
    assertEquals(0, run.status(), run.toString());
    String until = String.valueOf(Instant.now().plusSeconds(1).getEpochSecond());
    Result events = cli.run("events", "--since", before.toString(), "--until", until, "--filter", "container=" + name);
    assertEquals(0, events.status(), events.toString());
    List<String> actions = events.out().lines().map(l -> l.split("\\s+")[2]).toList();
    assertTrue(actions.containsAll(List.of("create", "start", "die", "destroy")), events.out());
    assertTrue(events.out().contains("(" + name + ")"), events.out());

    Result json = cli.run("events", "--since", before.toString(), "--until", until, "-f", "container=" + name,
        "-f", "event=create", "--format", "json");
    assertEquals(1, json.out().lines().count(), json.out());
    assertEquals("create", JSON.readTree(json.out()).get("Action").asText());
  }

  static String label(TestEngine engine) {
    Map.Entry<String, String> e = engine.labels().entrySet().iterator().next();
    return e.getKey() + "=" + e.getValue();
  }

  @Test
  void rawRequestsReachAnyEndpoint(TestEngine engine) {
    Result r = Cli.at(engine.address()).run("raw", "GET", "/version");
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().contains("\"ApiVersion\""), r.out());
  }

  @Test
  void withoutHostTheEngineIsDiscoveredFromTheEnvironment(TestEngine engine, @TempDir Path home) {
    Result r = Cli.discovering(Map.of("DOCKER_HOST", engine.address()), home).run("ping");
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().contains("engine      DOCKER"), r.out());
  }

  @Test
  void tlsFromTheEnvironmentAsTheDockerCli(TestEngine engine, @TempDir Path home) {
    Result r = Cli.discovering(Map.of("DOCKER_HOST", TestEngines.dockerTls(), "DOCKER_TLS_VERIFY", "1",
        "DOCKER_CERT_PATH", TestEngines.dockerCertPath().toString()), home).run("ps", "-a", "-q");
    assertEquals(0, r.status(), r.toString());
    Result flags = Cli.discovering(Map.of("DOCKER_CERT_PATH", TestEngines.dockerCertPath().toString()), home)
        .run("-H", TestEngines.dockerTls(), "--tlsverify", "ping");
    assertEquals(0, flags.status(), flags.toString());
    Result plain = Cli.discovering(Map.of(), home).run("-H", TestEngines.dockerTls(), "ping");
    // plain HTTP to the TLS port: dockerd answers 400, and that is the one line the user sees
    assertEquals(1, plain.status(), plain.toString());
    assertTrue(plain.err().contains("Client sent an HTTP request to an HTTPS server"), plain.err());
    Result tcp = Cli.at(TestEngines.dockerTcp()).run("ping");
    assertEquals(0, tcp.status(), tcp.toString());
  }

  @Test
  void aDockerContextIsUsedWithDashDashContext(TestEngine engine, @TempDir Path config) throws Exception {
    // a context as `docker context create rig --docker host=tcp://…` writes it
    String name = "berth-rig";
    String hash = java.util.HexFormat.of().formatHex(
        java.security.MessageDigest.getInstance("SHA-256").digest(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    Path meta = java.nio.file.Files.createDirectories(config.resolve("contexts/meta/" + hash));
    java.nio.file.Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"" + name + "\",\"Metadata\":{},"
        + "\"Endpoints\":{\"docker\":{\"Host\":\"" + TestEngines.dockerTcp() + "\",\"SkipTLSVerify\":false}}}");
    Map<String, String> env = Map.of("DOCKER_CONFIG", config.toString(), "DOCKER_HOST", "unix:///tmp/berth-none.sock");
    Result ping = Cli.discovering(env, config).run("--context", name, "ping");
    assertEquals(0, ping.status(), ping.toString());
    Result where = Cli.discovering(env, config).run("-c", name, "where");
    assertTrue(where.out().startsWith("engine:      " + TestEngines.dockerTcp() + "\nfrom:        context \"" + name
        + "\" (--context)"), where.out());
  }

  @Test
  void whereSaysWhichEngineAndWhy(TestEngine engine, @TempDir Path home) {
    Result r = Cli.discovering(Map.of("DOCKER_HOST", engine.address(), "DOCKER_API_VERSION", "1.40"), home).run("where");
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().startsWith("engine:      " + engine.address() + "\nfrom:        DOCKER_HOST"), r.out());
    assertTrue(r.out().contains("api version: 1.40 (pinned by DOCKER_API_VERSION)"), r.out());

    Result flag = Cli.discovering(Map.of("DOCKER_HOST", "tcp://127.0.0.1:1"), home).run("-H", engine.address(), "where");
    assertEquals(0, flag.status(), flag.toString());
    assertTrue(flag.out().startsWith("engine:      " + engine.address() + "\nfrom:        --host"), flag.out());
  }
}
