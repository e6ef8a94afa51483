package dev.berth.adapter.testcontainers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.berth.adapter.dockerjava.BerthDockerHttpClient;
import dev.berth.client.ApiVersion;
import dev.berth.client.EngineClient;
import dev.berth.config.EngineConfig;
import dev.berth.config.EngineDiscovery;
import dev.berth.transport.Dialer;
import dev.berth.transport.Endpoint;
import dev.berth.transport.ForwardingDoer;
import dev.berth.transport.Http1Doer;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.InvalidConfigurationException;
import org.testcontainers.dockerclient.TransportConfig;
import org.testcontainers.shaded.com.github.dockerjava.core.DefaultDockerClientConfig;
import org.testcontainers.shaded.com.github.dockerjava.core.DockerClientConfig;
import org.testcontainers.shaded.com.github.dockerjava.core.DockerClientConfigDelegate;
import org.testcontainers.shaded.com.github.dockerjava.core.DockerClientImpl;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.RegistryAuthLocator;
import org.testcontainers.utility.TestcontainersConfiguration;

/**
 * A Testcontainers strategy that finds the engine like the docker CLI (berth's discovery:
 * {@code DOCKER_HOST}, {@code CONTAINER_HOST}, Docker contexts, the well-known sockets) and talks to
 * it through berth's transports, so that {@code ssh://} hosts, TLS and the JDK's own Unix socket
 * work. Testcontainers finds it with {@link java.util.ServiceLoader}: putting the jar on the class
 * path is enough, and the public no-argument constructor is what it calls.
 *
 * <p>Testcontainers tries strategies in this order, whatever their priority: {@code tc.host}
 * (its own), then {@code DOCKER_HOST} with its own transport, then the strategy named by
 * {@code docker.client.strategy} ({@code TESTCONTAINERS_DOCKER_CLIENT_STRATEGY}, or
 * {@code ~/.testcontainers.properties}, where Testcontainers itself writes the last strategy that
 * worked), then the others by priority, this one first among them. So an address Testcontainers
 * serves itself ({@code unix://}, {@code tcp://}) in {@code DOCKER_HOST} keeps its own transport,
 * and a strategy remembered from an earlier run wins over this one: the constructor logs a warning
 * naming that file and the fix ({@code docker.client.strategy=}{@value #CLASS_NAME}).
 *
 * <p>Registry credentials for pulls come from Testcontainers' {@code RegistryAuthLocator}, as
 * with its own strategies. The API version is the engine's (negotiated with one {@code /_ping})
 * unless {@code DOCKER_API_VERSION} pins one. Containers' mapped ports are reported on
 * {@link #getDockerHostIpAddress()}: {@code localhost} for a local socket, the host of a
 * {@code tcp://} or {@code ssh://} address; whether they can be reached there (an engine behind SSH
 * usually publishes on the remote host only) is outside what this strategy does.
 *
 * <p>The constructor and {@link #isApplicable()} never throw: a configuration berth cannot use
 * makes the strategy not applicable, with the reason in the log and in {@link #getDescription()}.
 */
public class BerthClientProviderStrategy extends DockerClientProviderStrategy {

  /** This class's name, the value of {@code docker.client.strategy} that selects it. */
  public static final String CLASS_NAME = "dev.berth.adapter.testcontainers.BerthClientProviderStrategy";

  /** Above every strategy Testcontainers ships (100 and lower). */
  public static final int PRIORITY = 110;

  private static final Logger LOG = LoggerFactory.getLogger(BerthClientProviderStrategy.class);
  private static final AtomicBoolean EXPLAINED = new AtomicBoolean();

  private final EngineDiscovery discovery;
  private EngineConfig config; // guarded by this
  private String problem; // why not applicable; guarded by this
  private DockerClient client; // guarded by this

  /** The strategy Testcontainers instantiates: discovery from this process's environment. */
  public BerthClientProviderStrategy() {
    this(EngineDiscovery.system());
  }

