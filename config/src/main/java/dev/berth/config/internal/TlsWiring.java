package dev.berth.config.internal;

import dev.berth.config.ConfigurationException;
import dev.berth.config.TlsMaterial;
import dev.berth.transport.Dialer;
import dev.berth.transport.Endpoint;
import dev.berth.transport.TlsConfig;
import java.io.IOException;

/**
 * Turns discovered {@link TlsMaterial} into a TLS {@link Dialer}. The only class of this module
 * that touches the transport's TLS API.
 */
public final class TlsWiring {
  private TlsWiring() {}

  /**
   * A TLS dialer for a {@code tcp://} or {@code https://} endpoint.
   *
   * @throws ConfigurationException when the files cannot be used (half a key pair, unreadable,
   *     not PEM, a key that does not match its certificate)
   */
  public static Dialer dialer(Endpoint endpoint, TlsMaterial tls) {
    return endpoint.dialer(config(tls));
  }

  /** The transport's TLS settings for {@code m}; files are read and checked here. */
  public static TlsConfig config(TlsMaterial m) {
    TlsConfig.Builder b = TlsConfig.builder();
    if (m.verifyServer()) {
      m.caCertificate().ifPresent(b::caCertificates);
    } else {
      b.insecureSkipVerify();
    }
    if (m.clientCertificate().isPresent() != m.clientKey().isPresent()) {
      throw new ConfigurationException("TLS files in " + m.directory() + ": found "
          + (m.clientCertificate().isPresent() ? "cert.pem but no key.pem" : "key.pem but no cert.pem")
          + "; a client certificate needs both");
    }
    if (m.clientCertificate().isPresent()) {
      b.clientCertificate(m.clientCertificate().get(), m.clientKey().get());
    }
    try {
      return b.build();
    } catch (IOException e) {
      throw new ConfigurationException("TLS files in " + m.directory() + " cannot be used: " + e.getMessage(), e);
    }
  }
}
