package dev.berth.bench.http2;

import dev.berth.transport.Dialers;
import dev.berth.transport.Doer;
import dev.berth.transport.Endpoint;
import dev.berth.transport.Http1Doer;
import dev.berth.transport.Request;
import dev.berth.transport.RequestBody;
import dev.berth.transport.Response;
import dev.berth.transport.TlsConfig;
import dev.berth.transport.http2.Http2Doer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Issue 12's bench: HTTP/2 on one connection against the HTTP/1.1 pool, both through the same
 * nginx in front of the engine (scripts/nginx-up), over TLS (h2 by ALPN vs HTTP/1.1 on the same
 * port) and in the clear (h2c vs nginx's HTTP/1.1 listener). Run by scripts/bench-http2, which
 * prints the table side by side.
 *
 * <p>Workloads: 64 concurrent follow-log streams (throughput of 64 streams reading a finished
 * container's log to its end; and, with 64 streams open on a live container, the sockets,
 * threads and heap after GC they hold), and ping from 8 threads (calls per second).
 */
public final class Http2Bench {
  private static final int STREAMS = 64;
  private static final int LINES = 5_000;
  private static final int PINGS_PER_THREAD = 1_000;
  private static final int ROUNDS = 2;

  private final String api;
  private final String image;

  private Http2Bench(String api, String image) {
    this.api = api;
    this.image = image;
  }

  public static void main(String[] args) throws Exception {
    TlsConfig tls = TlsConfig.fromCertPath(Path.of(env("BERTH_TEST_H2_CERT_PATH", "/tmp/berth-rig/tls/client")), true);
    Endpoint h2Tls = Endpoint.parse(env("BERTH_TEST_H2_TLS", "https://127.0.0.1:8443"));
    Endpoint h2c = Endpoint.parse(env("BERTH_TEST_H2_TCP", "http://127.0.0.1:8080"));
    Endpoint h1 = Endpoint.parse(env("BERTH_TEST_H2_HTTP1", "http://127.0.0.1:8081"));
    String image = env("BERTH_TEST_IMAGE", "busybox:local");
    String api;
    try (Http1Doer d = Http1Doer.of(Dialers.tcp(h1.host(), h1.port()));
         Response r = d.send(Request.get("/version").build())) {
      String body = new String(r.body().stream().readAllBytes(), StandardCharsets.UTF_8);
      int i = body.indexOf("\"ApiVersion\":\"") + 14;
      api = "/v" + body.substring(i, body.indexOf('"', i));
    }
    Http2Bench b = new Http2Bench(api, image);
    Map<String, Supplier<Doer>> contestants = new java.util.LinkedHashMap<>();
    contestants.put("HTTP/1.1 pool, TLS", () -> Http1Doer.of(h2Tls.dialer(tls)));
    contestants.put("HTTP/2, TLS", () -> Http2Doer.builder(h2Tls).tls(tls).build());
    contestants.put("HTTP/1.1 pool, clear", () -> Http1Doer.of(Dialers.tcp(h1.host(), h1.port())));
    contestants.put("HTTP/2 (h2c), clear", () -> Http2Doer.builder(h2c).build());

    String finished = b.container("seq 1 " + LINES);
    String live = b.container("while true; do echo tick; sleep 1; done");
    try {
      b.waitExit(finished);
      List<String> names = new ArrayList<>(contestants.keySet());
      double[][] table = new double[names.size()][];
      for (int round = 0; round <= ROUNDS; round++) { // round 0 warms up
        for (int c = 0; c < names.size(); c++) {
          double[] m = b.measure(contestants.get(names.get(c)), finished, live);
          if (round == 1) {
            table[c] = m;
          } else if (round > 1) {
            for (int k = 0; k < m.length; k++) {
              table[c][k] += m[k];
            }
          }
        }
      }
      for (double[] row : table) {
        for (int k = 0; k < row.length; k++) {
          row[k] /= ROUNDS;
        }
      }
      print(names, table);
    } finally {
      b.remove(finished);
      b.remove(live);
    }
  }

  private static final String[] METRICS = {
      "64 follow streams: MB/s (higher is better)",
      "64 open follow streams: sockets",
      "64 open follow streams: transport threads",
      "64 open follow streams: heap after GC, MiB",
      "8-thread ping: calls/s (higher is better)",
      "8-thread ping: sockets afterwards",
  };

  private static void print(List<String> names, double[][] t) {
    System.out.printf(Locale.ROOT, "%nHTTP/2 vs the HTTP/1.1 pool through the same nginx (mean of %d rounds after a warm-up)%n%n", ROUNDS);
    for (int pair = 0; pair < names.size(); pair += 2) {
      System.out.printf(Locale.ROOT, "| %-44s | %20s | %20s | %8s |%n", "metric", names.get(pair), names.get(pair + 1), "h2/h1");
      System.out.printf(Locale.ROOT, "|%s|%s|%s|%s|%n", "-".repeat(46), "-".repeat(22), "-".repeat(22), "-".repeat(10));
      for (int k = 0; k < METRICS.length; k++) {
        double a = t[pair][k];
        double h = t[pair + 1][k];
        System.out.printf(Locale.ROOT, "| %-44s | %20.1f | %20.1f | %8s |%n", METRICS[k], a, h,
            a == 0 ? "-" : String.format(Locale.ROOT, "%.2f", h / a));
      }
      System.out.println();
    }
    System.out.println("transport threads: live threads the doer started (HTTP/1.1 works on the callers' threads only);"
        + " sockets: this process's open sockets (the bench's own setup connections are closed by then)");
  }

  /** One round for one contestant: {MB/s, sockets, threads, heap MiB, ping/s, sockets after ping}. */
  private double[] measure(Supplier<Doer> make, String finished, String live) throws Exception {
    double[] m = new double[METRICS.length];
    ExecutorService readers = Executors.newFixedThreadPool(STREAMS);
    try {
      // warm the reader pool so its threads are not counted as the transport's
      CountDownLatch all = new CountDownLatch(STREAMS);
      for (int i = 0; i < STREAMS; i++) {
        readers.submit(() -> {
          all.countDown();
          all.await();
          return null;
        });
      }
      all.await();
      // throughput: 64 streams read the finished container's whole log
      try (Doer doer = make.get()) {
        long t0 = System.nanoTime();
        List<Future<Long>> fs = new ArrayList<>();
        for (int i = 0; i < STREAMS; i++) {
          fs.add(readers.submit(() -> {
            try (Response r = doer.send(logs(finished))) {
              return drain(r.body().stream());
            }
          }));
        }
        long bytes = 0;
        for (Future<Long> f : fs) {
          bytes += f.get(120, TimeUnit.SECONDS);
        }
        m[0] = bytes / 1e6 / ((System.nanoTime() - t0) / 1e9);
      }
      // what 64 open streams hold
      try (Doer doer = make.get()) {
        List<Response> open = new ArrayList<>();
        List<Future<Response>> fs = new ArrayList<>();
        for (int i = 0; i < STREAMS; i++) {
          fs.add(readers.submit(() -> {
            Response r = doer.send(logs(live));
            r.body().stream().read(new byte[16]);
            return r;
          }));
        }
        for (Future<Response> f : fs) {
          open.add(f.get(60, TimeUnit.SECONDS));
        }
        m[1] = sockets();
        m[2] = transportThreads();
        m[3] = heapAfterGc() / 1048576.0;
        for (Response r : open) {
          r.close();
        }
      }
      // 8-thread ping
      try (Doer doer = make.get()) {
        ExecutorService pingers = Executors.newFixedThreadPool(8);
        try {
          long t0 = System.nanoTime();
          List<Future<?>> fs = new ArrayList<>();
          for (int t = 0; t < 8; t++) {
            fs.add(pingers.submit(() -> {
              for (int i = 0; i < PINGS_PER_THREAD; i++) {
                try (Response r = doer.send(Request.get("/_ping").build())) {
                  drain(r.body().stream());
                }
              }
              return null;
            }));
          }
          for (Future<?> f : fs) {
            f.get(120, TimeUnit.SECONDS);
          }
          m[4] = 8.0 * PINGS_PER_THREAD / ((System.nanoTime() - t0) / 1e9);
          m[5] = sockets();
        } finally {
          pingers.shutdownNow();
        }
      }
    } finally {
      readers.shutdownNow();
    }
    return m;
  }

  private Request logs(String id) {
    return Request.get(api + "/containers/" + id + "/logs").query("follow", 1).query("stdout", 1)
        .readTimeout(Duration.ZERO).build();
  }

  private static long drain(InputStream in) throws IOException {
    byte[] buf = new byte[16 * 1024];
    long total = 0;
    int n;
    while ((n = in.read(buf)) >= 0) {
      total += n;
    }
    return total;
  }

  /** Sockets this process has open now (its file descriptors that are sockets). */
  private static int sockets() throws IOException {
    int n = 0;
    try (var fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path p : (Iterable<Path>) fds::iterator) {
        try {
          if (Files.readSymbolicLink(p).toString().startsWith("socket:")) {
            n++;
          }
        } catch (IOException gone) {
          // closed while listing
        }
      }
    }
    return n;
  }

  /** Live threads the transports started (berth names its threads berth-...). */
  private static int transportThreads() {
    int n = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive() && t.getName().startsWith("berth-")) {
        n++;
      }
    }
    return n;
  }

  private static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  // --- containers, straight on the engine's socket (setup, not measured) ---

  private String container(String script) throws IOException {
    try (Http1Doer d = Http1Doer.of(Dialers.unix(Path.of("/var/run/docker.sock")))) {
      String body = "{\"Image\":\"" + image + "\",\"Cmd\":[\"sh\",\"-c\",\"" + script.replace("\"", "\\\"")
          + "\"],\"Labels\":{\"dev.berth.bench\":\"http2\"},\"HostConfig\":{\"NetworkMode\":\"none\"}}";
      String id;
      try (Response r = d.send(Request.post(api + "/containers/create").body(RequestBody.json(body)).build())) {
        String s = new String(r.body().stream().readAllBytes(), StandardCharsets.UTF_8);
        if (r.status() != 201) {
          throw new IOException("create: " + r.status() + " " + s);
        }
        int i = s.indexOf("\"Id\":\"") + 6;
        id = s.substring(i, s.indexOf('"', i));
      }
      try (Response r = d.send(Request.post(api + "/containers/" + id + "/start").build())) {
        if (r.status() != 204) {
          throw new IOException("start: " + r.status());
        }
      }
      return id;
    }
  }

  private void waitExit(String id) throws IOException {
    try (Http1Doer d = Http1Doer.of(Dialers.unix(Path.of("/var/run/docker.sock")));
         Response r = d.send(Request.post(api + "/containers/" + id + "/wait").build())) {
      r.body().stream().readAllBytes();
    }
  }

  private void remove(String id) throws IOException {
    try (Http1Doer d = Http1Doer.of(Dialers.unix(Path.of("/var/run/docker.sock")));
         Response r = d.send(Request.delete(api + "/containers/" + id).query("force", 1).build())) {
      r.body().stream().readAllBytes();
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

}
