package dev.berth.bench.jmh;

import dev.berth.bench.floor.FloorClient;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import dev.berth.types.system.Ping;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmarks 1 and 2: {@code GET /_ping}, sequential latency (and, with {@code -prof gc}, bytes
 * allocated per call) and throughput with 8 threads sharing one client.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class PingBench {
  static final byte[] FLOOR_PING = FloorClient.request("GET", "/_ping");
  static final Request DOER_PING = Request.get("/_ping").operation("SystemPing", "/_ping").build();

  @Benchmark
  public Ping latency_berth(Clients.Berth b) {
    return b.system.ping();
  }

  /** berth's transport alone: the Doer, no client core. */
  @Benchmark
  public int latency_berthDoer(Clients.Berth b) throws IOException {
    try (Response r = b.doer.send(DOER_PING)) {
      InputStream in = r.body().stream();
      while (in.read() >= 0) {
        // "OK"
      }
      return r.status();
    }
  }

  @Benchmark
  public int latency_floor(Clients.Floor f) throws IOException {
    return f.client.exchange(FLOOR_PING);
  }

  @Benchmark
  public Object latency_dockerJavaHc5(Clients.DockerJavaHc5 d) {
    return d.client.pingCmd().exec();
  }

  @Benchmark
  public Object latency_dockerJavaZerodep(Clients.DockerJavaZerodep d) {
    return d.client.pingCmd().exec();
  }

  @Benchmark
  @Threads(8)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Ping throughput8_berth(Clients.Berth b) {
    return b.system.ping();
  }

  @Benchmark
  @Threads(8)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public int throughput8_floor(Clients.Floor f) throws IOException {
    return f.client.exchange(FLOOR_PING);
  }

  @Benchmark
  @Threads(8)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Object throughput8_dockerJavaHc5(Clients.DockerJavaHc5 d) {
    return d.client.pingCmd().exec();
  }

  @Benchmark
  @Threads(8)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Object throughput8_dockerJavaZerodep(Clients.DockerJavaZerodep d) {
    return d.client.pingCmd().exec();
  }
}
