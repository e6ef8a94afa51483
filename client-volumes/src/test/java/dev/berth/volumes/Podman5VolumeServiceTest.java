package dev.berth.volumes;

import dev.berth.testkit.Podman5Test;

/** {@link VolumeServiceCases} against Podman 5 (its Docker-compatible API 1.44). */
@Podman5Test
class Podman5VolumeServiceTest extends VolumeServiceCases {
  @Override
  boolean podman() {
    return true;
  }

  @Override
  boolean podman5() {
    return true;
  }
}
