package dev.berth.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.EngineClient;
import dev.berth.config.EngineConfig.Source;
import dev.berth.transport.Endpoint;
import dev.berth.types.system.EngineKind;
import dev.berth.types.system.Ping;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery reaching a real Podman service: its own variable, and the socket probe. Run by
 * {@link PodmanConnectTest} (Podman 4.3) and {@link Podman5ConnectTest} (Podman 5).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class PodmanConnectCases {
  @TempDir Path home;

  /** The address of the subclass's Podman service. */
  abstract String host();

  /** The major version of its libpod API: {@code "4"} or {@code "5"}. */
  abstract String libpodMajor();

  private Path podmanSocket() {
    return Path.of(Endpoint.parse(host()).path());
  }

  @Test
  void containerHostConnectsToPodman() {
    EngineConfig config = Engines.resolve(Map.of("CONTAINER_HOST", host()), home);
    assertEquals(Source.CONTAINER_HOST, config.source());
    try (EngineClient client = config.connect()) {
      Ping ping = client.ping();
      assertEquals(EngineKind.PODMAN, ping.kind());
      assertTrue(ping.libpodApiVersion().startsWith(libpodMajor() + "."), ping.libpodApiVersion());
    }
  }

  @Test
  void theProbeFallsThroughToPodmanWhenNoDockerSocketAnswers() {
    // the default candidates, with every Docker socket moved to a path where nothing listens, and
    // the Podman socket where the test service listens
    Path podman = podmanSocket();
    List<SocketCandidate> candidates = new ArrayList<>();
    for (SocketCandidate c : EngineDiscovery.defaultCandidates(Map.of("XDG_RUNTIME_DIR", home.toString()), home)) {
      candidates.add(c.name().startsWith("Podman (rootful)") ? new SocketCandidate(c.name(), podman)
          : new SocketCandidate(c.name(), home.resolve("none-" + candidates.size() + ".sock")));
    }
    EngineDiscovery discovery = EngineDiscovery.builder().environment(Map.of()).home(home)
        .socketCandidates(candidates).build();
    EngineConfig located = discovery.resolve().locate();
    assertEquals("unix://" + podman, located.endpoint().orElseThrow().toString());
    assertTrue(located.describe().contains("Podman (rootful)"), located.describe());
    try (EngineClient client = discovery.connect()) {
      Ping ping = client.ping();
      assertEquals(EngineKind.PODMAN, ping.kind());
      assertTrue(ping.libpodApiVersion().startsWith(libpodMajor() + "."), ping.libpodApiVersion());
    }
  }
}
