package dev.berth.config.internal;

import dev.berth.config.TlsMaterial;
import dev.berth.transport.Dialer;
import dev.berth.transport.Endpoint;

/**
 * Turns discovered {@link TlsMaterial} into a TLS {@link Dialer}. The only class of this module
 * that touches the transport's TLS API.
 */
public final class TlsWiring {
  private TlsWiring() {}

  /**
   * A TLS dialer for a {@code tcp://} or {@code https://} endpoint.
   *
   * @throws UnsupportedOperationException while berth-transport has no TLS support
   */
  public static Dialer dialer(Endpoint endpoint, TlsMaterial tls) {
    throw new UnsupportedOperationException("TLS to " + endpoint + " (" + tls
        + ") needs TLS support in berth-transport, which this build does not have yet");
  }
}
