package dev.berth.containers;

import dev.berth.testkit.Podman5Test;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link PodmanServiceRestartCases} with Podman 5: the CLI wrapper of {@code scripts/podman5-up}
 * (its binary on its configuration and storage), serving a socket of the test's own, in the host's
 * network namespace (the test only pings it).
 */
@Podman5Test
class Podman5ServiceRestartTest extends PodmanServiceRestartCases {
  @Override
  ProcessBuilder podman(String... args) {
    List<String> command = new ArrayList<>(List.of(RIG.resolve("podman5").resolve("podman5").toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  @Override
  String major() {
    return "5";
  }
}
