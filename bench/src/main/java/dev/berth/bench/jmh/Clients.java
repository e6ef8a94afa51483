package dev.berth.bench.jmh;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.github.dockerjava.api.DockerClient;
import dev.berth.bench.BerthContainers;
import dev.berth.bench.Engine;
import dev.berth.bench.floor.FloorClient;
import dev.berth.client.EngineClient;
import dev.berth.system.SystemService;
import dev.berth.transport.Doer;
import java.io.IOException;
import java.nio.file.Path;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** The contestants, one JMH state each, shared by all threads of a benchmark (all are thread-safe). */
public final class Clients {
  private Clients() {}

  /** berth through its public API: client, system service, containers (raw API for now), its Doer. */
  @State(Scope.Benchmark)
  public static class Berth {
    public EngineClient client;
    public SystemService system;
    public BerthContainers containers;
    public Doer doer;

    @Setup(Level.Trial)
    public void up() {
      open(Engine.SOCKET);
    }

    void open(Path socket) {
      client = Engine.berth(socket);
      Engine.retry("berth ping", client::apiVersion); // negotiation happens once, not in the loop
      system = SystemService.create(client);
      containers = new BerthContainers(client);
      doer = client.doer();
    }

    @TearDown(Level.Trial)
    public void down() {
      client.close();
    }
  }

  /** The floor: {@link FloorClient} and Jackson (plain mapper, prebuilt readers). */
  @State(Scope.Benchmark)
  public static class Floor {
    public static final ObjectMapper JSON = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    public FloorClient client;

    @Setup(Level.Trial)
    public void up() {
      client = Engine.floor();
      Engine.retry("floor ping", () -> ping(client));
    }

    static int ping(FloorClient c) {
      try {
        int s = c.exchange(FloorClient.request("GET", "/_ping"));
        if (s != 200) {
          throw new IllegalStateException("ping answered " + s);
        }
        return s;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    /** Sends {@code request} and decodes a 2xx JSON answer with {@code reader}. */
    public <T> T call(byte[] request, ObjectReader reader) throws IOException {
      return call(client, request, reader);
    }

    public static <T> T call(FloorClient client, byte[] request, ObjectReader reader) throws IOException {
      FloorClient.Exchange x = client.send(request);
      try {
        if (x.status() >= 300) {
          throw new IOException("engine answered " + x.status());
        }
        T value = reader.readValue(x.body());
        x.discard();
        return value;
      } finally {
        x.release();
      }
    }

    @TearDown(Level.Trial)
    public void down() {
      client.close();
    }
  }

  /** docker-java 3.7.1 with its Apache HttpClient 5 transport. */
  @State(Scope.Benchmark)
  public static class DockerJavaHc5 {
    public DockerClient client;

    @Setup(Level.Trial)
    public void up() {
      client = Engine.dockerJavaHttpClient5();
      Engine.retry("docker-java ping", () -> client.pingCmd().exec());
    }

    @TearDown(Level.Trial)
    public void down() throws IOException {
      client.close();
    }
  }

  /** docker-java 3.7.1 with its zerodep transport (a shaded HttpClient 5). */
  @State(Scope.Benchmark)
  public static class DockerJavaZerodep {
    public DockerClient client;

    @Setup(Level.Trial)
    public void up() {
      client = Engine.dockerJavaZerodep();
      Engine.retry("docker-java ping", () -> client.pingCmd().exec());
    }

    @TearDown(Level.Trial)
    public void down() throws IOException {
      client.close();
    }
  }
}
