package dev.berth.config;

import dev.berth.client.ApiVersion;
import dev.berth.client.EngineClient;
import dev.berth.config.EngineConfig.Source;
import dev.berth.config.internal.ConfigFile;
import dev.berth.config.internal.Contexts;
import dev.berth.transport.Endpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the engine the way the {@code docker} CLI does, from an environment and a home folder
 * that can be given explicitly (tests, tools acting for another user). Immutable and
 * thread-safe; {@link Engines} has the one-call shortcuts.
 *
 * <h2>Precedence</h2>
 * The first of these that is set decides, as in the docker CLI:
 * <ol>
 *   <li>{@code DOCKER_HOST}, with {@code DOCKER_TLS_VERIFY}, {@code DOCKER_TLS} and
 *       {@code DOCKER_CERT_PATH} for TLS;
 *   <li>{@code CONTAINER_HOST} (Podman's variable; not in the docker CLI; an explicit host, so it
 *       ranks with {@code DOCKER_HOST}, just below it; the {@code DOCKER_TLS*} variables do not
 *       apply to it);
 *   <li>{@code DOCKER_CONTEXT}, then {@code currentContext} in {@code config.json}: the context's
 *       docker endpoint ({@code contexts/meta/<sha256(name)>/meta.json}) and its TLS files
 *       ({@code contexts/tls/<sha256(name)>/docker/}); the context {@code default} means none;
 *   <li>{@code DOCKER_TLS_VERIFY} or {@code DOCKER_TLS} alone: {@code tcp://localhost:2376} with
 *       TLS, the docker CLI's default TLS address;
 *   <li>otherwise a probe of the well-known sockets, see {@link #defaultCandidates}.
 * </ol>
 * {@code DOCKER_API_VERSION} pins the API version in every case. {@code DOCKER_CONFIG} names the
 * configuration folder (default {@code ~/.docker}). {@code BERTH_HTTP_VERSION=2} (berth's own,
 * not the docker CLI's) speaks HTTP/2 to whichever endpoint wins, h2c or h2 over TLS, through
 * {@code berth-transport-http2}; {@code 1.1}, the default, is the built-in transport.
 *
 * <h2>TLS from the environment</h2>
 * As the docker CLI: any non-empty {@code DOCKER_TLS_VERIFY} (even {@code 0}) turns on TLS with
 * server verification; {@code DOCKER_TLS} alone turns on TLS without verification (insecure);
 * the files {@code ca.pem}, {@code cert.pem}, {@code key.pem} are read from
 * {@code DOCKER_CERT_PATH}, else from the configuration folder, and each may be absent. Without
 * either variable, {@code DOCKER_CERT_PATH} is ignored and a {@code tcp://} host is plain TCP;
 * an {@code https://} host always uses TLS. TLS settings never apply to {@code unix://} hosts,
 * nor to {@code http://} ones, which mean plain HTTP.
 */
public final class EngineDiscovery {
  /** The default limit on each socket probe. */
  public static final Duration DEFAULT_PROBE_TIMEOUT = Duration.ofSeconds(1);

  private final Map<String, String> env;
  private final Path home;
  private final List<SocketCandidate> candidates;
  private final Duration probeTimeout;

  private EngineDiscovery(Builder b) {
    this.env = b.env;
    this.home = b.home;
    this.candidates = b.candidates;
    this.probeTimeout = b.probeTimeout;
  }

  /** Discovery from this process's environment and {@code user.home}. */
  public static EngineDiscovery system() {
    return builder().build();
  }

  /** A builder; by default it reads this process's environment and {@code user.home}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The sockets probed when nothing is configured, in this order, system engines first:
   * <ol>
   *   <li>{@code /var/run/docker.sock}: Docker Engine; also where Docker Desktop on macOS,
   *       Colima and OrbStack may link their socket. First because it is the docker CLI's own
   *       default: with nothing configured, berth talks to the engine {@code docker} talks to;
   *   <li>{@code $XDG_RUNTIME_DIR/docker.sock}: rootless Docker (its installer also creates a
   *       context, found earlier when selected);
   *   <li>{@code ~/.docker/run/docker.sock}, then {@code ~/.docker/desktop/docker.sock}: Docker
   *       Desktop (current, then older Linux releases);
   *   <li>{@code ~/.colima/default/docker.sock}, {@code ~/.colima/docker.sock}: Colima (current
   *       and older layout);
   *   <li>{@code ~/.rd/docker.sock}: Rancher Desktop (moby engine);
   *   <li>{@code ~/.orbstack/run/docker.sock}: OrbStack;
   *   <li>{@code /run/podman/podman.sock}, then {@code $XDG_RUNTIME_DIR/podman/podman.sock}:
   *       Podman rootful and rootless. Last because its Docker-compatible API differs in details
   *       from Docker's, so a machine with both is taken to prefer Docker; among the two, the
   *       system socket first, as for Docker.
   * </ol>
   * Docker engines come before Podman, and the system socket before per-user ones, so the choice
   * matches the docker CLI wherever that has one answer. {@code ~} is {@code home}, not
   * {@code DOCKER_CONFIG}: those sockets do not move with the config folder. Without
   * {@code XDG_RUNTIME_DIR}, {@code /run/user/<uid>} is used on Linux (its usual value, missing
   * in {@code su} shells, cron jobs and CI); a relative {@code XDG_RUNTIME_DIR} is ignored, as the
   * XDG specification requires (it would name a folder below the current directory). A path
   * listed twice is probed once.
   *
   * <p>None of these is trusted blindly: before a probe, the socket, every directory above it
   * and every link on the way must belong to this user or root, and no directory may be
   * writable by others unless sticky (as OpenSSH checks its files). A candidate that fails is
   * skipped as {@link ProbeAttempt.Outcome#UNTRUSTED} with the reason in the report: another
   * user could have planted it in a shared folder to receive this user's registry credentials.
   */
  public static List<SocketCandidate> defaultCandidates(Map<String, String> env, Path home) {
    Path runtime = runtimeDirectory(env);
    List<SocketCandidate> list = new ArrayList<>();
    list.add(new SocketCandidate("Docker Engine", Path.of("/var/run/docker.sock")));
    if (runtime != null) {
      list.add(new SocketCandidate("rootless Docker", runtime.resolve("docker.sock")));
    }
    list.add(new SocketCandidate("Docker Desktop", home.resolve(".docker/run/docker.sock")));
    list.add(new SocketCandidate("Docker Desktop (older Linux)", home.resolve(".docker/desktop/docker.sock")));
    list.add(new SocketCandidate("Colima", home.resolve(".colima/default/docker.sock")));
    list.add(new SocketCandidate("Colima (older)", home.resolve(".colima/docker.sock")));
    list.add(new SocketCandidate("Rancher Desktop", home.resolve(".rd/docker.sock")));
    list.add(new SocketCandidate("OrbStack", home.resolve(".orbstack/run/docker.sock")));
    list.add(new SocketCandidate("Podman (rootful)", Path.of("/run/podman/podman.sock")));
    if (runtime != null) {
      list.add(new SocketCandidate("Podman (rootless)", runtime.resolve("podman/podman.sock")));
    }
    Set<Path> seen = new LinkedHashSet<>();
    list.removeIf(c -> !seen.add(c.socket().toAbsolutePath().normalize()));
    return List.copyOf(list);
  }

  private static Path runtimeDirectory(Map<String, String> env) {
    String xdg = value(env, "XDG_RUNTIME_DIR");
    if (xdg != null && isAbsolute(xdg)) {
      return Path.of(xdg);
    }
    try {
      // /proc/self belongs to this process's user: a uid without JNI or an extra module
      Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      return Path.of("/run/user/" + uid);
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
      return null; // not Linux: the rootless sockets have no conventional place
    }
  }

  private static boolean isAbsolute(String path) {
    try {
      return Path.of(path).isAbsolute();
    } catch (java.nio.file.InvalidPathException e) {
      return false;
    }
  }

  /**
   * Works out which engine to use without connecting: reads the environment, {@code config.json}
   * and context files.
   *
   * @throws ConfigurationException for a malformed {@code DOCKER_HOST}, {@code CONTAINER_HOST},
   *     {@code DOCKER_API_VERSION} or {@code BERTH_HTTP_VERSION}, a context that does not exist,
   *     or an unreadable file
   */
  public EngineConfig resolve() {
    String http = value(env, "BERTH_HTTP_VERSION");
    if (http != null && !http.equals("1.1") && !http.equals("2")) {
      throw new ConfigurationException("BERTH_HTTP_VERSION=" + http + " is not an HTTP version berth speaks (1.1 or 2)");
    }
    return resolveEndpoint().withHttpVersion(http);
  }

  private EngineConfig resolveEndpoint() {
    Path configDir = configDirectory(env, home);
    ApiVersion api = apiVersion();
    List<String> notes = new ArrayList<>();
    String dockerHost = value(env, "DOCKER_HOST");
    String containerHost = value(env, "CONTAINER_HOST");
    String dockerContext = value(env, "DOCKER_CONTEXT");
    boolean verify = value(env, "DOCKER_TLS_VERIFY") != null;
    boolean tlsOn = verify || value(env, "DOCKER_TLS") != null;
    boolean httpsHost = dockerHost != null && dockerHost.toLowerCase(java.util.Locale.ROOT).startsWith("https://");
    if (value(env, "DOCKER_CERT_PATH") != null && !tlsOn && !httpsHost) {
      notes.add("DOCKER_CERT_PATH is set but ignored: TLS needs DOCKER_TLS_VERIFY (as in the docker CLI)."
          + " WARNING: without it the connection is NOT encrypted and the engine NOT verified"
          + (dockerHost != null && dockerHost.toLowerCase(java.util.Locale.ROOT).startsWith("tcp://")
              ? " (" + dockerHost + " is plain TCP)" : "")
          + "; set DOCKER_TLS_VERIFY=1 to use the certificates in " + value(env, "DOCKER_CERT_PATH"));
    }

    if (dockerHost != null || containerHost != null) {
      boolean docker = dockerHost != null;
      String variable = docker ? "DOCKER_HOST" : "CONTAINER_HOST";
      Endpoint ep = parse(docker ? dockerHost : containerHost, variable);
      if (dockerContext != null) {
        notes.add(variable + " overrides DOCKER_CONTEXT=" + dockerContext + " (as in the docker CLI)");
      }
      if (docker && containerHost != null) {
        notes.add("DOCKER_HOST overrides CONTAINER_HOST");
      }
      // CONTAINER_HOST has no TLS variables: https:// then verifies with the JDK's trusted roots
      TlsMaterial tls = docker ? environmentTls(ep, configDir, notes) : null;
      return config(docker ? Source.DOCKER_HOST : Source.CONTAINER_HOST, variable, null, ep, tls, api, configDir, notes);
    }

    String contextName = dockerContext;
    Source source = Source.DOCKER_CONTEXT;
    String origin = "DOCKER_CONTEXT";
    ConfigFile file = ConfigFile.read(configDir);
    if (contextName == null && file.currentContext() != null) {
      contextName = file.currentContext().trim();
      source = Source.CURRENT_CONTEXT;
      origin = "currentContext in " + file.path();
    }
    if (contextName != null && !contextName.equals(Contexts.DEFAULT)) {
      Contexts.DockerEndpoint d = Contexts.read(configDir, contextName, origin);
      Endpoint ep = parse(d.host(), "the docker endpoint of context \"" + contextName + "\" (" + d.metaFile() + ")");
      TlsMaterial tls = null;
      if (canTls(ep)) {
        Path tlsDir = Contexts.tlsDirectory(configDir, contextName);
        TlsMaterial found = TlsMaterial.fromDirectory(tlsDir, !d.skipTlsVerify());
        boolean hasFiles = found.caCertificate().isPresent() || found.clientCertificate().isPresent()
            || found.clientKey().isPresent();
        // the docker CLI uses TLS for a context with TLS files or SkipTLSVerify; https:// always
        if (hasFiles || d.skipTlsVerify() || isHttps(ep)) {
          tls = found;
        }
      }
      if (tlsOn) {
        notes.add("DOCKER_TLS_VERIFY/DOCKER_TLS do not apply to a context (as in the docker CLI)");
      }
      return config(source, "context \"" + contextName + "\" (" + origin + "), " + d.metaFile(), contextName, ep, tls,
          api, configDir, notes);
    }

    if (tlsOn) {
      Endpoint ep = Endpoint.parse("tcp://localhost:2376");
      return config(Source.DEFAULT_TLS_HOST, (verify ? "DOCKER_TLS_VERIFY" : "DOCKER_TLS")
          + " without DOCKER_HOST: the docker CLI's default TLS address", null, ep, environmentTls(ep, configDir, notes),
          api, configDir, notes);
    }

    List<SocketCandidate> probe = candidates != null ? candidates : defaultCandidates(env, home);
    String xdg = value(env, "XDG_RUNTIME_DIR");
    if (candidates == null && xdg != null && !isAbsolute(xdg)) {
      notes.add("XDG_RUNTIME_DIR=" + xdg + " is ignored: it is not an absolute path (the XDG specification"
          + " requires one); the per-user sockets are looked for in /run/user/<uid> instead");
    }
    String why = contextName != null
        ? "nothing configured (context \"default\" from " + origin + ", no DOCKER_HOST)"
        : "nothing configured (no DOCKER_HOST, CONTAINER_HOST, DOCKER_CONTEXT, or currentContext in " + file.path() + ")";
    return new EngineConfig(Source.SOCKET_PROBE, why, null, null, null, api, configDir, probe, probeTimeout,
        List.of(), notes);
  }

  /** Resolves, probes if needed, and returns a client: see {@link EngineConfig#connect()}. */
  public EngineClient connect() {
    return resolve().connect();
  }

  private EngineConfig config(Source source, String origin, String context, Endpoint ep, TlsMaterial tls,
      ApiVersion api, Path configDir, List<String> notes) {
    return new EngineConfig(source, origin, context, ep, tls, api, configDir, List.of(), probeTimeout, List.of(), notes);
  }

  private TlsMaterial environmentTls(Endpoint ep, Path configDir, List<String> notes) {
    boolean verify = value(env, "DOCKER_TLS_VERIFY") != null;
    boolean tlsOn = verify || value(env, "DOCKER_TLS") != null;
    if (!canTls(ep)) {
      if (tlsOn) {
        notes.add("DOCKER_TLS_VERIFY/DOCKER_TLS are ignored for " + ep.scheme() + ":// addresses");
      }
      return null;
    }
    if (!tlsOn && !isHttps(ep)) {
      return null;
    }
    String certPath = value(env, "DOCKER_CERT_PATH");
    Path dir = certPath != null ? Path.of(certPath) : configDir;
    if (certPath != null && !Files.isDirectory(dir)) {
      // found now, not as a TLS handshake failure that never names the variable
      throw new ConfigurationException("DOCKER_CERT_PATH=" + certPath + " is not a directory"
          + (Files.exists(dir) ? "" : " (it does not exist)")
          + ": point it at the folder holding ca.pem, cert.pem and key.pem");
    }
    // DOCKER_TLS alone asks for encryption without verification; https:// alone verifies
    return TlsMaterial.fromDirectory(dir, verify || !tlsOn);
  }

  /** tcp:// and https:// may use TLS; http:// means plain HTTP, as in the transport. */
  private static boolean canTls(Endpoint ep) {
    return ep.scheme().equals("tcp") || ep.scheme().equals("https");
  }

  private static boolean isHttps(Endpoint ep) {
    return ep.scheme().equals("https");
  }

  private static Endpoint parse(String address, String where) {
    try {
      return Endpoint.parse(address);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(where + " is not a usable engine address: " + e.getMessage(), e);
    }
  }

  private ApiVersion apiVersion() {
    String v = value(env, "DOCKER_API_VERSION");
    if (v == null) {
      return null;
    }
    try {
      return ApiVersion.parse(v);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("DOCKER_API_VERSION=" + v + " is not an API version (expected e.g. 1.41)", e);
    }
  }

  /** {@code DOCKER_CONFIG}, else {@code home/.docker}. */
  static Path configDirectory(Map<String, String> env, Path home) {
    String d = value(env, "DOCKER_CONFIG");
    return d != null ? Path.of(d) : home.resolve(".docker");
  }

  /** A variable's trimmed value; empty counts as unset, as in the docker CLI. */
  static String value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  /** Configures an {@link EngineDiscovery}; not thread-safe. */
  public static final class Builder {
    private Map<String, String> env = System.getenv();
    private Path home = Path.of(System.getProperty("user.home"));
    private List<SocketCandidate> candidates;
    private Duration probeTimeout = DEFAULT_PROBE_TIMEOUT;

    private Builder() {}

    /** The environment variables to read (default: this process's); copied. */
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

    /** The user's home folder (default: {@code user.home}). */
    public Builder home(Path home) {
      this.home = Objects.requireNonNull(home, "home");
      return this;
    }

    /** Replaces the sockets probed when nothing is configured ({@link #defaultCandidates}). */
    public Builder socketCandidates(List<SocketCandidate> candidates) {
      this.candidates = List.copyOf(candidates);
      return this;
    }

    /** The limit on each probe's connect and answer (default 1 s). */
    public Builder probeTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("probeTimeout must be positive: " + timeout);
      }
      this.probeTimeout = timeout;
      return this;
    }

    /** The discovery. */
    public EngineDiscovery build() {
      return new EngineDiscovery(this);
    }
  }
}
