package dev.berth.testkit;

import dev.berth.transport.Dialer;
import dev.berth.transport.Endpoint;

/** The Dialer contract over the engine's Unix socket with the JDK's channels. */
class UnixDialerContractTest extends DialerContract {
  @Override
  protected Dialer dialer() {
    return Endpoint.parse(TestEngines.dockerHost()).dialer();
  }
}
