/**
 * Test support for berth and for anyone writing a transport: the Doer contract suite, a JUnit
 * extension connecting to a real test engine, and a scripted misbehaving HTTP peer.
 */
module dev.berth.testkit {
  requires transitive dev.berth.client;
  requires transitive org.junit.jupiter.api;

  exports dev.berth.testkit;
}
