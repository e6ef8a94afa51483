package dev.berth.pods;

import dev.berth.testkit.PodmanTest;

/** {@link PodServiceCases} against the Podman 4.3 test engine. */
@PodmanTest
class PodServiceTest extends PodServiceCases {
  @Override
  boolean podman5() {
    return false;
  }
}
