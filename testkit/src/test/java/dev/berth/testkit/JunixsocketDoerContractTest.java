package dev.berth.testkit;

import dev.berth.transport.Dialer;
import dev.berth.transport.Endpoint;
import dev.berth.transport.junixsocket.JunixsocketDialer;
import java.nio.file.Path;

/** The Doer contract over the engine's Unix socket through the optional junixsocket dialer. */
class JunixsocketDoerContractTest extends DoerContract {
  @Override
  protected Dialer dialer() {
    return JunixsocketDialer.of(Path.of(Endpoint.parse(TestEngines.dockerHost()).path()));
  }
}
