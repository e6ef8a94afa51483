package dev.berth.containers;

import dev.berth.testkit.Docker28Test;

/** {@link ContainerLifecycleCases} against the Docker 28.5 test engine (overlay2 image store). */
@Docker28Test
class Docker28ContainerLifecycleTest extends ContainerLifecycleCases {
  @Override
  boolean podman() {
    return false;
  }
}
