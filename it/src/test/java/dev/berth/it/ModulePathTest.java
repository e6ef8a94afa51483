package dev.berth.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.EngineClient;
import dev.berth.config.Engines;
import dev.berth.containers.ContainerService;
import dev.berth.images.ImageService;
import dev.berth.system.SystemService;
import dev.berth.testkit.EngineTest;
import dev.berth.testkit.TestEngine;
import dev.berth.testkit.TestEngines;
import dev.berth.transport.Endpoint;
import dev.berth.transport.Http1Doer;
import dev.berth.transport.junixsocket.JunixsocketDialer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Engine calls through each published module from a named module on the module path. The unit
 * and engine suites of the modules run on the class path, where module boundaries do not exist;
 * this suite is where a missing {@code exports}/{@code opens}/{@code requires} fails a test.
 */
@EngineTest
class ModulePathTest {

  @Test
  void systemServiceAnswersOnTheModulePath(TestEngine engine) {
    SystemService system = SystemService.create(engine.client());
    assertNotNull(system.ping());
    assertNotNull(system.version());
    assertNotNull(system.info());
  }

  @Test
  void containerAndImageResponsesDecodeOnTheModulePath(TestEngine engine) {
    // Jackson (its own module) reads berth's records: needs the types module's `opens`
    EngineClient client = engine.client();
    ImageService images = ImageService.create(client);
    assertNotNull(images.inspect(engine.image()));
    assertFalse(images.list(options -> { }).isEmpty());

    ContainerService containers = ContainerService.create(client);
    String id = engine.createContainer("true");
    assertNotNull(containers.inspect(id));
    List<?> all = containers.list(options -> { });
    assertNotNull(all);
  }

  @Test
  void discoveryConnectsOnTheModulePath(@org.junit.jupiter.api.io.TempDir Path home) {
    try (EngineClient client = Engines.connect(Map.of("DOCKER_HOST", TestEngines.dockerHost()), home)) {
      assertNotNull(SystemService.create(client).ping());
    }
  }

  @Test
  void junixsocketDialerLoadsItsNativeLibraryOnTheModulePath() {
    URI host = URI.create(TestEngines.dockerHost());
    Path socket = Path.of(host.getPath());
    rigHas("unix".equals(host.getScheme()) && Files.exists(socket),
        "the Docker test engine is not on a Unix socket here");
    try (Http1Doer doer = Http1Doer.builder(JunixsocketDialer.of(socket)).build();
        EngineClient client = EngineClient.builder(doer).build()) {
      assertNotNull(SystemService.create(client).ping());
    }
  }

  @Test
  void dockerJavasTransportSpiAnswersThroughTheAdapterOnTheModulePath(TestEngine engine) throws Exception {
    com.github.dockerjava.transport.DockerHttpClient http =
        dev.berth.adapter.dockerjava.BerthDockerHttpClient.of(engine.doer());
    try (com.github.dockerjava.transport.DockerHttpClient.Response r = http.execute(
        com.github.dockerjava.transport.DockerHttpClient.Request.builder().method("GET").path("/_ping").build())) {
      assertTrue(r.getStatusCode() == 200, "status " + r.getStatusCode());
      assertTrue(new String(r.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).equals("OK"));
    }
  }

  @Test
  void endpointParsingAndTheDefaultDialerWorkOnTheModulePath() {
    try (Http1Doer doer = Http1Doer.builder(Endpoint.parse(TestEngines.dockerHost()).dialer()).build();
        EngineClient client = EngineClient.builder(doer).build()) {
      assertNotNull(SystemService.create(client).version());
    }
  }

  /** Skips loudly off the project's rig; under it (BERTH_REQUIRE_ENGINE=1, as in CI) fails instead. */
  private static void rigHas(boolean condition, String what) {
    if ("1".equals(System.getenv("BERTH_REQUIRE_ENGINE"))) {
      org.junit.jupiter.api.Assertions.assertTrue(condition, what);
    } else {
      if (!condition) {
        System.err.println("!!! SKIPPING: " + what);
      }
      org.junit.jupiter.api.Assumptions.assumeTrue(condition, what);
    }
  }
}
