/**
 * Test support: {@link dev.berth.testkit.DoerContract} is the behaviour every
 * {@link dev.berth.transport.Doer} must show, run against a real engine;
 * {@link dev.berth.testkit.EngineTest} connects a test to the engine that the project's scripts
 * start, removes what the test created and fails on leaked connections;
 * {@link dev.berth.testkit.peer.MisbehavingPeer} (module {@code dev.berth.testkit.peer}, required
 * transitively) stands in for an engine only where a real one cannot be made to misbehave.
 */
package dev.berth.testkit;
