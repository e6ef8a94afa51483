/**
 * The bytes-to-HTTP layer of berth: the {@link dev.berth.transport.Doer} SPI, the HTTP/1.1 engine
 * and the Unix-socket and TCP dialers. Knows nothing about JSON or the engine API.
 */
module dev.berth.transport {
  requires org.newsclub.net.unix;

  exports dev.berth.transport;
  exports dev.berth.transport.internal to dev.berth.client, dev.berth.testkit;
}
