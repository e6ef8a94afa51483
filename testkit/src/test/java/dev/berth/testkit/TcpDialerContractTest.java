package dev.berth.testkit;

import dev.berth.transport.Dialer;
import dev.berth.transport.Endpoint;

/** The Dialer contract over plain TCP on loopback. */
class TcpDialerContractTest extends DialerContract {
  @Override
  protected Dialer dialer() {
    return Endpoint.parse(TestEngines.dockerTcp()).dialer();
  }
}
