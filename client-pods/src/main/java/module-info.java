/**
 * The pod service: Podman pods through its own (libpod) API, and the containers inside them.
 */
module dev.berth.pods {
  requires transitive dev.berth.client;

  exports dev.berth.pods;
}
