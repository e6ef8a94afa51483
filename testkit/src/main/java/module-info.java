/**
 * Test support for berth and for anyone writing a transport: the Doer contract suite, a JUnit
 * extension connecting to a real test engine, and a scripted misbehaving HTTP peer.
 */
module dev.berth.testkit {
  requires transitive dev.berth.client;
  requires transitive org.junit.jupiter.api;
  // the misbehaving HTTP peer moved to its own JDK-only module; testkit users still get it
  requires transitive dev.berth.testkit.peer;

  exports dev.berth.testkit;
}
