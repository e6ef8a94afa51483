package dev.berth.system;

import dev.berth.testkit.PodmanTest;

/** {@link SystemServiceCases} against the Podman test engine (Podman 4.3's Docker-compatible API). */
@PodmanTest
class PodmanSystemServiceTest extends SystemServiceCases {
  @Override
  boolean podman() {
    return true;
  }
}
