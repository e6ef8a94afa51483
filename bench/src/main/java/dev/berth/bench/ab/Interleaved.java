package dev.berth.bench.ab;

import dev.berth.bench.Engine;
import dev.berth.bench.floor.FloorClient;
import dev.berth.client.EngineClient;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A diagnostic beside JMH for a shared, noisy machine: runs the sequential ping of berth, berth's
 * Doer and the floor in one JVM in short alternating blocks, so that load from other processes
 * hits all three alike, and prints the median block time of each and the ratios; with
 * {@code -Dinspect} the same for inspect one container decoded. scripts/bench runs it after JMH
 * and the report shows its ratios beside JMH's
 * ({@code java [-Dinspect] [-Dout=FILE.json] -cp ... dev.berth.bench.ab.Interleaved [seconds]}).
 */
public final class Interleaved {
  private Interleaved() {}

  /** One call of a contestant. */
  public interface Op {
    void run() throws Exception;
  }

  /**
   * Runs the ops in turn, {@code block} calls each, for {@code seconds} after {@code warmRounds}
   * rounds of warm-up, and returns, per op, the µs per call of each of its blocks.
   */
  public static Map<String, List<Double>> alternate(Map<String, Op> ops, int block, int warmRounds, int seconds)
      throws Exception {
    Map<String, List<Double>> blocks = new LinkedHashMap<>();
    ops.keySet().forEach(k -> blocks.put(k, new ArrayList<>()));
    for (int warm = 0; warm < warmRounds; warm++) {
      for (Op op : ops.values()) {
        for (int i = 0; i < block; i++) {
          op.run();
        }
      }
    }
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < end) {
      for (Map.Entry<String, Op> e : ops.entrySet()) {
        long t0 = System.nanoTime();
        for (int i = 0; i < block; i++) {
          e.getValue().run();
        }
        blocks.get(e.getKey()).add((System.nanoTime() - t0) / 1e3 / block);
      }
    }
    return blocks;
  }

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    byte[] floorPing = FloorClient.request("GET", "/_ping");
    Request doerPing = Request.get("/_ping").build();
    try (EngineClient berth = Engine.berth(); FloorClient floor = Engine.floor()) {
      berth.apiVersion();
      Map<String, Op> ops = new LinkedHashMap<>();
      ops.put("berth", berth::ping);
      ops.put("berthDoer", () -> {
        try (Response r = berth.doer().send(doerPing)) {
          InputStream in = r.body().stream();
          while (in.read() >= 0) {
            // "OK"
          }
        }
      });
      ops.put("floor", () -> floor.exchange(floorPing));
      // berth over the optional junixsocket dialer instead of the JDK's channels (the default)
      EngineClient junix = EngineClient.builder(dev.berth.transport.Http1Doer.builder(
          dev.berth.transport.junixsocket.JunixsocketDialer.of(Engine.SOCKET)).build()).ownsDoer(true).build();
      junix.apiVersion();
      ops.put("berthJunixsocket", junix::ping);
      if (System.getProperty("inspect") != null) { // -Dinspect: inspect one container decoded instead of ping
        ops.clear();
        String value = dev.berth.bench.Fixtures.uniqueValue("ab");
        String id = dev.berth.bench.Fixtures.createLabelled(1, value).get(0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dev.berth.bench.Fixtures.removeLabelled(value)));
        dev.berth.bench.BerthContainers containers = new dev.berth.bench.BerthContainers(berth);
        byte[] floorInspect = FloorClient.request("GET", Engine.API + "/containers/" + id + "/json");
        com.fasterxml.jackson.databind.ObjectReader reader =
            dev.berth.bench.jmh.Clients.Floor.JSON.readerFor(dev.berth.types.containers.ContainerInspect.class);
        ops.put("berth", () -> containers.inspect(id));
        ops.put("floor", () -> dev.berth.bench.jmh.Clients.Floor.call(floor, floorInspect, reader));
      }
      // the floor's exchange over junixsocket's streams instead of a JDK SocketChannel: tells
      // how much of the gap is the socket library rather than berth's own code
      if (System.getProperty("inspect") == null) {
      org.newsclub.net.unix.AFUNIXSocket afu = org.newsclub.net.unix.AFUNIXSocket.connectTo(
          org.newsclub.net.unix.AFUNIXSocketAddress.of(Engine.SOCKET));
      InputStream afIn = afu.getInputStream();
      java.io.OutputStream afOut = afu.getOutputStream();
      byte[] buf = new byte[8192];
      ops.put("floorOnJunixsocket", () -> {
        afOut.write(floorPing);
        int n = 0;
        int end = -1;
        while (end < 0 || n < end + 2) { // ping: Content-Length 2
          int r = afIn.read(buf, n, buf.length - n);
          if (r < 0) {
            throw new java.io.EOFException();
          }
          n += r;
          for (int i = Math.max(0, n - r - 3); end < 0 && i + 3 < n; i++) {
            if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') {
              end = i + 4;
            }
          }
        }
      });
      }
      if (args.length > 1) { // only one op, N times: for strace -c and the like
        Op op = ops.get(args[1]);
        for (int i = 0; i < seconds; i++) {
          op.run();
        }
        return;
      }
      int block = System.getProperty("inspect") != null ? 100 : 500;
      Map<String, List<Double>> blocks = alternate(ops, block, 20, seconds);
      double floorMedian = median(blocks.get("floor"));
      blocks.values().removeIf(List::isEmpty);
      Map<String, Double> medians = new LinkedHashMap<>();
      blocks.forEach((k, v) -> medians.put(k, median(v)));
      if (System.getProperty("out") != null) {
        new com.fasterxml.jackson.databind.ObjectMapper().writeValue(new java.io.File(System.getProperty("out")), medians);
      }
      for (Map.Entry<String, List<Double>> e : blocks.entrySet()) {
        double m = median(e.getValue());
        System.out.printf("%-10s median of %d blocks: %7.1f µs/op  (÷ floor %.2f×)%n", e.getKey(), e.getValue().size(), m, m / floorMedian);
      }
    }
  }

  /** The median (the upper one for an even count). */
  public static double median(List<Double> xs) {
    double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return a[a.length / 2];
  }
}
