package dev.berth.transport;

import java.io.IOException;
import java.time.Duration;

/**
 * Opens byte connections to one engine endpoint: the plug-in point for new ways of reaching an
 * engine (Unix socket, TCP, TLS, an SSH channel, …). Implementations are thread-safe.
 */
@FunctionalInterface
public interface Dialer {

  /**
   * Opens a new connection.
   *
   * @param connectTimeout the longest time to wait; {@link Duration#ZERO} waits without limit
   * @throws IOException when the endpoint cannot be reached; the message names the endpoint
   */
  Connection dial(Duration connectTimeout) throws IOException;

  /** The value of the HTTP {@code Host} header for requests over this dialer's connections. */
  default String authority() {
    return "localhost";
  }
}
