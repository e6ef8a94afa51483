package dev.berth.networks;

import dev.berth.testkit.PodmanTest;

/** {@link NetworkServiceCases} against the Podman test engine (Podman 4.3's Docker-compatible API). */
@PodmanTest
class PodmanNetworkServiceTest extends NetworkServiceCases {
  @Override
  boolean podman() {
    return true;
  }
}
