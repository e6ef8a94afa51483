package dev.berth.bench.jmh;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import dev.berth.bench.BerthContainers;
import dev.berth.bench.Engine;
import dev.berth.bench.Fixtures;
import dev.berth.bench.ReplayServer;
import dev.berth.bench.floor.FloorClient;
import dev.berth.client.EngineClient;
import dev.berth.client.FrameReader;
import java.io.IOException;
import java.nio.file.Path;
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
 * Benchmark 5: demultiplexing 200 MiB of container output (1 KiB lines, one frame each), from the
 * real engine ({@code logsEngine_*}: bound by dockerd reading its json-file log) and replayed
 * byte for byte from an in-process Unix-socket server ({@code logsReplay_*}: the client's own
 * cost). Each contestant counts the payload bytes it is handed; ms/op, MiB/s in the report.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class LogsBench {

  /** The exited container with 200 MiB of output (made once, kept between runs). */
  @State(Scope.Benchmark)
  public static class LogContainer {
    public String id;
    public byte[] floorLogs;

    @Setup(Level.Trial)
    public void up() {
      id = Engine.retry("log fixture", Fixtures::logContainer);
      floorLogs = FloorClient.request("GET", Engine.API + "/containers/" + id + "/logs?stdout=1&stderr=1");
    }
  }

  /** The replay server and a client of each contestant pointed at it. */
  @State(Scope.Benchmark)
  public static class Replay {
    public ReplayServer server;
    public EngineClient berth;
    public BerthContainers berthContainers;
    public FloorClient floor;
    public DockerClient dockerJavaHc5;
    public DockerClient dockerJavaZerodep;
    public String id;
    public byte[] floorLogs;
    public Path socket;
    public long captureBytes;
    public java.nio.ByteBuffer rawBuffer = java.nio.ByteBuffer.allocate(256 * 1024);

    @Setup(Level.Trial)
    public void up(LogContainer logs) throws Exception {
      id = logs.id;
      floorLogs = logs.floorLogs;
      Path capture = Fixtures.logCapture(id);
      captureBytes = java.nio.file.Files.size(capture);
      socket = Fixtures.WORK.resolve("replay-" + ProcessHandle.current().pid() + ".sock");
      server = new ReplayServer(socket, capture);
      berth = Engine.berth(socket);
      berthContainers = new BerthContainers(berth);
      floor = new FloorClient(socket);
      dockerJavaHc5 = Engine.dockerJavaHttpClient5(socket);
      dockerJavaZerodep = Engine.dockerJavaZerodep(socket);
      // every contestant must see exactly the captured bytes
      check("berth", berthLogs(berthContainers, id));
      check("floor", floorLogs(floor, floorLogs));
      check("docker-java httpclient5", dockerJavaLogs(dockerJavaHc5, id));
      check("docker-java zerodep", dockerJavaLogs(dockerJavaZerodep, id));
    }

    @TearDown(Level.Trial)
    public void down() throws IOException {
      berth.close();
      floor.close();
      dockerJavaHc5.close();
      dockerJavaZerodep.close();
      server.close();
    }
  }

  static void check(String who, long bytes) {
    if (bytes != Fixtures.LOG_BYTES) {
      throw new IllegalStateException(who + " read " + bytes + " bytes of output, expected " + Fixtures.LOG_BYTES);
    }
  }

  static long berthLogs(BerthContainers c, String id) {
    long n = 0;
    try (FrameReader frames = c.logs(id)) {
      while (frames.next()) {
        n += frames.length();
      }
    }
    return n;
  }

  static long floorLogs(FloorClient c, byte[] request) throws IOException {
    FloorClient.Exchange x = c.send(request);
    try {
      if (x.status() != 200) {
        throw new IOException("engine answered " + x.status());
      }
      return x.demux((stream, b, off, len) -> { });
    } finally {
      x.release();
    }
  }

  static long dockerJavaLogs(DockerClient c, String id) throws InterruptedException {
    long[] n = new long[1];
    c.logContainerCmd(id).withStdOut(true).withStdErr(true).exec(new ResultCallback.Adapter<Frame>() {
      @Override
      public void onNext(Frame frame) {
        n[0] += frame.getPayload().length;
      }
    }).awaitCompletion();
    return n[0];
  }

  // ------------------------------------------------------------ from the engine

  @Benchmark
  @Warmup(iterations = 1, time = 1)
  @Measurement(iterations = 2, time = 1)
  public long logsEngine_berth(Clients.Berth b, LogContainer l) {
    return berthLogs(b.containers, l.id);
  }

  @Benchmark
  @Warmup(iterations = 1, time = 1)
  @Measurement(iterations = 2, time = 1)
  public long logsEngine_floor(Clients.Floor f, LogContainer l) throws IOException {
    return floorLogs(f.client, l.floorLogs);
  }

  @Benchmark
  @Warmup(iterations = 1, time = 1)
  @Measurement(iterations = 2, time = 1)
  public long logsEngine_dockerJavaHc5(Clients.DockerJavaHc5 d, LogContainer l) throws InterruptedException {
    return dockerJavaLogs(d.client, l.id);
  }

  @Benchmark
  @Warmup(iterations = 1, time = 1)
  @Measurement(iterations = 2, time = 1)
  public long logsEngine_dockerJavaZerodep(Clients.DockerJavaZerodep d, LogContainer l) throws InterruptedException {
    return dockerJavaLogs(d.client, l.id);
  }

  // ------------------------------------------------------------ replayed in process

  @Benchmark
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 8, time = 2)
  public long logsReplay_berth(Replay r) {
    return berthLogs(r.berthContainers, r.id);
  }

  @Benchmark
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 8, time = 2)
  public long logsReplay_floor(Replay r) throws IOException {
    return floorLogs(r.floor, r.floorLogs);
  }

  @Benchmark
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 8, time = 2)
  public long logsReplay_dockerJavaHc5(Replay r) throws InterruptedException {
    return dockerJavaLogs(r.dockerJavaHc5, r.id);
  }

  @Benchmark
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 8, time = 2)
  public long logsReplay_dockerJavaZerodep(Replay r) throws InterruptedException {
    return dockerJavaLogs(r.dockerJavaZerodep, r.id);
  }

  /**
   * Not a contestant: the ceiling. The replayed bytes read off the socket in 256 KiB reads with no
   * HTTP or frame parsing at all: what any client on this machine's Unix sockets can approach.
   */
  @Benchmark
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 8, time = 2)
  public long logsReplay_rawRead(Replay r) throws IOException {
    try (java.nio.channels.SocketChannel ch = java.nio.channels.SocketChannel.open(
        java.net.UnixDomainSocketAddress.of(r.socket))) {
      java.nio.ByteBuffer req = java.nio.ByteBuffer.wrap(r.floorLogs);
      while (req.hasRemaining()) {
        ch.write(req);
      }
      long total = 0;
      int n;
      while (total < r.captureBytes && (n = ch.read(r.rawBuffer.clear())) > 0) {
        total += n;
      }
      if (total != r.captureBytes) {
        throw new IOException("read " + total + " of " + r.captureBytes + " bytes");
      }
      return total;
    }
  }
}
