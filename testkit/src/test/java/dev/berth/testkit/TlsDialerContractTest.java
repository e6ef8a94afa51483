package dev.berth.testkit;

import dev.berth.transport.Dialer;
import dev.berth.transport.Endpoint;
import dev.berth.transport.TlsConfig;
import java.io.IOException;

/**
 * The Dialer contract over mutual TLS to dockerd's own {@code --tlsverify} listener, with the rig's
 * certificates: read timeouts, half-close (close_notify then FIN), a read cut by close failing.
 */
class TlsDialerContractTest extends DialerContract {
  @Override
  protected Dialer dialer() throws IOException {
    return Endpoint.parse(TestEngines.dockerTls()).dialer(TlsConfig.fromCertPath(TestEngines.dockerCertPath(), true));
  }
}
