/**
 * {@link dev.berth.testkit.peer.MisbehavingPeer}: a fake HTTP/1.1 server driven by a script per
 * connection, which stands in for an engine only where a real one cannot be made to misbehave.
 */
package dev.berth.testkit.peer;
