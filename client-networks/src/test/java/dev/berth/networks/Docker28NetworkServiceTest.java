package dev.berth.networks;

import dev.berth.testkit.Docker28Test;

/** {@link NetworkServiceCases} against the Docker 28.5 test engine (overlay2 image store). */
@Docker28Test
class Docker28NetworkServiceTest extends NetworkServiceCases {
  @Override
  boolean podman() {
    return false;
  }
}
