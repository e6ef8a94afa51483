package dev.berth.containers;

import dev.berth.testkit.EngineTest;

/** {@link ContainerLifecycleCases} against the Docker test engine. */
@EngineTest
class ContainerLifecycleTest extends ContainerLifecycleCases {
  @Override
  boolean podman() {
    return false;
  }
}
