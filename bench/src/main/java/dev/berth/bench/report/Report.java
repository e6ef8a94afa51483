package dev.berth.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.bench.Fixtures;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoublePredicate;
import java.util.stream.Stream;

/**
 * Turns one run's raw results (JMH JSON files, the cold-start JSON, the contestants' runtime class
 * paths) into a Markdown table of ratios measured in that same run, with the targets.
 *
 * <p>{@code Report OUT.md RESULT_DIR key=value...} where keys are {@code cp.berth},
 * {@code cp.floor}, {@code cp.dockerJavaHc5}, {@code cp.dockerJavaZerodep} (class paths) and
 * {@code meta.*} (printed in the header).
 */
public final class Report {
  static final String[] CONTESTANTS = {"berth", "floor", "dockerJavaHc5", "dockerJavaZerodep"};
  static final double MIB = 1024.0 * 1024.0;

  private final Map<String, JsonNode> jmh = new LinkedHashMap<>(); // "scenario_contestant" -> entry
  private JsonNode cold;
  private final Map<String, JsonNode> ab = new LinkedHashMap<>();
  private final Map<String, String> args = new LinkedHashMap<>();
  private final StringBuilder md = new StringBuilder();
  private final List<String> misses = new ArrayList<>();
  private String jdk = "?";

  public static void main(String[] argv) throws IOException {
    Report r = new Report();
    Path out = Path.of(argv[0]);
    Path dir = Path.of(argv[1]);
    for (String a : Arrays.asList(argv).subList(2, argv.length)) {
      int eq = a.indexOf('=');
      r.args.put(a.substring(0, eq), a.substring(eq + 1));
    }
    r.load(dir);
    r.write();
    Files.writeString(out, r.md, StandardCharsets.UTF_8);
    System.out.print(r.md);
  }

