package dev.berth.images;

import dev.berth.testkit.EngineTest;

/** {@link ArchiveCases} against the Docker test engine. */
@EngineTest
class ArchiveTest extends ArchiveCases {
  @Override
  boolean podman() {
    return false;
  }
}
