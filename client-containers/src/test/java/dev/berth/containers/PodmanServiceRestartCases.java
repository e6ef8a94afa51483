package dev.berth.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.EngineClient;
import dev.berth.client.TransportException;
import dev.berth.types.system.EngineKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Podman API service restarted under a client: this test starts its own service on a private
 * socket (the shared services of {@code scripts/podman-up} and {@code scripts/podman5-up} are never
 * touched), stops it, and starts it again. Run by {@link PodmanServiceRestartTest} (Podman 4.3's
 * {@code podman}) and {@link Podman5ServiceRestartTest} (Podman 5's, on its rig's storage); their
 * engine annotation makes sure that Podman is installed and set up here.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class PodmanServiceRestartCases {
  /** The rig's state directory ({@code scripts/podman-up}, {@code scripts/podman5-up}). */
  static final Path RIG = Path.of(System.getenv().getOrDefault("BERTH_RIG_DIR", "/tmp/berth-rig"));

  /** The Podman CLI to run {@code system service} with, set up for its rig's configuration. */
  abstract ProcessBuilder podman(String... args);

  /** The major version of that Podman: {@code "4"} or {@code "5"}. */
  abstract String major();

  private Process service(Path socket) throws IOException, InterruptedException {
    ProcessBuilder pb = podman("system", "service", "--time=0", "unix://" + socket)
        .redirectErrorStream(true).redirectOutput(socket.resolveSibling("service.log").toFile());
    Process p = pb.start();
    for (int i = 0; i < 200 && !Files.exists(socket); i++) {
      assertTrue(p.isAlive(), "podman system service exited: " + Files.readString(socket.resolveSibling("service.log")));
      Thread.sleep(50);
    }
    assertTrue(Files.exists(socket), "the service listens on " + socket);
    return p;
  }

  private static void stop(Process p) throws InterruptedException {
    p.destroy(); // SIGTERM, as a service manager's restart sends
    if (!p.waitFor(10, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aRestartedServiceAnswersTheSameClientAndTheGapIsATypedError(@TempDir Path dir) throws Exception {
    Path socket = dir.resolve("podman.sock");
    Process first = service(socket);
    Process second = null;
    try (EngineClient client = EngineClient.connect("unix://" + socket)) {
      String libpod = client.ping().libpodApiVersion();
      assertTrue(libpod.startsWith(major() + "."), libpod);
      stop(first);
      assertThrows(TransportException.class, client::ping, "nothing listens while it is down");
      second = service(socket);
      assertEquals(EngineKind.PODMAN, client.ping().kind(), "the same client reaches the new service");
      assertEquals(libpod, client.ping().libpodApiVersion());
    } finally {
      stop(first);
      if (second != null) {
        stop(second);
      }
    }
  }
}
