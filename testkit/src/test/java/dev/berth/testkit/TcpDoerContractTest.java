package dev.berth.testkit;

import dev.berth.transport.Dialer;
import dev.berth.transport.Endpoint;

/** The Doer contract over plain TCP to the engine on 127.0.0.1. */
class TcpDoerContractTest extends DoerContract {
  @Override
  protected Dialer dialer() {
    return Endpoint.parse(TestEngines.dockerTcp()).dialer();
  }
}
