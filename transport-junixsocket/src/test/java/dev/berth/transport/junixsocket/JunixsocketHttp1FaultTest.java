package dev.berth.transport.junixsocket;

import dev.berth.http1test.Http1FaultSuite;
import dev.berth.transport.Dialer;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * transport's HTTP/1.1 fault suite over {@link JunixsocketDialer}: the faults whose outcome
 * depends on the socket underneath. The suite's TCP runs and the faults of the HTTP framing alone
 * run in transport's {@code Http1FaultTest}; they do not depend on the dialer.
 */
class JunixsocketHttp1FaultTest extends Http1FaultSuite {

  /** Only the Unix socket: this module's dialer. */
  static Stream<Transport> transports() {
    return Stream.of(Transport.UNIX);
  }

  @Override
  protected Dialer unixDialer(Path socket) {
    return JunixsocketDialer.of(socket);
  }
}
