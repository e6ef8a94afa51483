package dev.berth.containers;

import dev.berth.testkit.Podman5Test;

/** {@link ContainerLifecycleCases} against Podman 5 (its Docker-compatible API 1.44). */
@Podman5Test
class Podman5ContainerLifecycleTest extends ContainerLifecycleCases {
  @Override
  boolean podman() {
    return true;
  }

  @Override
  boolean podman5() {
    return true;
  }
}
