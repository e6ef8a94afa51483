package dev.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.lang.module.ModuleDescriptor;
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

  /** Every published module this one requires, with the package it must export. */
  private static final Map<String, String> PUBLISHED = Map.of(
      "dev.berth.transport", "dev.berth.transport",
      "dev.berth.transport.junixsocket", "dev.berth.transport.junixsocket",
      "dev.berth.types", "dev.berth.types.containers",
      "dev.berth.client", "dev.berth.client",
      "dev.berth.system", "dev.berth.system",
      "dev.berth.containers", "dev.berth.containers",
      "dev.berth.images", "dev.berth.images",
      "dev.berth.config", "dev.berth.config",
      "dev.berth.tracing.opentelemetry", "dev.berth.tracing.opentelemetry",
      "dev.berth.tracing.micrometer", "dev.berth.tracing.micrometer");

  @Test
  void testsRunInANamedModuleAndEveryLibraryIsANamedModule() {
    Module self = getClass().getModule();
    assertTrue(self.isNamed(), "the tests must run inside dev.berth.it, on the module path");
    assertEquals("dev.berth.it", self.getName());
    ModuleLayer layer = self.getLayer();
    PUBLISHED.forEach((name, pkg) -> {
      Module m = layer.findModule(name).orElseThrow(() -> new AssertionError(name + " is not resolved"));
      ModuleDescriptor d = m.getDescriptor();
      assertFalse(d.isAutomatic(), name + " must be an explicit module (module-info.class)");
      assertTrue(m.isExported(pkg), name + " must export " + pkg);
      for (String p : m.getPackages()) {
        if (p.contains(".internal")) {
          assertFalse(m.isExported(p), name + " exports its internal package " + p + " to everyone");
        }
      }
    });
  }

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
    org.junit.jupiter.api.Assumptions.assumeTrue("unix".equals(host.getScheme()) && Files.exists(socket),
        "the Docker test engine is not on a Unix socket here");
    try (Http1Doer doer = Http1Doer.builder(JunixsocketDialer.of(socket)).build();
        EngineClient client = EngineClient.builder(doer).build()) {
      assertNotNull(SystemService.create(client).ping());
    }
  }

  @Test
  void endpointParsingAndTheDefaultDialerWorkOnTheModulePath() {
    try (Http1Doer doer = Http1Doer.builder(Endpoint.parse(TestEngines.dockerHost()).dialer()).build();
        EngineClient client = EngineClient.builder(doer).build()) {
      assertNotNull(SystemService.create(client).version());
    }
  }
}
