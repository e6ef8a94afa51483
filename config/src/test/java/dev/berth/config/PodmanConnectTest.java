package dev.berth.config;

import dev.berth.testkit.PodmanTest;
import dev.berth.testkit.TestEngines;

/** {@link PodmanConnectCases} against Podman 4.3. */
@PodmanTest
class PodmanConnectTest extends PodmanConnectCases {
  @Override
  String host() {
    return TestEngines.podmanHost();
  }

  @Override
  String libpodMajor() {
    return "4";
  }
}
