package dev.berth.system;

import dev.berth.testkit.EngineTest;

/** {@link SystemServiceCases} against the Docker test engine. */
@EngineTest
class SystemServiceTest extends SystemServiceCases {
  @Override
  boolean podman() {
    return false;
  }
}
