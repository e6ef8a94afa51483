package dev.berth.volumes;

import dev.berth.testkit.EngineTest;

/** {@link VolumeServiceCases} against the Docker test engine. */
@EngineTest
class VolumeServiceTest extends VolumeServiceCases {
  @Override
  boolean podman() {
    return false;
  }
}
