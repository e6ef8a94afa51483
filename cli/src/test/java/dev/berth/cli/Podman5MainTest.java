package dev.berth.cli;

import dev.berth.testkit.Podman5Test;

/** {@link PodmanMainCases} against Podman 5. */
@Podman5Test
class Podman5MainTest extends PodmanMainCases {
  @Override
  String major() {
    return "5";
  }
}
