package dev.berth.bench.decode;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decode-only A/B for a shared, noisy machine (issue 14, "decode at the floor's cost"): no engine
 * in the loop. Runs every {@link Decoders} op over the captured bytes in one JVM, on one thread,
 * in short interleaved blocks (the order rotating every round), and measures each block's
 * <em>thread CPU time</em> and <em>allocated bytes</em> (ThreadMXBean), so load from other
 * processes barely moves the numbers; wall time is printed too but is the noisy one. Ratios are
 * paired: for every round, op ÷ the floor's Map decode of the same round; the median of those.
 *
 * <pre>java -Xms1g -Xmx1g [-Dout=FILE.json] [-Ddecode.dir=DIR] -cp 'bench/target/berth-bench.jar:bench/target/lib/*' \
 *     dev.berth.bench.decode.DecodeAB [seconds per group, default 20]</pre>
 *
 * GC threads' work is not in a thread's CPU time: allocated bytes stand for it. {@code -Donly=inspect.typed}
 * (comma-separated group.op names) runs only those ops, e.g. under a profiler; ratios are then
 * against the first op kept.
 */
public final class DecodeAB {
  private DecodeAB() {}

  interface Op {
    Object run() throws Exception;
  }

  static volatile Object sink;

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    Decoders d = new Decoders();
    Map<String, Map<String, Op>> groups = new LinkedHashMap<>();
    Map<String, Op> inspect = new LinkedHashMap<>();
    inspect.put("map", d::inspectMap);
    inspect.put("mapStream", d::inspectMapStream);
    inspect.put("typed", d::inspectTyped);
    inspect.put("service", d::inspectService);
    groups.put("inspect", inspect);
    Map<String, Op> list = new LinkedHashMap<>();
    list.put("map", d::listMap);
    list.put("mapStream", d::listMapStream);
    list.put("typed", d::listTyped);
    list.put("service", d::listService);
    groups.put("list50", list);

    System.out.printf("decode A/B: inspect %d B, list %d B (%d containers); %d s per group; %s, %d cpus, load %s%n",
        d.inspect.length, d.list.length, d.listMap().size(), seconds, Runtime.version(),
        Runtime.getRuntime().availableProcessors(), loadAverage());
    String only = System.getProperty("only"); // e.g. -Donly=inspect.typed,list50.map (profiling, one op alone)
    if (only != null) {
      List<String> keep = List.of(only.split(","));
      groups.forEach((g, ops) -> ops.keySet().removeIf(op -> !keep.contains(g + "." + op)));
      groups.values().removeIf(Map::isEmpty);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, Op>> g : groups.entrySet()) {
      out.put(g.getKey(), run(g.getKey(), g.getValue(), seconds));
    }
    if (System.getProperty("out") != null) {
      Decoders.JSON.writerWithDefaultPrettyPrinter().writeValue(new java.io.File(System.getProperty("out")), out);
    }
  }

  static String loadAverage() {
    try {
      return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).trim();
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  static Map<String, Object> run(String group, Map<String, Op> ops, int seconds) throws Exception {
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    List<String> names = new ArrayList<>(ops.keySet());
    List<Op> list = new ArrayList<>(ops.values());
    int n = list.size();
    // a block of about 5-10 ms of work per op: long against the clocks' resolution, short against load swings
    long t0 = System.nanoTime();
    for (int i = 0; i < 200; i++) {
      sink = list.get(0).run();
    }
    double perOp = (System.nanoTime() - t0) / 200.0;
    int block = (int) Math.max(20, Math.min(2000, 8_000_000 / perOp));
    // warm-up: a third of the time, at least 5 s of all ops
    long warmEnd0 = System.nanoTime() + 2_000_000_000L;
    while (System.nanoTime() < warmEnd0) {
      for (Op op : list) {
        sink = op.run();
      }
    }
    t0 = System.nanoTime();
    for (int i = 0; i < 200; i++) {
      sink = list.get(0).run();
    }
    perOp = (System.nanoTime() - t0) / 200.0;
    block = (int) Math.max(20, Math.min(2000, 8_000_000 / perOp));
    long warmEnd = System.nanoTime() + Math.max(5, seconds / 3) * 1_000_000_000L;
    while (System.nanoTime() < warmEnd) {
      for (Op op : list) {
        for (int i = 0; i < block; i++) {
          sink = op.run();
        }
      }
    }
    List<double[]> cpu = new ArrayList<>();
    List<double[]> alloc = new ArrayList<>();
    List<double[]> wall = new ArrayList<>();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    int round = 0;
    while (System.nanoTime() < end) {
      double[] c = new double[n];
      double[] a = new double[n];
      double[] w = new double[n];
      for (int k = 0; k < n; k++) {
        int j = (k + round) % n; // rotate who goes first
        Op op = list.get(j);
        long a0 = mx.getCurrentThreadAllocatedBytes();
        long c0 = mx.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        for (int i = 0; i < block; i++) {
          sink = op.run();
        }
        long w1 = System.nanoTime();
        long c1 = mx.getCurrentThreadCpuTime();
        long a1 = mx.getCurrentThreadAllocatedBytes();
        c[j] = (c1 - c0) / 1e3 / block;
        w[j] = (w1 - w0) / 1e3 / block;
        a[j] = (double) (a1 - a0) / block;
      }
      cpu.add(c);
      alloc.add(a);
      wall.add(w);
      round++;
    }
    System.out.printf("%n%s: %d rounds of %d ops each (medians; ratio = paired median of op ÷ map in the same round)%n",
        group, round, block);
    System.out.printf("  %-10s %12s %8s %14s %8s %12s %8s%n", "op", "cpu µs/op", "÷ map", "alloc B/op", "÷ map", "wall µs/op", "÷ map");
    Map<String, Object> result = new LinkedHashMap<>();
    for (int j = 0; j < n; j++) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("cpuMicros", median(cpu, j));
      r.put("cpuRatio", ratio(cpu, j));
      r.put("allocBytes", median(alloc, j));
      r.put("allocRatio", ratio(alloc, j));
      r.put("wallMicros", median(wall, j));
      r.put("wallRatio", ratio(wall, j));
      r.put("rounds", round);
      r.put("block", block);
      result.put(names.get(j), r);
      System.out.printf("  %-10s %12.2f %7.2f× %14.0f %7.2f× %12.2f %7.2f×%n", names.get(j), median(cpu, j), ratio(cpu, j),
          median(alloc, j), ratio(alloc, j), median(wall, j), ratio(wall, j));
    }
    return result;
  }

  static double median(List<double[]> rows, int j) {
    double[] xs = rows.stream().mapToDouble(r -> r[j]).sorted().toArray();
    return xs[xs.length / 2];
  }

  static double ratio(List<double[]> rows, int j) {
    double[] xs = rows.stream().mapToDouble(r -> r[j] / r[0]).sorted().toArray();
    return xs[xs.length / 2];
  }

  static String fmt(double[] xs) {
    return Arrays.toString(xs);
  }
}
