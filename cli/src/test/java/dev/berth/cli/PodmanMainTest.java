package dev.berth.cli;

import dev.berth.testkit.PodmanTest;

/** {@link PodmanMainCases} against Podman 4.3. */
@PodmanTest
class PodmanMainTest extends PodmanMainCases {
  @Override
  String major() {
    return "4";
  }
}
