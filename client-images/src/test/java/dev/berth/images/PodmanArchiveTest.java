package dev.berth.images;

import dev.berth.testkit.PodmanTest;

/** {@link ArchiveCases} against the Podman test engine (Podman 4.3's Docker-compatible API). */
@PodmanTest
class PodmanArchiveTest extends ArchiveCases {
  @Override
  boolean podman() {
    return true;
  }
}
