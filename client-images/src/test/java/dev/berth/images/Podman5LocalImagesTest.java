package dev.berth.images;

import dev.berth.testkit.Podman5Test;

/** {@link LocalImagesCases} against Podman 5 (its Docker-compatible API 1.44). */
@Podman5Test
class Podman5LocalImagesTest extends LocalImagesCases {
  @Override
  boolean podman() {
    return true;
  }

  @Override
  boolean podman5() {
    return true;
  }
}
