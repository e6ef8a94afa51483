package dev.berth.images;

import dev.berth.testkit.PodmanTest;

/** {@link RegistryCases} against the Podman test engine (Podman 4.3's Docker-compatible API). */
@PodmanTest
class PodmanRegistryTest extends RegistryCases {
  @Override
  boolean podman() {
    return true;
  }
}