  void load(Path dir) throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files.sorted()::iterator) {
        String name = f.getFileName().toString();
        if (name.startsWith("jmh-") && name.endsWith(".json") && Files.size(f) > 0) {
          for (JsonNode e : json.readTree(f.toFile())) {
            String b = e.get("benchmark").asText();
            String key = b.substring(b.lastIndexOf('.') + 1);
            if (e.path("params").has("variant")) { // DecoratorBench: one benchmark, a variant per param
              key = "decorator_" + e.path("params").path("variant").asText();
            }
            jmh.put(key, e);
            jdk = e.path("jdkVersion").asText() + " (" + e.path("vmName").asText() + " " + e.path("vmVersion").asText() + ")";
          }
        } else if (name.startsWith("ab-") && name.endsWith(".json")) {
          ab.put(name.substring(3, name.length() - 5), json.readTree(f.toFile()));
        } else if (name.equals("cold.json")) {
          cold = json.readTree(f.toFile());
        }
      }
    }
  }

  // ------------------------------------------------------------------ values

  /** Primary score of a benchmark, or NaN. */
  double score(String scenario, String contestant) {
    JsonNode e = jmh.get(scenario + "_" + contestant);
    return e == null ? Double.NaN : e.path("primaryMetric").path("score").asDouble(Double.NaN);
  }

  double error(String scenario, String contestant) {
    JsonNode e = jmh.get(scenario + "_" + contestant);
    return e == null ? Double.NaN : e.path("primaryMetric").path("scoreError").asDouble(Double.NaN);
  }

  /** Bytes allocated per operation (from -prof gc), or NaN. */
  double alloc(String scenario, String contestant) {
    JsonNode e = jmh.get(scenario + "_" + contestant);
    return e == null ? Double.NaN
        : e.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score").asDouble(Double.NaN);
  }

  /** MiB/s from a logs benchmark in ms/op. */
  double mibPerSec(String scenario, String contestant) {
    double ms = score(scenario, contestant);
    return Fixtures.LOG_BYTES / MIB / (ms / 1000.0);
  }

  /** The error of {@link #mibPerSec}, to first order. */
  double mibError(String scenario, String contestant) {
    double ms = score(scenario, contestant);
    return mibPerSec(scenario, contestant) * error(scenario, contestant) / ms;
  }

  /** Median block time (µs/op) of the interleaved A/B run, or NaN. */
  double interleaved(String what, String contestant) {
    JsonNode n = ab.get(what);
    return n == null || !n.has(contestant) ? Double.NaN : n.get(contestant).asDouble();
  }

  double coldMedian(String task, String contestant) {
    if (cold == null || !cold.has(task) || !cold.get(task).has(contestant)) {
      return Double.NaN;
    }
    double[] a = new double[cold.get(task).get(contestant).size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = cold.get(task).get(contestant).get(i).asDouble();
    }
    Arrays.sort(a);
    return a.length == 0 ? Double.NaN : a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
  }

  /** {jar count, MB} of a class path. */
  double[] footprint(String contestant) {
    String cp = args.get("cp." + contestant);
    if (cp == null || cp.isEmpty()) {
      return new double[] {Double.NaN, Double.NaN};
    }
    int jars = 0;
    long bytes = 0;
    for (String p : cp.split(File.pathSeparator)) {
      File f = new File(p);
      if (p.endsWith(".jar") && f.isFile()) {
        jars++;
        bytes += f.length();
      }
    }
    return new double[] {jars, bytes / 1e6};
  }

  // ------------------------------------------------------------------ table

  interface Value {
    double of(String contestant);
  }

  /** One row: values per contestant, ratios of berth to each, a target on one ratio. */
  void row(String what, String unit, Value v, String target, String against, DoublePredicate ok, String fmt) {
    row(what, unit, v, null, target, against, ok, fmt);
  }

  /**
   * As above; with {@code err} (the JMH 99.9 % error of each value) a verdict whose ratio could
   * fall on the other side of the target within those errors gets a question mark.
   */
  void row(String what, String unit, Value v, Value err, String target, String against, DoublePredicate ok, String fmt) {
    double[] x = new double[CONTESTANTS.length];
    double[] e = new double[CONTESTANTS.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = v.of(CONTESTANTS[i]);
      e[i] = err == null ? 0 : err.of(CONTESTANTS[i]);
      if (Double.isNaN(e[i])) {
        e[i] = 0;
      }
    }
    md.append("| ").append(what).append(" | ").append(unit);
    for (double d : x) {
      md.append(" | ").append(fmt(fmt, d));
    }
    for (int i = 1; i < x.length; i++) {
      md.append(" | ").append(ratio(x[0], x[i]));
    }
    String verdict = "";
    if (target != null) {
      boolean pass = true;
      boolean known = true;
      boolean unsure = false;
      if (against.equals("abs")) {
        known = !Double.isNaN(x[0]);
        pass = ok.test(x[0]);
      } else {
        for (String a : against.split(",")) {
          int i = Arrays.asList(CONTESTANTS).indexOf(a);
          double r = x[0] / x[i];
          known &= !Double.isNaN(r);
          pass &= ok.test(r);
          double lo = (x[0] - e[0]) / (x[i] + e[i]);
          double hi = x[i] > e[i] ? (x[0] + e[0]) / (x[i] - e[i]) : Double.POSITIVE_INFINITY;
          unsure |= ok.test(lo) != ok.test(hi);
        }
      }
      verdict = !known ? "n/a" : (pass ? "pass" : "**miss**") + (unsure ? " ?" : "");
      if (known && !pass) {
        misses.add(what + " (" + target + ")");
      }
    }
    md.append(" | ").append(target == null ? "—" : target).append(" | ").append(verdict).append(" |\n");
  }

  static String ratio(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? "—" : String.format(Locale.ROOT, "%.2f×", a / b);
  }

  static String fmt(String f, double d) {
    return Double.isNaN(d) ? "—" : String.format(Locale.ROOT, f, d);
  }

  void write() {
    md.append("# berth benchmarks\n\n");
    md.append("Measured in one run: JDK ").append(jdk).append("; ");
    args.forEach((k, v) -> {
      if (k.startsWith("meta.")) {
        md.append(k.substring(5)).append(": ").append(v).append("; ");
      }
    });
    md.setLength(md.length() - 2);
    md.append(".\n\n");
    md.append("Ratios are berth ÷ the other contestant in the row's unit (time: lower is better for berth; "
        + "ops/s and MiB/s: higher is better). dj-hc5 / dj-zerodep = docker-java 3.7.1 with its httpclient5 / zerodep "
        + "transport. Targets are the issue's.\n\n");
    md.append("| benchmark | unit | berth | floor | dj-hc5 | dj-zerodep | berth/floor | berth/dj-hc5 | berth/dj-zerodep | target | result |\n");
    md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |\n");

    row("1. ping latency, sequential", "µs/op", c -> score("latency", c), c -> error("latency", c), "≤ 1.15× floor", "floor", r -> r <= 1.15, "%.1f");
    row("1. ping allocation", "B/op", c -> alloc("latency", c), "berth ≤ 2048 B/op", "abs", b -> b <= 2048, "%.0f");
    row("1. ping latency, berth's Doer alone (berth column)", "µs/op",
        c -> score("latency", c.equals("berth") ? "berthDoer" : c), null, null, null, "%.1f");
    row("1. ping latency, interleaved blocks (median)", "µs/op", c -> interleaved("ping", c), "≤ 1.15× floor", "floor",
        r -> r <= 1.15, "%.1f");
    row("1. ping latency interleaved, berth's Doer alone (berth column)", "µs/op",
        c -> interleaved("ping", c.equals("berth") ? "berthDoer" : c), null, null, null, "%.1f");
    row("2. ping throughput, 8 threads", "ops/s", c -> score("throughput8", c), c -> error("throughput8", c), "≥ 0.9× floor", "floor", r -> r >= 0.9, "%.0f");
    row("3. list 50 containers, decoded", "µs/op", c -> score("list50", c), c -> error("list50", c), "≤ 1.15× floor", "floor", r -> r <= 1.15, "%.1f");
    row("3. list 50 allocation", "KB/op", c -> alloc("list50", c) / 1000, null, null, null, "%.1f");
    row("3. inspect one container, decoded", "µs/op", c -> score("inspect", c), c -> error("inspect", c), "≤ 1.15× floor", "floor", r -> r <= 1.15, "%.1f");
    row("3. inspect, interleaved blocks (median)", "µs/op", c -> interleaved("inspect", c), "≤ 1.15× floor", "floor",
        r -> r <= 1.15, "%.1f");
    row("3. inspect allocation", "KB/op", c -> alloc("inspect", c) / 1000, null, null, null, "%.1f");
    row("4. lifecycle create+start+wait+remove", "ms/op", c -> score("lifecycle", c), null, null, null, "%.1f");
    row("5. logs 200 MiB from the engine", "MiB/s", c -> mibPerSec("logsEngine", c), null, null, null, "%.0f");
    row("5. logs 200 MiB replayed in process", "MiB/s", c -> mibPerSec("logsReplay", c), c -> mibError("logsReplay", c), "≥ 0.8× floor", "floor", r -> r >= 0.8, "%.0f");
    row("5. logs replayed: raw socket reads, no parsing (berth column; the machine's ceiling)", "MiB/s",
        c -> mibPerSec("logsReplay", c.equals("berth") ? "rawRead" : c), null, null, null, "%.0f");
    row("5. logs replayed, vs docker-java", "MiB/s", c -> mibPerSec("logsReplay", c), c -> mibError("logsReplay", c), "≥ 3× docker-java", "dockerJavaHc5,dockerJavaZerodep",
        r -> r >= 3, "%.0f");
    row("5. logs replayed, allocation per 200 MiB", "KB/op", c -> alloc("logsReplay", c) / 1000, "berth < 1 MB", "abs",
        kb -> kb < 1000, "%.1f");
    row("6. cold start to first ping (median)", "ms", c -> coldMedian("ping", c), "≤ 2× floor", "floor", r -> r <= 2, "%.0f");
    row("6. cold start to first ping, vs docker-java", "ms", c -> coldMedian("ping", c), "≤ 0.3× docker-java",
        "dockerJavaHc5,dockerJavaZerodep", r -> r <= 0.3, "%.0f");
    row("6. cold start to ping + list 50 decoded (median)", "ms", c -> coldMedian("pinglist", c), "≤ 1.3× floor", "floor",
        r -> r <= 1.3, "%.0f");
    row("7. runtime class path", "MB", c -> footprint(c)[1], "berth ≤ 5 MB", "abs", mb -> mb <= 5, "%.2f");
    row("7. runtime class path", "jars", c -> footprint(c)[0], null, null, null, "%.0f");

    md.append("\nScore errors (99.9 %, JMH) for the timed rows: ");
    List<String> errs = new ArrayList<>();
    for (String s : List.of("latency", "throughput8", "list50", "inspect", "lifecycle", "logsEngine", "logsReplay")) {
      StringBuilder e = new StringBuilder(s).append(" ");
      for (String c : CONTESTANTS) {
        e.append(fmt("%.1f", score(s, c))).append("±").append(fmt("%.1f", error(s, c))).append(c.equals("dockerJavaZerodep") ? "" : " / ");
      }
      errs.add(e.toString());
    }
    md.append(String.join("; ", errs)).append(" (berth / floor / dj-hc5 / dj-zerodep, in each row's JMH unit).\n\n");
    md.append("Floor class path = Jackson only (it needs nothing else); berth = what \"Unix socket + containers + images\" needs "
        + "(").append(args.getOrDefault("meta.berth-modules", "transport, types, client-core")).append(", Jackson).\n\n");
    md.append("A `?` after a verdict: within the JMH errors of both scores the ratio could also fall on the other side "
        + "of the target. The *interleaved* rows come from `ab.Interleaved`, which runs berth, berth's Doer and the "
        + "floor in one JVM in alternating blocks of 500 (ping) or 100 (inspect) calls, so that load from other "
        + "processes on this shared machine hits all of them alike; they are the steadier ratio.\n\n");
    writeDecorators();
    md.append(misses.isEmpty() ? "All targets met.\n" : "Targets missed: " + String.join("; ", misses) + ".\n");
  }

  /** Issue 10: ping through each decorator, as ratios to the undecorated Doer of the same run. */
  void writeDecorators() {
    JsonNode ab = this.ab.get("decorators");
    if (ab == null && !jmh.containsKey("decorator_undecorated")) {
      return;
    }
    md.append("## Decorators (issue 10)\n\n");
    md.append("`GET /_ping` through the Doer, undecorated and through each decorator. JMH: one fork per variant "
        + "(`DecoratorBench`, `-prof gc`); interleaved: `ab.Decorators`, every variant in one JVM in alternating "
        + "blocks of 500 calls, time and bytes per call on the calling thread (the steadier ratio). Targets apply "
        + "to the no-op backends; the recording rows include what the backend itself does.\n\n");
    md.append("| variant | JMH µs/op | JMH × | JMH B/op | JMH +B/op | interleaved µs/op | interleaved × | interleaved +B/op | target | result |\n");
    md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |\n");
    String[][] variants = {
        {"undecorated", "undecorated", null}, {"forwarding", "forwarding+observe", null},
        {"transportListener", "transportListener", null},
        {"otelNoop", "opentelemetry noop", "t"}, {"micrometerNoop", "micrometer noop", "t"},
        {"otelSdk", "opentelemetry sdk (info)", null}, {"micrometerTimers", "micrometer timers (info)", null}};
    double baseT = score("decorator", "undecorated");
    double baseB = alloc("decorator", "undecorated");
    for (String[] v : variants) {
      double t = score("decorator", v[0]);
      double b = alloc("decorator", v[0]);
      JsonNode a = ab == null ? null : ab.get(v[1]);
      double at = a == null ? Double.NaN : a.path("microsPerOp").asDouble(Double.NaN);
      double ar = a == null ? Double.NaN : a.path("ratio").asDouble(Double.NaN);
      double ab2 = a == null ? Double.NaN : a.path("extraBytesPerOp").asDouble(Double.NaN);
      if (Double.isNaN(t) && a == null) {
        continue;
      }
      String target = v[2] == null ? "" : "≤ 1.05× and ≤ +200 B/op";
      String result = "";
      if (v[2] != null) {
        double ratio = Double.isNaN(ar) ? t / baseT : ar; // the interleaved ratio when there is one
        double extra = Double.isNaN(b) ? ab2 : b - baseB;
        boolean pass = ratio <= 1.05 && extra <= 200;
        result = pass ? "pass" : "miss";
        if (!pass) {
          misses.add("decorator " + v[0] + " (" + fmt("%.3f", ratio) + "×, " + fmt("%+.0f", extra) + " B/op)");
        }
      }
      md.append("| ").append(v[1]).append(" | ").append(fmt("%.1f", t)).append(" | ").append(fmt("%.3f", t / baseT))
          .append(" | ").append(fmt("%.0f", b)).append(" | ").append(fmt("%+.0f", b - baseB))
          .append(" | ").append(fmt("%.1f", at)).append(" | ").append(fmt("%.3f", ar)).append(" | ")
          .append(fmt("%+.0f", ab2)).append(" | ").append(target).append(" | ").append(result).append(" |\n");
    }
    md.append("\n");
  }
}
