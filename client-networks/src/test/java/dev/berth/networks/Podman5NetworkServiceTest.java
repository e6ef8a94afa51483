package dev.berth.networks;

import dev.berth.testkit.Podman5Test;

/** {@link NetworkServiceCases} against Podman 5 (its Docker-compatible API 1.44). */
@Podman5Test
class Podman5NetworkServiceTest extends NetworkServiceCases {
  @Override
  boolean podman() {
    return true;
  }

  @Override
  boolean podman5() {
    return true;
  }
}
