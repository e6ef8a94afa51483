package dev.berth.it;

import dev.berth.testkit.PodmanTest;

/** {@link PodmanModulePathCases} against Podman 4.3. */
@PodmanTest
class PodmanModulePathTest extends PodmanModulePathCases {
  @Override
  String major() {
    return "4";
  }
}
