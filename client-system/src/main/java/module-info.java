/** The system service: ping, version, info, disk usage and the event stream. */
module dev.berth.system {
  requires transitive dev.berth.client;

  exports dev.berth.system;
}
