package dev.berth.containers;

import dev.berth.testkit.PodmanTest;

/** {@link ContainerLifecycleCases} against the Podman test engine (Podman 4.3's Docker-compatible API). */
@PodmanTest
class PodmanContainerLifecycleTest extends ContainerLifecycleCases {
  @Override
  boolean podman() {
    return true;
  }
}
