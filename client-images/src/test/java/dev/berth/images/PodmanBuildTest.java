package dev.berth.images;

import dev.berth.testkit.PodmanTest;

/** {@link BuildCases} against the Podman test engine (Podman 4.3's Docker-compatible API). */
@PodmanTest
class PodmanBuildTest extends BuildCases {
  @Override
  boolean podman() {
    return true;
  }
}
