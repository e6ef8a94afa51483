package dev.berth.types.system;

/**
 * Which product serves the API, as guessed from the {@code /_ping} response headers by
 * {@link Ping#fromHeaders}.
 */
public enum EngineKind {
  /** Docker Engine (Moby). */
  DOCKER,
  /** Podman's Docker-compatible API. */
  PODMAN,
  /** Neither could be recognised. */
  UNKNOWN
}