  /** A strategy over {@code discovery} (e.g. a given environment and home folder). */
  public BerthClientProviderStrategy(EngineDiscovery discovery) {
    this.discovery = Objects.requireNonNull(discovery, "discovery");
    if (EXPLAINED.compareAndSet(false, true)) {
      try {
        explainOrder(System.getenv(), System.getProperty("user.home"));
      } catch (RuntimeException | LinkageError e) {
        LOG.debug("berth: could not read Testcontainers' configuration", e);
      }
    }
  }

  /**
   * Logs why Testcontainers may not get to this strategy: another strategy named by
   * {@code docker.client.strategy}, or a {@code DOCKER_HOST} that its own strategy serves.
   */
  static void explainOrder(Map<String, String> env, String home) {
    TestcontainersConfiguration tc = TestcontainersConfiguration.getInstance();
    String named = tc.getDockerClientStrategyClassName();
    if (named != null && !named.trim().equals(CLASS_NAME)) {
      String where = env.get("TESTCONTAINERS_DOCKER_CLIENT_STRATEGY") != null
          ? "the environment variable TESTCONTAINERS_DOCKER_CLIENT_STRATEGY"
          : env.get("DOCKER_CLIENT_STRATEGY") != null
              ? "the environment variable DOCKER_CLIENT_STRATEGY"
              : "docker.client.strategy in " + home + "/.testcontainers.properties (Testcontainers writes the"
                  + " last strategy that worked there and tries it first on the next run)";
      LOG.warn("berth: Testcontainers will try {} first, as {} names it; berth's strategy is used only if that"
          + " fails. To use berth, set docker.client.strategy={} in {}/.testcontainers.properties, or"
          + " TESTCONTAINERS_DOCKER_CLIENT_STRATEGY={}", named, where, CLASS_NAME, home, CLASS_NAME);
    }
    String dockerHost = tc.getEnvVarOrUserProperty("docker.host", null);
    if (dockerHost != null && !dockerHost.toLowerCase(Locale.ROOT).startsWith("ssh:")) {
      LOG.info("berth: DOCKER_HOST (docker.host) is {}, so Testcontainers connects with its own strategy and transport"
          + " first (berth's strategy serves what that cannot, such as ssh:// addresses)", dockerHost);
    }
  }

  /** The engine and where discovery found it, or why berth cannot use it. */
  @Override
  public String getDescription() {
    synchronized (this) {
      if (config != null) {
        return "berth: " + config.endpoint().map(Endpoint::toString).orElse("?") + " (from " + config.origin() + ")";
      }
      return "berth" + (problem != null ? ": not applicable (" + problem + ")" : "");
    }
  }

  /**
   * Whether discovery finds an engine berth can dial (probing the well-known sockets when nothing
   * is configured). Never throws.
   */
  @Override
  protected boolean isApplicable() {
    try {
      resolved();
      return true;
    } catch (RuntimeException | LinkageError e) {
      synchronized (this) {
        problem = e.getMessage();
      }
      LOG.info("berth: strategy not applicable: {}", e.getMessage());
      return false;
    }
  }

  /** Pings the engine through berth; false (logged) when it does not answer. */
  @Override
  protected boolean test() {
    try {
      getDockerClient().pingCmd().exec();
      return true;
    } catch (RuntimeException e) {
      LOG.warn("berth: {} does not answer: {}", getDescription(), e.getMessage());
      return false;
    }
  }

  @Override
  protected int getPriority() {
    return PRIORITY;
  }

  /**
   * The engine address as a URI (e.g. {@code ssh://me@build-host:22}); Testcontainers reads it for
   * logs and the Docker host's address. TLS is berth's: no {@code SSLConfig} is given.
   *
   * @throws InvalidConfigurationException when discovery fails
   */
  @Override
  public TransportConfig getTransportConfig() throws InvalidConfigurationException {
    try {
      Endpoint e = resolved().endpoint().orElseThrow(IllegalStateException::new);
      return TransportConfig.builder().dockerHost(URI.create(e.toString())).build();
    } catch (RuntimeException e) {
      throw new InvalidConfigurationException("berth: " + e.getMessage(), e);
    }
  }

