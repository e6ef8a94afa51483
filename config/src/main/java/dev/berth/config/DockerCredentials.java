package dev.berth.config;

import dev.berth.client.RegistryAuth;
import dev.berth.client.RegistryCredentials;
import dev.berth.config.internal.ConfigFile;
import dev.berth.config.internal.CredentialHelper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Registry credentials as the docker CLI keeps them in {@code config.json}. Immutable and
 * thread-safe; the file is read once, when loaded; helpers run on each lookup.
 *
 * <p>For a registry, the first that applies answers, as in the docker CLI:
 * <ol>
 *   <li>{@code credHelpers[registry]}: the helper {@code docker-credential-<name>};
 *   <li>{@code credsStore}: the helper for every registry (the {@code auths} entries then only
 *       list registries; their secrets live in the helper);
 *   <li>{@code auths[registry]}: base64 {@code auth} ({@code user:password}), or
 *       {@code username}/{@code password}, or {@code identitytoken}.
 * </ol>
 * Docker Hub is the key {@link #DOCKER_HUB}; other registries are keyed by host (and port);
 * keys written as URLs ({@code https://host/v1/}) match their host. A helper that answers
 * "credentials not found" gives an empty result, like an absent entry: pull anonymously.
 *
 * <p>Helpers are found on the {@code PATH} of the environment given to {@link #load(Map, Path)}
 * (or the builder), and run with exactly that environment, each bounded by a timeout (default
 * 30 s; the helper and every process it started are killed after it). As Go's
 * {@code exec.LookPath}, only absolute {@code PATH} entries are searched: a relative one (empty,
 * {@code .}, {@code bin}) would run whatever the current directory holds. A helper name that is
 * empty or holds a {@code /}, white space or a control character (a NUL) is refused with a
 * {@link CredentialHelperException}. A failing helper's output is never shown in the exception,
 * as it may hold the secret: the message names the helper, the registry and the exit status.
 *
 * <p>As a {@link RegistryCredentials}, it is what the images service takes to find credentials
 * for a pull or push; a helper that cannot answer then fails the call with
 * {@link CredentialHelperException}.
 */
public final class DockerCredentials implements RegistryCredentials {
  /** Docker Hub's key in {@code config.json} and what helpers are asked for. */
  public static final String DOCKER_HUB = "https://index.docker.io/v1/";
  /** The default limit on a helper run. */
  public static final Duration DEFAULT_HELPER_TIMEOUT = Duration.ofSeconds(30);

  private final ConfigFile file;
  private final Map<String, String> env;
  private final Duration helperTimeout;

  private DockerCredentials(ConfigFile file, Map<String, String> env, Duration helperTimeout) {
    this.file = file;
    this.env = env;
    this.helperTimeout = helperTimeout;
  }

  /**
   * Credentials of this process's user: {@code $DOCKER_CONFIG/config.json}, else
   * {@code ~/.docker/config.json}.
   *
   * @throws ConfigurationException when the file exists but cannot be read or parsed
   */
  public static DockerCredentials load() {
    return builder().build();
  }

  /**
   * Credentials from {@code DOCKER_CONFIG} in {@code env}, else {@code home/.docker}; helpers run
   * with {@code env} (and its {@code PATH}).
   *
   * @throws ConfigurationException when the file exists but cannot be read or parsed
   */
  public static DockerCredentials load(Map<String, String> env, Path home) {
    return builder().environment(env).configDirectory(EngineDiscovery.configDirectory(env, home)).build();
  }

  /** A builder; by default it reads this process's environment and configuration folder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The {@code config.json} read (it need not exist). */
  public Path configFile() {
    return file.path();
  }

  /**
   * The credentials for the registry of an image reference, e.g. {@code localhost:5000/app:1}
   * (registry {@code localhost:5000}) or {@code ubuntu} (Docker Hub); the registry is
   * {@link RegistryCredentials#registryOf}.
   *
   * @throws CredentialHelperException when a configured helper cannot answer
   */
  @Override
  public Optional<RegistryAuth> forImage(String image) {
    return forRegistry(RegistryCredentials.registryOf(image));
  }

  /**
   * The credentials for a registry: a host ({@code localhost:5000}, {@code ghcr.io}),
   * {@code docker.io}, an empty string (Docker Hub), or a key as written in {@code config.json}.
   *
   * @throws CredentialHelperException when a configured helper cannot answer
   */
  @Override
  public Optional<RegistryAuth> forRegistry(String registry) {
    String key = configKey(registry);
    Helper helper = helperFor(key);
    if (helper != null) {
      return CredentialHelper.get(helper.name(), key, env, helperTimeout, helper.origin());
    }
    ConfigFile.AuthEntry entry = file.auths().get(key);
    String matchedKey = key;
    if (entry == null) {
      String host = hostOf(key);
      for (Map.Entry<String, ConfigFile.AuthEntry> e : file.auths().entrySet()) {
        if (hostOf(configKey(e.getKey())).equals(host)) {
          entry = e.getValue();
          matchedKey = e.getKey();
          break;
        }
      }
    }
    return entry == null ? Optional.empty() : fromEntry(entry, matchedKey);
  }

  /** The {@code X-Registry-Auth} value for an image: its credentials, or anonymous. */
  public String headerForImage(String image) {
    return RegistryAuth.header(forImage(image).orElse(null));
  }

  private record Helper(String name, String origin) {}

  private Helper helperFor(String key) {
    String exact = file.credHelpers().get(key);
    if (exact != null) {
      return new Helper(exact, "credHelpers[\"" + key + "\"] in " + file.path());
    }
    String host = hostOf(key);
    for (Map.Entry<String, String> e : file.credHelpers().entrySet()) {
      if (hostOf(configKey(e.getKey())).equals(host)) {
        return new Helper(e.getValue(), "credHelpers[\"" + e.getKey() + "\"] in " + file.path());
      }
    }
    return file.credsStore() == null ? null : new Helper(file.credsStore(), "credsStore in " + file.path());
  }

  private Optional<RegistryAuth> fromEntry(ConfigFile.AuthEntry e, String key) {
    String user = e.username();
    String password = e.password();
    if (e.auth() != null) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(e.auth().trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException x) {
        throw new ConfigurationException("the \"auth\" of \"" + key + "\" in " + file.path() + " is not base64", null);
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        throw new ConfigurationException("the \"auth\" of \"" + key + "\" in " + file.path()
            + " is not base64 of user:password", null);
      }
      user = decoded.substring(0, colon);
      password = decoded.substring(colon + 1);
    }
    if (e.identityToken() != null) {
      return Optional.of(RegistryAuth.identityToken(user == null || user.isEmpty() ? null : user, e.identityToken(), key));
    }
    if (user == null || user.isEmpty() || password == null) {
      return Optional.empty(); // an entry that only lists the registry (its secret is in a helper)
    }
    return Optional.of(RegistryAuth.basic(user, password, key));
  }

  /**
   * The key a registry has in {@code config.json} and is asked of helpers: {@link #DOCKER_HUB}
   * for Docker Hub ({@code docker.io}, {@code index.docker.io}, {@code registry-1.docker.io},
   * empty), else the host and port without scheme or path.
   */
  public static String configKey(String registry) {
    String host = hostOf(registry == null ? "" : registry);
    return host.isEmpty() || isDockerHub(host) ? DOCKER_HUB : host;
  }

  private static boolean isDockerHub(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("docker.io") || h.equals("index.docker.io") || h.equals("registry-1.docker.io");
  }

  /** {@code https://host:port/v1/} → {@code host:port}: the docker CLI's ConvertToHostname. */
  private static String hostOf(String key) {
    String s = key.trim();
    if (s.startsWith("http://")) {
      s = s.substring(7);
    } else if (s.startsWith("https://")) {
      s = s.substring(8);
    }
    int slash = s.indexOf('/');
    return slash >= 0 ? s.substring(0, slash) : s;
  }

  @Override
  public String toString() {
    return "DockerCredentials[" + file.path() + (file.credsStore() == null ? "" : ", credsStore " + file.credsStore())
        + (file.credHelpers().isEmpty() ? "" : ", credHelpers " + file.credHelpers().keySet())
        + ", auths " + file.auths().keySet() + "]";
  }

  /** Configures {@link DockerCredentials}; not thread-safe. */
  public static final class Builder {
    private Map<String, String> env = System.getenv();
    private Path configDirectory;
    private Duration helperTimeout = DEFAULT_HELPER_TIMEOUT;

    private Builder() {}

    /**
     * The environment helpers run with and whose {@code PATH} finds them (default: this
     * process's). Also gives {@code DOCKER_CONFIG} unless {@link #configDirectory} is set.
     */
    public Builder environment(Map<String, String> env) {
      Map<String, String> copy = new LinkedHashMap<>();
      Objects.requireNonNull(env, "env").forEach((k, v) -> {
        if (k != null && v != null) {
          copy.put(k, v);
        }
      });
      this.env = Map.copyOf(copy);
      return this;
    }

    /** The folder holding {@code config.json} (default {@code DOCKER_CONFIG}, else {@code ~/.docker}). */
    public Builder configDirectory(Path directory) {
      this.configDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** The limit on each helper run (default 30 s). */
    public Builder helperTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("helperTimeout must be positive: " + timeout);
      }
      this.helperTimeout = timeout;
      return this;
    }

    /**
     * Reads {@code config.json}.
     *
     * @throws ConfigurationException when it exists but cannot be read or parsed
     */
    public DockerCredentials build() {
      Path dir = configDirectory != null ? configDirectory
          : EngineDiscovery.configDirectory(env, Path.of(System.getProperty("user.home")));
      return new DockerCredentials(ConfigFile.read(dir), env, helperTimeout);
    }
  }
}
