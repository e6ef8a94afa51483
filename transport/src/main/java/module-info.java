/**
 * The bytes-to-HTTP layer of berth: the {@link dev.berth.transport.Doer} SPI, the HTTP/1.1 engine
 * and the Unix-socket, TCP and TLS dialers, on the JDK alone. Knows nothing about JSON or the
 * engine API. Other schemes (ssh) plug in as {@link dev.berth.transport.DialerProvider}s.
 */
module dev.berth.transport {
  exports dev.berth.transport;

  uses dev.berth.transport.DialerProvider;
}
