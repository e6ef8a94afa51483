package dev.berth.pods;

import dev.berth.testkit.Podman5Test;

/** {@link PodServiceCases} against Podman 5. */
@Podman5Test
class Podman5PodServiceTest extends PodServiceCases {
  @Override
  boolean podman5() {
    return true;
  }
}
