package dev.berth.containers;

import dev.berth.testkit.PodmanTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@link PodmanServiceRestartCases} with Podman 4.3, the system's {@code podman}. */
@PodmanTest
class PodmanServiceRestartTest extends PodmanServiceRestartCases {
  @Override
  ProcessBuilder podman(String... args) {
    List<String> command = new ArrayList<>(List.of("podman"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    // the rig's containers.conf (scripts/podman-up): ulimits within this machine's limits, cgroupfs
    Path conf = RIG.resolve("podman").resolve("containers.conf");
    if (Files.exists(conf)) {
      pb.environment().put("CONTAINERS_CONF", conf.toString());
    }
    return pb;
  }

  @Override
  String major() {
    return "4";
  }
}
