package dev.berth.catalog;

import dev.berth.testkit.Podman5Test;

/** {@link PodmanCatalogInvokeCases} against Podman 5 (5.8 here): the 5.8.1 catalog. */
@Podman5Test
class Podman5CatalogInvokeTest extends PodmanCatalogInvokeCases {
  @Override
  String catalogVersion() {
    return "5.8.1";
  }
}
