package dev.berth.containers;

import dev.berth.testkit.EngineTest;

/** {@link ContainerStreamsCases} against the Docker test engine. */
@EngineTest
class ContainerStreamsTest extends ContainerStreamsCases {
  @Override
  boolean podman() {
    return false;
  }
}
