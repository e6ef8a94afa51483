package dev.berth.transport;

import dev.berth.transport.internal.TcpDialer;
import dev.berth.transport.internal.TlsDialer;
import dev.berth.transport.internal.UnixDialer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/** The built-in {@link Dialer}s. */
public final class Dialers {
  private Dialers() {}

  /**
   * Dials the Unix-domain socket at {@code socketFile} (e.g. {@code /var/run/docker.sock}) with
   * the JDK's own channels: no native library. Reads honour read timeouts; closing a connection
   * wakes a blocked reader and writer. For junixsocket's sockets instead, see the
   * {@code berth-transport-junixsocket} module.
   */
  public static Dialer unix(Path socketFile) {
    return new UnixDialer(Objects.requireNonNull(socketFile, "socketFile"));
  }

  /** Dials plain TCP to {@code host:port}. No encryption: use it only on trusted networks. */
  public static Dialer tcp(String host, int port) {
    checkHostPort(host, port);
    return new TcpDialer(host, port);
  }

  /**
   * Dials TLS over TCP to {@code host:port} (an engine started with {@code --tlsverify}, usually
   * on port 2376). Each connection is an {@link javax.net.ssl.SSLEngine} over a non-blocking socket
   * channel, whose handshake completes in {@link Dialer#dial} (bounded by the connect timeout);
   * like the other built-in connections, a waiting reader costs no CPU. Failures: an untrusted engine certificate, a host-name mismatch or a refused
   * client certificate fails the dial with an {@link IOException} (an
   * {@link javax.net.ssl.SSLException}) naming the endpoint and the cause.
   */
  public static Dialer tls(String host, int port, TlsConfig tls) {
    checkHostPort(host, port);
    Objects.requireNonNull(tls, "tls");
    return new TlsDialer(host, port, tls.settings(), "tcp://" + authority(host, port));
  }

  static Dialer tls(String host, int port, TlsConfig tls, String endpoint) {
    checkHostPort(host, port);
    return new TlsDialer(host, port, tls.settings(), endpoint);
  }

  private static String authority(String host, int port) {
    return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
  }

  private static void checkHostPort(String host, int port) {
    Objects.requireNonNull(host, "host");
    if (host.isEmpty()) {
      throw new IllegalArgumentException("host must not be empty");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }
}
