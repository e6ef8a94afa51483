/** The network service: create, list, inspect, connect, disconnect, remove and prune networks. */
module dev.berth.networks {
  requires transitive dev.berth.client;

  exports dev.berth.networks;
}
