/** Micrometer observations and meters around any berth {@link dev.berth.transport.Doer} and client. */
module dev.berth.tracing.micrometer {
  requires transitive dev.berth.client;
  requires transitive micrometer.core;
  requires transitive micrometer.observation;
  requires transitive micrometer.commons;
  // only for BerthHttp2Metrics: whoever builds an Http2Doer brings the module (and Netty) along
  requires static dev.berth.transport.http2;

  exports dev.berth.tracing.micrometer;
}
