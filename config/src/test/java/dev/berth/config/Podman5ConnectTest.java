package dev.berth.config;

import dev.berth.testkit.Podman5Test;
import dev.berth.testkit.TestEngines;

/** {@link PodmanConnectCases} against Podman 5. */
@Podman5Test
class Podman5ConnectTest extends PodmanConnectCases {
  @Override
  String host() {
    return TestEngines.podman5Host();
  }

  @Override
  String libpodMajor() {
    return "5";
  }
}
