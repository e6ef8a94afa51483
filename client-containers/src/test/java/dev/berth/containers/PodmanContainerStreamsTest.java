package dev.berth.containers;

import dev.berth.testkit.PodmanTest;

/** {@link ContainerStreamsCases} against the Podman test engine (Podman 4.3's Docker-compatible API). */
@PodmanTest
class PodmanContainerStreamsTest extends ContainerStreamsCases {
  @Override
  boolean podman() {
    return true;
  }
}