  /**
   * Where mapped ports are: {@code TESTCONTAINERS_HOST_OVERRIDE} when set, {@code localhost} for a
   * Unix socket or named pipe, else the engine's host.
   */
  @Override
  public synchronized String getDockerHostIpAddress() {
    String override = System.getenv("TESTCONTAINERS_HOST_OVERRIDE");
    if (override != null && !override.isBlank() && allowUserOverrides()) {
      return override;
    }
    Endpoint e = resolved().endpoint().orElseThrow(IllegalStateException::new);
    return e.host() != null ? e.host() : "localhost";
  }

  /**
   * docker-java's client over berth, made once: a {@link BerthDockerHttpClient} on an HTTP/1.1
   * doer over discovery's dialer, the engine's API version, Testcontainers' registry credentials and
   * session header.
   */
  @Override
  public synchronized DockerClient getDockerClient() {
    if (client == null) {
      client = newClient(resolved());
    }
    return client;
  }

  private synchronized EngineConfig resolved() {
    if (config == null) {
      EngineConfig c = discovery.resolve().locate();
      c.dialer(); // fails now (not at the first call) for an address berth cannot dial
      config = c;
      problem = null;
    }
    return config;
  }

  private static DockerClient newClient(EngineConfig config) {
    Dialer dialer = config.dialer();
    Http1Doer http = Http1Doer.of(dialer);
    ForwardingDoer doer = new ForwardingDoer(http) {
      @Override
      public void close() {
        super.close();
        if (dialer instanceof AutoCloseable) { // an SSH session
          try {
            ((AutoCloseable) dialer).close();
          } catch (Exception e) {
            LOG.debug("berth: closing {}", dialer, e);
          }
        }
      }
    };
    ApiVersion version;
    try (EngineClient engine = EngineClient.builder(http).apiVersion(config.apiVersion().orElse(null)).build()) {
      version = engine.apiVersion();
    } catch (RuntimeException e) {
      doer.close();
      throw e;
    }
    DockerClientConfig dockerConfig = new RegistryAuthConfig(DefaultDockerClientConfig.createDefaultConfigBuilder()
        .withDockerHost(config.endpoint().map(Endpoint::toString).orElseThrow(IllegalStateException::new))
        .withDockerTlsVerify(false) // TLS is berth's; docker-java must not read DOCKER_CERT_PATH itself
        .withApiVersion(version.toString())
        .build());
    LOG.info("berth: Testcontainers talks to {} through berth (API {})", config.endpoint().orElse(null), version);
    return DockerClientImpl.getInstance(dockerConfig, new SessionHeaders(BerthDockerHttpClient.owning(doer)));
  }

  /** docker-java's own credentials first, then Testcontainers' {@code RegistryAuthLocator}. */
  private static final class RegistryAuthConfig extends DockerClientConfigDelegate {
    RegistryAuthConfig(DockerClientConfig delegate) {
      super(delegate);
    }

    @Override
    public AuthConfig effectiveAuthConfig(String imageName) {
      AuthConfig fallback;
      try {
        fallback = super.effectiveAuthConfig(imageName);
      } catch (RuntimeException e) {
        fallback = new AuthConfig();
      }
      return RegistryAuthLocator.instance().lookupAuthConfig(DockerImageName.parse(imageName), fallback);
    }
  }

  /** Adds Testcontainers' session id header, as its own strategies do. */
  private static final class SessionHeaders implements DockerHttpClient {
    private final DockerHttpClient delegate;

    SessionHeaders(DockerHttpClient delegate) {
      this.delegate = delegate;
    }

    @Override
    public Response execute(Request request) {
      return delegate.execute(Request.builder().from(request).putHeader("x-tc-sid", DockerClientFactory.SESSION_ID)
          .build());
    }

    @Override
    public void close() throws java.io.IOException {
      delegate.close();
    }
  }
}
