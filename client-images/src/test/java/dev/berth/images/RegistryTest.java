package dev.berth.images;

import dev.berth.testkit.EngineTest;

/** {@link RegistryCases} against the Docker test engine. */
@EngineTest
class RegistryTest extends RegistryCases {
  @Override
  boolean podman() {
    return false;
  }
}
