package dev.berth.testkit;

import dev.berth.transport.Dialer;
import dev.berth.transport.Endpoint;

/** The Doer contract over the engine's Unix socket: the default dialer (the JDK's channels). */
class UnixDoerContractTest extends DoerContract {
  @Override
  protected Dialer dialer() {
    return Endpoint.parse(TestEngines.dockerHost()).dialer();
  }
}
