package dev.berth.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A Unix socket where an engine may listen, probed when nothing is configured.
 *
 * @param name what usually listens there, e.g. {@code "Docker Desktop"}
 * @param socket the socket file
 */
public record SocketCandidate(String name, Path socket) {
  /** Checks the components are present. */
  public SocketCandidate {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(socket, "socket");
  }

  /** The engine address, {@code unix:///path}. */
  public String address() {
    return "unix://" + socket;
  }

  @Override
  public String toString() {
    return name + " (" + socket + ")";
  }
}
