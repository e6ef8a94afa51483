package dev.berth.config;

import dev.berth.client.ApiVersion;
import dev.berth.client.EngineClient;
import dev.berth.config.internal.SocketProbe;
import dev.berth.config.internal.TlsWiring;
import dev.berth.transport.Dialer;
import dev.berth.transport.Endpoint;
import dev.berth.transport.Doer;
import dev.berth.transport.DoerProvider;
import dev.berth.transport.Http1Doer;
import dev.berth.transport.TransportListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Which engine discovery chose and how to reach it: the endpoint (or, when nothing is configured,
 * the sockets to probe), TLS files, a pinned API version, and where each came from. Immutable and
 * thread-safe. Made by {@link Engines#resolve()} / {@link EngineDiscovery#resolve()}, which read
 * the environment and files but open no connection; {@link #connect()} does that.
 */
public final class EngineConfig {

  /** Where the engine address came from, in the order discovery tries them. */
  public enum Source {
    /** The {@code DOCKER_HOST} environment variable (with the {@code DOCKER_TLS*} variables). */
    DOCKER_HOST,
    /** Podman's {@code CONTAINER_HOST} environment variable. */
    CONTAINER_HOST,
    /** The Docker context named by {@code DOCKER_CONTEXT}. */
    DOCKER_CONTEXT,
    /** The Docker context named by {@code currentContext} in {@code config.json}. */
    CURRENT_CONTEXT,
    /**
     * {@code tcp://localhost:2376}: {@code DOCKER_TLS_VERIFY} (or {@code DOCKER_TLS}) is set but no
     * host is, which is what the docker CLI then uses.
     */
    DEFAULT_TLS_HOST,
    /** Nothing configured: the first well-known socket that answers {@code GET /_ping}. */
    SOCKET_PROBE
  }

  private final Source source;
  private final String origin;
  private final String context;
  private final Endpoint endpoint;
  private final TlsMaterial tls;
  private final ApiVersion apiVersion;
  private final Path configDirectory;
  private final List<SocketCandidate> candidates;
  private final Duration probeTimeout;
  private final List<ProbeAttempt> attempts;
  private final List<String> notes;
  private final String httpVersion; // null: HTTP/1.1

  EngineConfig(Source source, String origin, String context, Endpoint endpoint, TlsMaterial tls,
      ApiVersion apiVersion, Path configDirectory, List<SocketCandidate> candidates, Duration probeTimeout,
      List<ProbeAttempt> attempts, List<String> notes) {
    this.source = Objects.requireNonNull(source);
    this.origin = Objects.requireNonNull(origin);
    this.context = context;
    this.endpoint = endpoint;
    this.tls = tls;
    this.apiVersion = apiVersion;
    this.configDirectory = Objects.requireNonNull(configDirectory);
    this.candidates = List.copyOf(candidates);
    this.probeTimeout = Objects.requireNonNull(probeTimeout);
    this.attempts = List.copyOf(attempts);
    this.notes = List.copyOf(notes);
    this.httpVersion = null;
  }

  private EngineConfig(EngineConfig c, String httpVersion) {
    this.source = c.source;
    this.origin = c.origin;
    this.context = c.context;
    this.endpoint = c.endpoint;
    this.tls = c.tls;
    this.apiVersion = c.apiVersion;
    this.configDirectory = c.configDirectory;
    this.candidates = c.candidates;
    this.probeTimeout = c.probeTimeout;
    this.attempts = c.attempts;
    this.notes = c.notes;
    this.httpVersion = httpVersion;
  }

  /** This configuration with {@link #httpVersion()} set; {@code null} or {@code 1.1} for HTTP/1.1. */
  EngineConfig withHttpVersion(String version) {
    return new EngineConfig(this, version == null || version.equals("1.1") ? null : version);
  }

  /**
   * The HTTP version asked for with {@code BERTH_HTTP_VERSION}: empty for HTTP/1.1 (the default),
   * else e.g. {@code 2}, which {@link #connect()} serves with the {@link DoerProvider} found on the
   * class or module path ({@code berth-transport-http2}).
   */
  public Optional<String> httpVersion() {
    return Optional.ofNullable(httpVersion);
  }

  /** Where the engine address came from. */
  public Source source() {
    return source;
  }

  /**
   * The same in words, naming the variable or file, e.g.
   * {@code context "remote" (DOCKER_CONTEXT), /home/me/.docker/contexts/meta/…/meta.json}.
   */
  public String origin() {
    return origin;
  }

  /** The Docker context used, for {@link Source#DOCKER_CONTEXT} and {@link Source#CURRENT_CONTEXT}. */
  public Optional<String> context() {
    return Optional.ofNullable(context);
  }

  /**
   * The engine address. Empty for {@link Source#SOCKET_PROBE} until {@link #locate()} has found
   * an answering socket.
   */
  public Optional<Endpoint> endpoint() {
    return Optional.ofNullable(endpoint);
  }

  /** The TLS files and verification for a TCP endpoint; empty for plain connections. */
  public Optional<TlsMaterial> tls() {
    return Optional.ofNullable(tls);
  }

  /** The API version pinned by {@code DOCKER_API_VERSION}; empty means negotiate. */
  public Optional<ApiVersion> apiVersion() {
    return Optional.ofNullable(apiVersion);
  }

  /** The docker CLI's configuration folder ({@code DOCKER_CONFIG}, else {@code ~/.docker}). */
  public Path configDirectory() {
    return configDirectory;
  }

  /** For {@link Source#SOCKET_PROBE}: the sockets to probe, in order; else empty. */
  public List<SocketCandidate> candidates() {
    return candidates;
  }

  /** The limit on each probe's connect and answer. */
  public Duration probeTimeout() {
    return probeTimeout;
  }

  /** After {@link #locate()} probed: each candidate tried, up to the one that answered. */
  public List<ProbeAttempt> probeAttempts() {
    return attempts;
  }

  /**
   * Things a user may not expect, e.g. a {@code DOCKER_CONTEXT} that {@code DOCKER_HOST}
   * overrides, or {@code DOCKER_CERT_PATH} without {@code DOCKER_TLS_VERIFY}.
   */
  public List<String> notes() {
    return notes;
  }

  /**
   * This configuration with an endpoint: itself when it has one; for {@link Source#SOCKET_PROBE},
   * probes the candidates in order with {@code GET /_ping} (each bounded by
   * {@link #probeTimeout()}) and returns the first that answers, with the attempts recorded.
   *
   * @throws NoEngineFoundException when no candidate answers; the message lists each and why
   */
  public EngineConfig locate() {
    if (endpoint != null) {
      return this;
    }
    List<ProbeAttempt> tried = new ArrayList<>();
    for (SocketCandidate c : candidates) {
      ProbeAttempt a = SocketProbe.probe(c, probeTimeout);
      tried.add(a);
      if (a.answered()) {
        return new EngineConfig(source, origin, context, Endpoint.parse(c.address()), null, apiVersion,
            configDirectory, candidates, probeTimeout, tried, notes).withHttpVersion(httpVersion);
      }
    }
    throw new NoEngineFoundException(noEngineMessage(tried), tried);
  }

  private String noEngineMessage(List<ProbeAttempt> tried) {
    StringBuilder b = new StringBuilder("no container engine found: ").append(origin).append(", and ");
    if (tried.isEmpty()) {
      b.append("there are no sockets to probe.");
    } else {
      b.append("none of these sockets answered GET /_ping:");
      appendAttempts(b, tried);
    }
    return b.append("\nStart an engine, or set DOCKER_HOST (e.g. unix:///path/to/docker.sock or tcp://host:2376)")
        .append(" or a Docker context.").toString();
  }

  /**
   * The dialer for the endpoint: Unix socket, TCP, or TLS when {@link #tls()} is present. Probes
   * first when needed ({@link #locate()}).
   *
   * @throws NoEngineFoundException when probing finds nothing
   * @throws UnsupportedOperationException for an address that cannot be dialed (e.g. {@code ssh://} without {@code berth-transport-ssh} on the path)
   * @throws ConfigurationException when the TLS files cannot be used
   */
  public Dialer dialer() {
    EngineConfig c = locate();
    if (c.tls != null) {
      return TlsWiring.dialer(c.endpoint, c.tls);
    }
    return c.endpoint.dialer();
  }

  /**
   * A client for this engine over HTTP/1.1 (or the {@link #httpVersion()} asked for), with the
   * pinned API version if any; closing it closes its connections. Probes first when needed; otherwise opens no connection until the first call
   * (as the docker CLI, an unreachable configured engine shows as a
   * {@link dev.berth.client.TransportException} then).
   *
   * @throws NoEngineFoundException when probing finds nothing
   * @throws UnsupportedOperationException for an address that cannot be dialed (e.g. {@code ssh://} without {@code berth-transport-ssh} on the path)
   * @throws ConfigurationException when the TLS files cannot be used
   * @throws UnsupportedOperationException when {@link #httpVersion()} asks for a version no
   *     {@link DoerProvider} on the path serves
   */
  public EngineClient connect() {
    return connect(TransportListener.NONE);
  }

  /**
   * As {@link #connect()}, with {@code listener} told about dialing, connections and each
   * exchange in the doer (HTTP/1.1, or the {@link #httpVersion()} asked for), e.g.
   * {@code BerthTransportMetrics} from {@code berth-tracing-micrometer}.
   *
   * @throws NoEngineFoundException when probing finds nothing
   * @throws UnsupportedOperationException as {@link #connect()}, or when the {@link DoerProvider}
   *     serving {@link #httpVersion()} cannot tell a listener
   * @throws ConfigurationException when the TLS files cannot be used
   */
  public EngineClient connect(TransportListener listener) {
    Objects.requireNonNull(listener, "listener");
    Doer doer;
    if (httpVersion == null) {
      doer = Http1Doer.builder(dialer()).listener(listener).build();
    } else {
      EngineConfig c = locate();
      doer = provider(httpVersion).doer(c.endpoint, c.tls == null ? null : TlsWiring.config(c.tls), listener);
    }
    return EngineClient.builder(doer).ownsDoer(true).apiVersion(apiVersion).build();
  }

  private static DoerProvider provider(String version) {
    for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
        EngineConfig.class.getClassLoader()}) {
      for (DoerProvider p : ServiceLoader.load(DoerProvider.class, loader)) {
        if (p.httpVersion().equals(version)) {
          return p;
        }
      }
    }
    throw new UnsupportedOperationException("BERTH_HTTP_VERSION=" + version + " needs a transport for HTTP/"
        + version + " on the class or module path (for 2: the artifact dev.berth:berth-transport-http2); none was found");
  }

  /** A few lines for people: the engine, where that came from, TLS, API version, notes. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    if (endpoint != null) {
      b.append("engine:      ").append(endpoint).append('\n');
      b.append("from:        ").append(origin);
      if (!attempts.isEmpty()) {
        b.append("; probed in order, the first to answer GET /_ping wins:");
        appendAttempts(b, attempts);
      }
    } else {
      b.append("engine:      not configured; the first of these sockets to answer GET /_ping (")
          .append(probeTimeout.toMillis()).append(" ms each):");
      for (int i = 0; i < candidates.size(); i++) {
        SocketCandidate c = candidates.get(i);
        b.append(String.format("%n  %2d. %-28s %s", i + 1, c.name(), c.socket()));
      }
      b.append("\nfrom:        ").append(origin);
    }
    b.append("\ntls:         ").append(tls == null ? "none" : tls.toString());
    if (httpVersion != null) {
      b.append("\nhttp:        ").append(httpVersion).append(" (BERTH_HTTP_VERSION)");
    }
    b.append("\napi version: ").append(apiVersion == null ? "negotiated with the engine on first use"
        : apiVersion + " (pinned by DOCKER_API_VERSION)");
    b.append("\nconfig:      ").append(configDirectory);
    for (String n : notes) {
      b.append("\nnote:        ").append(n);
    }
    return b.toString();
  }

  private static void appendAttempts(StringBuilder b, List<ProbeAttempt> tried) {
    for (int i = 0; i < tried.size(); i++) {
      ProbeAttempt a = tried.get(i);
      b.append(String.format("%n  %2d. %-28s %s: %s", i + 1, a.candidate().name(), a.candidate().socket(),
          a.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
              + (a.detail().isEmpty() ? "" : " (" + a.detail() + ")")));
    }
  }

  @Override
  public String toString() {
    return "EngineConfig[" + (endpoint != null ? endpoint.toString() : "probe " + candidates.size() + " sockets")
        + " from " + source + (tls == null ? "" : ", TLS") + (httpVersion == null ? "" : ", HTTP/" + httpVersion) + (apiVersion == null ? "" : ", API " + apiVersion) + "]";
  }
}
