/** Micrometer observations and meters around any berth {@link dev.berth.transport.Doer} and client. */
module dev.berth.tracing.micrometer {
  requires transitive dev.berth.client;
  requires transitive micrometer.core;
  requires transitive micrometer.observation;
  requires transitive micrometer.commons;

  exports dev.berth.tracing.micrometer;
}
