package dev.berth.images;

import dev.berth.testkit.EngineTest;

/** {@link BuildCases} against the Docker test engine. */
@EngineTest
class BuildTest extends BuildCases {
  @Override
  boolean podman() {
    return false;
  }
}
