/**
 * The engine client core: API versions, JSON codec, typed errors and stream framing over any
 * {@link dev.berth.transport.Doer}.
 */
module dev.berth.client {
  requires transitive dev.berth.transport;
  requires transitive dev.berth.types;
  requires transitive com.fasterxml.jackson.databind;

  exports dev.berth.client;
  // shared plumbing for the service modules; not API
  exports dev.berth.client.internal to dev.berth.containers, dev.berth.images, dev.berth.pods;
}
