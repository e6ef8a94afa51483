/**
 * The bytes-to-HTTP layer of berth: the {@link dev.berth.transport.Doer} SPI, the HTTP/1.1 engine
 * and the Unix-socket, TCP and TLS dialers. Knows nothing about JSON or the engine API.
 */
module dev.berth.transport {
  requires org.newsclub.net.unix;
  // junixsocket's native library; required so that it is resolved on the module path too
  requires com.kohlschutter.junixsocket.nativecommon;

  exports dev.berth.transport;
}
