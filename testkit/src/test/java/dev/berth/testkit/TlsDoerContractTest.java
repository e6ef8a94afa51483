package dev.berth.testkit;

import dev.berth.transport.Dialer;
import dev.berth.transport.Endpoint;
import dev.berth.transport.TlsConfig;
import java.io.IOException;

/**
 * The Doer contract over mutual TLS to dockerd's own {@code --tlsverify} listener on 127.0.0.1:2376,
 * with the rig's certificates: raw streams, half-close (close_notify then FIN) and closing from
 * another thread included.
 */
class TlsDoerContractTest extends DoerContract {
  @Override
  protected Dialer dialer() throws IOException {
    return Endpoint.parse(TestEngines.dockerTls()).dialer(TlsConfig.fromCertPath(TestEngines.dockerCertPath(), true));
  }
}
