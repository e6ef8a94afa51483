package dev.berth.volumes;

import dev.berth.testkit.PodmanTest;

/** {@link VolumeServiceCases} against the Podman test engine (Podman 4.3's Docker-compatible API). */
@PodmanTest
class PodmanVolumeServiceTest extends VolumeServiceCases {
  @Override
  boolean podman() {
    return true;
  }
}
