package dev.berth.testkit;

import dev.berth.transport.Dialer;
import dev.berth.transport.Endpoint;
import dev.berth.transport.junixsocket.JunixsocketDialer;
import java.nio.file.Path;

/** The Dialer contract over junixsocket's sockets, through the public socket adapter. */
class JunixsocketDialerContractTest extends DialerContract {
  @Override
  protected Dialer dialer() {
    return JunixsocketDialer.of(Path.of(Endpoint.parse(TestEngines.dockerHost()).path()));
  }
}
