package dev.berth.images;

import dev.berth.testkit.PodmanTest;

/** {@link LocalImagesCases} against the Podman test engine (Podman 4.3's Docker-compatible API). */
@PodmanTest
class PodmanLocalImagesTest extends LocalImagesCases {
  @Override
  boolean podman() {
    return true;
  }
}
