package dev.berth.system;

import dev.berth.testkit.Podman5Test;

/** {@link SystemServiceCases} against Podman 5 (its Docker-compatible API 1.44). */
@Podman5Test
class Podman5SystemServiceTest extends SystemServiceCases {
  @Override
  boolean podman() {
    return true;
  }

  @Override
  boolean podman5() {
    return true;
  }
}
