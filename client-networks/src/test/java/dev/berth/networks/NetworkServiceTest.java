package dev.berth.networks;

import dev.berth.testkit.EngineTest;

/** {@link NetworkServiceCases} against the Docker test engine. */
@EngineTest
class NetworkServiceTest extends NetworkServiceCases {
  @Override
  boolean podman() {
    return false;
  }
}
