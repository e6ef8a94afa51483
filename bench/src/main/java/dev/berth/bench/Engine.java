package dev.berth.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.berth.bench.floor.FloorClient;
import dev.berth.client.EngineClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/** Where the engine is and how each contestant connects to it. */
public final class Engine {
  private Engine() {}

  /** The engine's socket: {@code DOCKER_HOST} when it is a unix:// address, else the default. */
  public static final Path SOCKET = socketFromEnv();
  /** The image every fixture runs (the project's rig builds it). */
  public static final String IMAGE = System.getProperty("berth.bench.image", "busybox:local");
  /** The API version the floor's fixed requests use (Docker 20.10). */
  public static final String API = "/v1.41";
  /** Every container the benchmarks make carries this label (scripts/bench removes leftovers). */
  public static final String LABEL = "dev.berth.bench";

  private static Path socketFromEnv() {
    String host = System.getenv("DOCKER_HOST");
    if (host != null && host.startsWith("unix://")) {
      return Path.of(host.substring("unix://".length()));
    }
    return Path.of("/var/run/docker.sock");
  }

  public static EngineClient berth() {
    return berth(SOCKET);
  }

  public static EngineClient berth(Path socket) {
    return EngineClient.connect("unix://" + socket);
  }

  public static FloorClient floor() {
    return new FloorClient(SOCKET);
  }

  public static DockerClient dockerJavaHttpClient5() {
    return dockerJavaHttpClient5(SOCKET);
  }

  public static DockerClient dockerJavaHttpClient5(Path socket) {
    return dockerJava(socket, uri -> new ApacheDockerHttpClient.Builder().dockerHost(uri)
        .maxConnections(64).connectionTimeout(Duration.ofSeconds(10)).build());
  }

  public static DockerClient dockerJavaZerodep() {
    return dockerJavaZerodep(SOCKET);
  }

  public static DockerClient dockerJavaZerodep(Path socket) {
    return dockerJava(socket, uri -> new ZerodepDockerHttpClient.Builder().dockerHost(uri)
        .maxConnections(64).connectionTimeout(Duration.ofSeconds(10)).build());
  }

  private static DockerClient dockerJava(Path socket, java.util.function.Function<URI, DockerHttpClient> transport) {
    DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
        .withDockerHost("unix://" + socket).build();
    return DockerClientImpl.getInstance(config, transport.apply(config.getDockerHost()));
  }

  /** Retries {@code action} for up to 60 s: the shared engine may be restarted by someone else. */
  public static <T> T retry(String what, Supplier<T> action) {
    long deadline = System.nanoTime() + 60_000_000_000L;
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      try {
        return action.get();
      } catch (RuntimeException e) {
        last = e;
        System.err.println("bench: " + what + " failed (" + e + "), retrying");
        try {
          Thread.sleep(1000);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    throw new IllegalStateException(what + " kept failing", last);
  }
}
