package dev.berth.bench.decode;

import dev.berth.types.containers.ContainerInspect;
import dev.berth.types.containers.ContainerSummary;
import java.io.IOException;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decode only, no engine: the captured inspect and list answers ({@link Captured}) decoded into
 * a Map (the floor) and into berth's records (see {@link Decoders}). Run with {@code -prof gc}
 * for bytes per op; on a loaded machine prefer {@link DecodeAB}'s CPU-time ratios to these scores.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 6, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class DecodeBench {
  Decoders d;

  @Setup(Level.Trial)
  public void up() {
    d = new Decoders();
  }

  @Benchmark
  public Map<?, ?> inspect_map() throws IOException {
    return d.inspectMap();
  }

  @Benchmark
  public Map<?, ?> inspect_mapStream() throws IOException {
    return d.inspectMapStream();
  }

  @Benchmark
  public ContainerInspect inspect_typed() throws IOException {
    return d.inspectTyped();
  }

  @Benchmark
  public ContainerInspect inspect_service() {
    return d.inspectService();
  }

  @Benchmark
  public List<Map<String, Object>> list50_map() throws IOException {
    return d.listMap();
  }

  @Benchmark
  public List<Map<String, Object>> list50_mapStream() throws IOException {
    return d.listMapStream();
  }

  @Benchmark
  public List<ContainerSummary> list50_typed() throws IOException {
    return d.listTyped();
  }

  @Benchmark
  public List<ContainerSummary> list50_service() {
    return d.listService();
  }
}
