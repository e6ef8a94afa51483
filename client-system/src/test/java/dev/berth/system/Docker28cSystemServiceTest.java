package dev.berth.system;

import dev.berth.testkit.Docker28cTest;

/** {@link SystemServiceCases} against the Docker 28.5 test engine with the containerd image store. */
@Docker28cTest
class Docker28cSystemServiceTest extends SystemServiceCases {
  @Override
  boolean podman() {
    return false;
  }
}
