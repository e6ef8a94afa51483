package dev.berth.transport.ssh;

import dev.berth.client.EngineClient;
import dev.berth.containers.ContainerService;
import dev.berth.containers.WaitCondition;
import dev.berth.testkit.EngineTest;
import dev.berth.testkit.TestEngine;
import dev.berth.testkit.TestEngines;
import dev.berth.transport.Dialer;
import dev.berth.transport.Endpoint;
import dev.berth.transport.Http1Doer;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import dev.berth.types.containers.ContainerCreateRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A small harness, not a JMH benchmark: ping latency and log replay over the Unix socket and over
 * SSH (both modes) in one run, printed as ratios to the Unix socket. Not part of the suite (the
 * module's pom excludes it); {@code scripts/bench-ssh} runs it and prints the table.
 */
@EngineTest
class SshBench {
  private static final int PINGS = 2000;
  private static final int LOG_LINES = 200_000; // about 20 MB of multiplexed log frames

  @Test
  void pingLatencyAndLogReplayOverSshVersusUnixSocket(TestEngine engine) throws Exception {
    Map<String, Dialer> dialers = new LinkedHashMap<>();
    dialers.put("unix", Endpoint.parse(TestEngines.dockerHost()).dialer());
    dialers.put("ssh direct", SshRig.builder(SshRig.host()).build());
    dialers.put("ssh dial-stdio", SshRig.builder(SshRig.host()).dialStdio().build());

    ContainerService setup = ContainerService.create(engine.client());
    String id = setup.create(ContainerCreateRequest.builder().image(engine.image())
        .cmd("sh", "-c", "yes 'berth log replay line of about one hundred bytes, repeated to measure the throughput' | head -n " + LOG_LINES)
        .labels(engine.labels()).hostConfig(h -> h.networkMode("none")).build()).id();
    setup.start(id);
    setup.wait(id, WaitCondition.NOT_RUNNING);

    Map<String, double[]> results = new LinkedHashMap<>(); // {ping median µs, ping p99 µs, replay ms, MB}
    for (int round = 0; round < 2; round++) { // round 0 warms up
      for (Map.Entry<String, Dialer> e : dialers.entrySet()) {
        try (Http1Doer doer = Http1Doer.of(e.getValue()); EngineClient client = EngineClient.builder(doer).build()) {
          long[] ns = new long[PINGS];
          for (int i = 0; i < PINGS; i++) {
            long t0 = System.nanoTime();
            try (Response r = doer.send(Request.get("/_ping").build())) {
              r.body().stream().readAllBytes();
            }
            ns[i] = System.nanoTime() - t0;
          }
          Arrays.sort(ns);
          Counting sink = new Counting();
          long t0 = System.nanoTime();
          ContainerService.create(client).logs(id, o -> o.stdout(true)).copyTo(sink, sink);
          long replayNs = System.nanoTime() - t0;
          results.put(e.getKey(), new double[] {ns[PINGS / 2] / 1e3, ns[PINGS * 99 / 100] / 1e3, replayNs / 1e6,
              sink.bytes / 1e6});
        }
      }
    }
    double[] unix = results.get("unix");
    StringBuilder report = new StringBuilder(String.format("%n%-16s %12s %12s %10s %12s %10s %10s%n", "transport",
        "ping p50 µs", "ping p99 µs", "x unix", "replay ms", "MB/s", "x unix"));
    for (Map.Entry<String, double[]> r : results.entrySet()) {
      double[] v = r.getValue();
      report.append(String.format("%-16s %12.1f %12.1f %10.2f %12.1f %10.1f %10.2f%n", r.getKey(), v[0], v[1],
          v[0] / unix[0], v[2], v[3] / (v[2] / 1e3), v[2] / unix[2]));
    }
    System.out.println(report);
  }

  private static final class Counting extends OutputStream {
    long bytes;

    @Override
    public void write(int b) {
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      bytes += len;
    }
  }
}
