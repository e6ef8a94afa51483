/** The container service: lifecycle, logs, attach, exec, archives and stats. */
module dev.berth.containers {
  requires transitive dev.berth.client;

  exports dev.berth.containers;
}
