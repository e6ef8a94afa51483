package dev.berth.it;

import dev.berth.testkit.Podman5Test;

/** {@link PodmanModulePathCases} against Podman 5. */
@Podman5Test
class Podman5ModulePathTest extends PodmanModulePathCases {
  @Override
  String major() {
    return "5";
  }
}
