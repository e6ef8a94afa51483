package dev.berth.config;

import dev.berth.client.EngineClient;
import java.nio.file.Path;
import java.util.Map;

/**
 * One call to a working client, found the way the {@code docker} CLI finds its engine:
 *
 * <pre>{@code
 * try (EngineClient client = Engines.connect()) {
 *   ...
 * }
 * }</pre>
 *
 * <p>{@code DOCKER_HOST} (or Podman's {@code CONTAINER_HOST}), then {@code DOCKER_CONTEXT}, then
 * the {@code currentContext} of {@code config.json}, else the first well-known socket that
 * answers; {@code DOCKER_TLS_VERIFY}, {@code DOCKER_CERT_PATH}, {@code DOCKER_API_VERSION} and
 * {@code DOCKER_CONFIG} as the docker CLI reads them. {@link EngineDiscovery} documents the
 * precedence and the probe order; {@link #resolve()} says what would be used without connecting.
 */
public final class Engines {
  private Engines() {}

  /**
   * A client for the engine this process's environment and home folder point to. The caller
   * closes it.
   *
   * @throws NoEngineFoundException when nothing is configured and no well-known socket answers
   * @throws ConfigurationException when the configuration is malformed or names a missing context
   * @throws UnsupportedOperationException for an address that cannot be dialed (e.g. {@code ssh://} without {@code berth-transport-ssh} on the path)
   */
  public static EngineClient connect() {
    return EngineDiscovery.system().connect();
  }

  /** As {@link #connect()}, reading {@code env} and {@code home} instead of this process's. */
  public static EngineClient connect(Map<String, String> env, Path home) {
    return discovery(env, home).connect();
  }

  /** What {@link #connect()} would use, without connecting. */
  public static EngineConfig resolve() {
    return EngineDiscovery.system().resolve();
  }

  /** What {@link #connect(Map, Path)} would use, without connecting. */
  public static EngineConfig resolve(Map<String, String> env, Path home) {
    return discovery(env, home).resolve();
  }

  private static EngineDiscovery discovery(Map<String, String> env, Path home) {
    return EngineDiscovery.builder().environment(env).home(home).build();
  }
}
