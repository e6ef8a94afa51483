package dev.berth.catalog;

import dev.berth.testkit.PodmanTest;

/** {@link PodmanCatalogInvokeCases} against the Podman 4.3 test engine: the 4.3.1 catalog. */
@PodmanTest
class PodmanCatalogInvokeTest extends PodmanCatalogInvokeCases {
  @Override
  String catalogVersion() {
    return "4.3.1";
  }
}
