package dev.berth.bench.cold;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.berth.bench.Fixtures;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark 6: cold start. Launches a fresh JVM per run ({@link ColdMain}) with only the
 * contestant's runtime class path and measures the wall time from {@link ProcessBuilder#start()}
 * until the child prints that its first ping (or ping + list of 50 labelled containers, decoded)
 * succeeded. Contestants take turns run by run, so a change in machine load hits all alike.
 *
 * <p>{@code java -cp bench.jar:lib/* dev.berth.bench.cold.ColdStart OUT.json RUNS name=classpath...}
 */
public final class ColdStart {
  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    int runs = Integer.parseInt(args[1]);
    Map<String, String> classPaths = new LinkedHashMap<>();
    for (String a : Arrays.asList(args).subList(2, args.length)) {
      int eq = a.indexOf('=');
      classPaths.put(a.substring(0, eq), a.substring(eq + 1));
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String value = Fixtures.uniqueValue("cold");
    String label = dev.berth.bench.Engine.LABEL + "=" + value;
    Fixtures.createLabelled(50, value);
    Map<String, Map<String, List<Double>>> results = new LinkedHashMap<>();
    try {
      for (String task : List.of("ping", "pinglist")) {
        Map<String, List<Double>> byContestant = new LinkedHashMap<>();
        results.put(task, byContestant);
        for (String c : classPaths.keySet()) {
          byContestant.put(c, new ArrayList<>());
          run(java, classPaths.get(c), c, task, label); // one unmeasured run: page cache, engine
        }
        for (int i = 0; i < runs; i++) {
          for (String c : classPaths.keySet()) {
            byContestant.get(c).add(run(java, classPaths.get(c), c, task, label));
          }
        }
        for (Map.Entry<String, List<Double>> e : byContestant.entrySet()) {
          System.out.printf("cold start %-8s %-18s median %7.1f ms  %s%n", task, e.getKey(), median(e.getValue()), e.getValue());
        }
      }
    } finally {
      Fixtures.removeLabelled(value);
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), results);
  }

  static double run(String java, String classPath, String contestant, String task, String label) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", classPath, ColdMain.class.getName(), contestant, task, label)
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    long t0 = System.nanoTime();
    Process p = pb.start();
    String line;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      line = r.readLine();
      long t1 = System.nanoTime();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(contestant + " did not exit");
      }
      if (line == null || !line.startsWith("ok") || p.exitValue() != 0) {
        throw new IllegalStateException(contestant + " " + task + " failed: " + line + ", exit " + p.exitValue());
      }
      if (task.equals("pinglist") && !line.equals("ok 50")) {
        throw new IllegalStateException(contestant + " listed " + line + ", expected 50");
      }
      return (t1 - t0) / 1e6;
    }
  }

  static double median(List<Double> xs) {
    double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
  }

  static String join(List<String> parts) {
    return String.join(File.pathSeparator, parts);
  }
}
