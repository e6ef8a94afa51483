package dev.berth.adapter.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.config.EngineDiscovery;
import dev.berth.config.SocketCandidate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.InvalidConfigurationException;

/** What Testcontainers relies on before it connects: none of it throws. No engine needed. */
class BerthClientProviderStrategyTest {

  @TempDir
  Path home;

  private BerthClientProviderStrategy strategy(Map<String, String> env) {
    return new BerthClientProviderStrategy(EngineDiscovery.builder().environment(env).home(home)
        .socketCandidates(List.of(new SocketCandidate("nothing", home.resolve("none.sock")))).build());
  }

  @Test
  void aConfigurationBerthCannotUseMakesItNotApplicableWithTheReason() {
    for (Map<String, String> env : List.of(
        Map.of("DOCKER_HOST", "gopher://x"),
        Map.of("DOCKER_API_VERSION", "one"),
        Map.of("DOCKER_CONTEXT", "missing"),
        Map.<String, String>of())) { // nothing configured, and the probed socket does not exist
      BerthClientProviderStrategy s = strategy(env);
      assertFalse(s.isApplicable(), env.toString());
      assertTrue(s.getDescription().startsWith("berth: not applicable ("), s.getDescription());
      assertThrows(InvalidConfigurationException.class, s::getTransportConfig);
    }
    assertTrue(strategy(Map.of("DOCKER_CONTEXT", "missing")).getDescription().equals("berth"),
        "before isApplicable() nothing is resolved");
  }

  @Test
  void aConfiguredEngineIsDescribedWithWhereItCameFrom() {
    BerthClientProviderStrategy s = strategy(Map.of("DOCKER_HOST", "tcp://build-host.example:2376"));
    assertTrue(s.isApplicable());
    assertEquals("berth: tcp://build-host.example:2376 (from DOCKER_HOST)", s.getDescription());
    assertEquals("tcp://build-host.example:2376", s.getTransportConfig().getDockerHost().toString());
    assertEquals("build-host.example", s.getDockerHostIpAddress());
  }

  @Test
  void serviceLoaderFindsTheStrategy() {
    assertTrue(ServiceLoader.load(DockerClientProviderStrategy.class).stream()
        .anyMatch(p -> p.type() == BerthClientProviderStrategy.class));
  }

  @Test
  void nullDiscoveryIsRefused() {
    assertThrows(NullPointerException.class, () -> new BerthClientProviderStrategy(null));
  }
}
