package dev.berth.transport;

import dev.berth.transport.internal.TcpDialer;
import dev.berth.transport.internal.UnixDialer;
import java.nio.file.Path;
import java.util.Objects;

/** The built-in {@link Dialer}s. */
public final class Dialers {
  private Dialers() {}

  /** Dials the Unix-domain socket at {@code socketFile} (e.g. {@code /var/run/docker.sock}). */
  public static Dialer unix(Path socketFile) {
    return new UnixDialer(Objects.requireNonNull(socketFile, "socketFile"));
  }

  /** Dials plain TCP to {@code host:port}. No encryption: use it only on trusted networks. */
  public static Dialer tcp(String host, int port) {
    Objects.requireNonNull(host, "host");
    if (host.isEmpty()) {
      throw new IllegalArgumentException("host must not be empty");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    return new TcpDialer(host, port);
  }
}
