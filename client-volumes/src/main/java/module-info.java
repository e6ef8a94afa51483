/** The volume service: create, list, inspect, remove and prune volumes. */
module dev.berth.volumes {
  requires transitive dev.berth.client;

  exports dev.berth.volumes;
}
