package dev.berth.system;

import dev.berth.testkit.Docker28Test;

/** {@link SystemServiceCases} against the Docker 28.5 test engine (overlay2 image store). */
@Docker28Test
class Docker28SystemServiceTest extends SystemServiceCases {
  @Override
  boolean podman() {
    return false;
  }
}
