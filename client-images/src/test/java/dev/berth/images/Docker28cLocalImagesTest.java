package dev.berth.images;

import dev.berth.testkit.Docker28cTest;

/** {@link LocalImagesCases} against the Docker 28.5 test engine with the containerd image store. */
@Docker28cTest
class Docker28cLocalImagesTest extends LocalImagesCases {
  @Override
  boolean podman() {
    return false;
  }
}
