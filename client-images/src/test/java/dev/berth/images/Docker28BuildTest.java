package dev.berth.images;

import dev.berth.testkit.Docker28Test;

/** {@link BuildCases} against the Docker 28.5 test engine (overlay2 image store). */
@Docker28Test
class Docker28BuildTest extends BuildCases {
  @Override
  boolean podman() {
    return false;
  }
}
