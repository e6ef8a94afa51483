/**
 * The operation catalog: every operation of the Docker Engine and Podman APIs, per version, to
 * list, describe and invoke by id through an {@link dev.berth.client.EngineClient}.
 */
module dev.berth.catalog {
  requires transitive dev.berth.client;

  exports dev.berth.catalog;
}
