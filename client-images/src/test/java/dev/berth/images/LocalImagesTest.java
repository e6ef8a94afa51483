package dev.berth.images;

import dev.berth.testkit.EngineTest;

/** {@link LocalImagesCases} against the Docker test engine. */
@EngineTest
class LocalImagesTest extends LocalImagesCases {
  @Override
  boolean podman() {
    return false;
  }
}
