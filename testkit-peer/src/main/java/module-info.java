/**
 * A scripted misbehaving HTTP/1.1 peer, on TCP or a Unix domain socket, for testing an HTTP client
 * against what a real Docker or Podman engine cannot be made to do. JDK only, so that the transport's
 * own tests can use it; {@code dev.berth.testkit} re-exports it.
 */
module dev.berth.testkit.peer {
  exports dev.berth.testkit.peer;
}
