package dev.berth.bench.jmh;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import dev.berth.types.containers.ContainerInspect;
import dev.berth.bench.Engine;
import dev.berth.bench.Fixtures;
import dev.berth.bench.floor.FloorClient;
import dev.berth.types.containers.ContainerSummary;
import java.io.IOException;
import java.net.URLEncoder;
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
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 3: list 50 labelled containers decoded to objects, and inspect one decoded. berth and
 * the floor decode into the same types ({@link ContainerSummary}, {@link ContainerInspect});
 * docker-java into its own ({@link Container}, {@link InspectContainerResponse}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ContainersBench {
  static final ObjectReader FLOOR_LIST = Clients.Floor.JSON.readerFor(new TypeReference<List<ContainerSummary>>() {});
  static final ObjectReader FLOOR_INSPECT = Clients.Floor.JSON.readerFor(ContainerInspect.class);

  /** 50 created (never started) containers with a label unique to this trial; removed after it. */
  @State(Scope.Benchmark)
  public static class Fixture {
    public String value;
    public String label;
    public String inspectId;
    public byte[] floorList;
    public byte[] floorInspect;

    @Setup(Level.Trial)
    public void up() {
      value = Fixtures.uniqueValue("list");
      label = Engine.LABEL + "=" + value;
      List<String> ids = Fixtures.createLabelled(50, value);
      inspectId = ids.get(17);
      String filters = "{\"label\":[\"" + label + "\"]}";
      floorList = FloorClient.request("GET", Engine.API + "/containers/json?all=1&filters="
          + URLEncoder.encode(filters, StandardCharsets.UTF_8));
      floorInspect = FloorClient.request("GET", Engine.API + "/containers/" + inspectId + "/json");
    }

    @TearDown(Level.Trial)
    public void down() {
      Fixtures.removeLabelled(value);
    }
  }

  @Benchmark
  public List<ContainerSummary> list50_berth(Clients.Berth b, Fixture f) {
    return expect50(b.containers.listByLabel(f.label));
  }

  @Benchmark
  public List<ContainerSummary> list50_floor(Clients.Floor c, Fixture f) throws IOException {
    return expect50(c.call(f.floorList, FLOOR_LIST));
  }

  @Benchmark
  public List<Container> list50_dockerJavaHc5(Clients.DockerJavaHc5 d, Fixture f) {
    return expect50(d.client.listContainersCmd().withShowAll(true)
        .withLabelFilter(Map.of(Engine.LABEL, f.value)).exec());
  }

  @Benchmark
  public List<Container> list50_dockerJavaZerodep(Clients.DockerJavaZerodep d, Fixture f) {
    return expect50(d.client.listContainersCmd().withShowAll(true)
        .withLabelFilter(Map.of(Engine.LABEL, f.value)).exec());
  }

  @Benchmark
  public ContainerInspect inspect_berth(Clients.Berth b, Fixture f) {
    return b.containers.inspect(f.inspectId);
  }

  @Benchmark
  public ContainerInspect inspect_floor(Clients.Floor c, Fixture f) throws IOException {
    return c.call(f.floorInspect, FLOOR_INSPECT);
  }

  @Benchmark
  public InspectContainerResponse inspect_dockerJavaHc5(Clients.DockerJavaHc5 d, Fixture f) {
    return d.client.inspectContainerCmd(f.inspectId).exec();
  }

  @Benchmark
  public InspectContainerResponse inspect_dockerJavaZerodep(Clients.DockerJavaZerodep d, Fixture f) {
    return d.client.inspectContainerCmd(f.inspectId).exec();
  }

  /** A size check is one compare: cheap enough to keep every call honest. */
  static <T> List<T> expect50(List<T> list) {
    if (list.size() != 50) {
      throw new IllegalStateException("expected 50 fixtures, listed " + list.size());
    }
    return list;
  }
}
