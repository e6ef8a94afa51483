package dev.berth.volumes;

import dev.berth.testkit.Docker28Test;

/** {@link VolumeServiceCases} against the Docker 28.5 test engine (overlay2 image store). */
@Docker28Test
class Docker28VolumeServiceTest extends VolumeServiceCases {
  @Override
  boolean podman() {
    return false;
  }
}
