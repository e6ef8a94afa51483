package dev.berth.bench.jmh;

import com.fasterxml.jackson.databind.ObjectReader;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.HostConfig;
import dev.berth.bench.BerthContainers;
import dev.berth.bench.Engine;
import dev.berth.bench.Fixtures;
import dev.berth.bench.floor.FloorClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 4: one container's whole life, create + start + wait + remove, of
 * {@code busybox:local true} without network. Bound by the daemon (tens to hundreds of ms); it
 * shows how much of that the client adds.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 4, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class LifecycleBench {
  static final String VALUE = "lifecycle";
  static final Map<String, String> LABELS = Map.of(Engine.LABEL, VALUE);
  static final List<String> CMD = List.of("true");
  static final byte[] FLOOR_CREATE = FloorClient.request("POST", Engine.API + "/containers/create", "application/json",
      ("{\"Image\":\"" + Engine.IMAGE + "\",\"Cmd\":[\"true\"],\"Labels\":{\"" + Engine.LABEL + "\":\"" + VALUE
          + "\"},\"HostConfig\":{\"NetworkMode\":\"none\"}}").getBytes(StandardCharsets.UTF_8));
  static final ObjectReader CREATED = Clients.Floor.JSON.readerFor(dev.berth.types.containers.ContainerCreateResponse.class);
  static final ObjectReader EXITED = Clients.Floor.JSON.readerFor(dev.berth.types.containers.ContainerWaitResponse.class);

  @TearDown(Level.Trial)
  public void down() {
    Fixtures.removeLabelled(VALUE); // only left behind when an iteration failed
  }

  @Benchmark
  public int lifecycle_berth(Clients.Berth b) {
    BerthContainers c = b.containers;
    String id = c.create(Engine.IMAGE, CMD, LABELS);
    c.start(id);
    int code = c.await(id);
    c.remove(id, false);
    return check(code);
  }

  @Benchmark
  public int lifecycle_floor(Clients.Floor f) throws IOException {
    FloorClient c = f.client;
    String id = f.<dev.berth.types.containers.ContainerCreateResponse>call(FLOOR_CREATE, CREATED).id();
    String path = Engine.API + "/containers/" + id;
    expect(c.exchange(FloorClient.request("POST", path + "/start")), 204);
    int code = f.<dev.berth.types.containers.ContainerWaitResponse>call(FloorClient.request("POST", path + "/wait"), EXITED).statusCode().intValue();
    expect(c.exchange(FloorClient.request("DELETE", path)), 204);
    return check(code);
  }

  @Benchmark
  public int lifecycle_dockerJavaHc5(Clients.DockerJavaHc5 d) {
    return dockerJava(d.client);
  }

  @Benchmark
  public int lifecycle_dockerJavaZerodep(Clients.DockerJavaZerodep d) {
    return dockerJava(d.client);
  }

  static int dockerJava(DockerClient c) {
    String id = c.createContainerCmd(Engine.IMAGE).withCmd(CMD).withLabels(LABELS)
        .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none")).exec().getId();
    c.startContainerCmd(id).exec();
    int code = c.waitContainerCmd(id).start().awaitStatusCode();
    c.removeContainerCmd(id).exec();
    return check(code);
  }

  static void expect(int status, int expected) throws IOException {
    if (status != expected) {
      throw new IOException("engine answered " + status + ", expected " + expected);
    }
  }

  static int check(int code) {
    if (code != 0) {
      throw new IllegalStateException("container exited with " + code);
    }
    return code;
  }
}
