package dev.berth.bench.cold;

import java.nio.file.Path;

/** The engine socket, in a class that loads nothing else. */
final class ColdSocket {
  private ColdSocket() {}

  static Path socket() {
    String host = System.getenv("DOCKER_HOST");
    return Path.of(host != null && host.startsWith("unix://") ? host.substring(7) : "/var/run/docker.sock");
  }
}
