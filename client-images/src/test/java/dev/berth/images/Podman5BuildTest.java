package dev.berth.images;

import dev.berth.testkit.Podman5Test;

/** {@link BuildCases} against Podman 5 (its Docker-compatible API 1.44). */
@Podman5Test
class Podman5BuildTest extends BuildCases {
  @Override
  boolean podman() {
    return true;
  }

  @Override
  boolean podman5() {
    return true;
  }
}
