/**
 * The bytes-to-HTTP layer of berth: the {@link dev.berth.transport.Doer} SPI, the HTTP/1.1 engine
 * and the Unix-socket, TCP and TLS dialers, on the JDK alone. Knows nothing about JSON or the
 * engine API.
 */
module dev.berth.transport {
  exports dev.berth.transport;
  // the socket connection, shared with the optional junixsocket dialer
  exports dev.berth.transport.internal to dev.berth.transport.junixsocket;
}
