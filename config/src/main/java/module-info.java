/**
 * Connecting like the docker CLI does: the engine address from {@code DOCKER_HOST}, Docker contexts
 * or a probe of the well-known sockets, and registry credentials from {@code config.json} and
 * credential helpers.
 */
module dev.berth.config {
  requires transitive dev.berth.client;

  exports dev.berth.config;

  uses dev.berth.transport.DoerProvider;
}
