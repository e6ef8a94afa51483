package dev.berth.testkit;

import dev.berth.transport.Dialer;
import dev.berth.transport.Dialers;
import dev.berth.transport.Endpoint;
import java.nio.file.Path;

/** The Doer contract over the engine's Unix socket through the JDK's own channels. */
class ChannelUnixDoerContractTest extends DoerContract {
  @Override
  protected Dialer dialer() {
    return Dialers.unixChannel(Path.of(Endpoint.parse(TestEngines.dockerHost()).path()));
  }
}
