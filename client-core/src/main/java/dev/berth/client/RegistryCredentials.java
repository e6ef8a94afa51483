package dev.berth.client;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Looks up the {@link RegistryAuth} for a registry, for calls that give none themselves (pull,
 * push). {@code dev.berth.config.DockerCredentials} answers from the docker CLI's
 * {@code config.json} and credential helpers; a lambda will do for fixed credentials:
 * {@code registry -> registry.equals("ghcr.io") ? Optional.of(auth) : Optional.empty()}.
 *
 * <p>Implementations must be thread-safe, and their {@code toString()} must not show secrets
 * (services include it in theirs). An unchecked exception thrown by a lookup (a helper that
 * cannot answer) propagates out of the call that needed the credentials.
 */
@FunctionalInterface
public interface RegistryCredentials {

  /**
   * The credentials for {@code registry}, or empty for anonymous access. {@code registry} is as
   * {@link #registryOf} gives it: a host with optional port ({@code localhost:5000},
   * {@code ghcr.io}), or {@code docker.io} for Docker Hub.
   */
  Optional<RegistryAuth> forRegistry(String registry);

  /**
   * The credentials for the registry of an image reference, e.g. {@code localhost:5000/app:1}
   * (registry {@code localhost:5000}) or {@code ubuntu} (Docker Hub).
   */
  default Optional<RegistryAuth> forImage(String image) {
    return forRegistry(registryOf(image));
  }

  /**
   * The registry of an image reference, as the docker CLI splits it: the part before the first
   * {@code /} when it has a {@code .} or {@code :}, is {@code localhost}, or has upper case;
   * otherwise Docker Hub, returned as {@code docker.io}. {@code localhost:5000/foo/bar:tag} gives
   * {@code localhost:5000}; {@code ubuntu} and {@code library/ubuntu} give {@code docker.io}.
   */
  static String registryOf(String image) {
    Objects.requireNonNull(image, "image");
    int slash = image.indexOf('/');
    if (slash < 0) {
      return "docker.io";
    }
    String first = image.substring(0, slash);
    boolean isHost = first.contains(".") || first.contains(":") || first.equals("localhost")
        || !first.equals(first.toLowerCase(Locale.ROOT));
    String lower = first.toLowerCase(Locale.ROOT);
    boolean dockerHub = lower.equals("docker.io") || lower.equals("index.docker.io")
        || lower.equals("registry-1.docker.io");
    return !isHost || dockerHub ? "docker.io" : first;
  }
}
