package dev.berth.transport.http2;

import dev.berth.transport.Dialer;
import dev.berth.transport.Dialers;
import dev.berth.transport.Endpoint;
import dev.berth.transport.Http1Doer;
import dev.berth.transport.TlsConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The HTTP/2 peer of these tests: nginx in front of the real engine, started by
 * {@code scripts/nginx-up}, which prints the {@code BERTH_TEST_H2_*} variables read here (the
 * defaults are its own).
 */
final class H2Rig {
  private H2Rig() {}

  /** The three ways to reach the engine over HTTP/2. */
  enum Mode { TLS, TCP, UNIX }

  static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  static Endpoint endpoint(Mode mode) {
    return Endpoint.parse(switch (mode) {
      case TLS -> env("BERTH_TEST_H2_TLS", "https://127.0.0.1:8443");
      case TCP -> env("BERTH_TEST_H2_TCP", "http://127.0.0.1:8080");
      case UNIX -> env("BERTH_TEST_H2_UNIX", "unix:///tmp/berth-rig/nginx/h2c.sock");
    });
  }

  /** TLS listener without h2: ALPN picks http/1.1. */
  static Endpoint tlsHttp1Only() {
    return Endpoint.parse(env("BERTH_TEST_H2_TLS_HTTP1", "https://127.0.0.1:8444"));
  }

  static TlsConfig tls() {
    try {
      return TlsConfig.fromCertPath(Path.of(env("BERTH_TEST_H2_CERT_PATH", "/tmp/berth-rig/tls/client")), true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The HTTP/1.1 dialer for raw calls beside {@code mode}: the same TLS listener (nginx speaks
   * HTTP/1.1 there to clients without ALPN); for h2c, nginx's HTTP/1.1 listener, since nginx 1.22's
   * h2c listeners take prior knowledge only.
   */
  static Dialer http1Dialer(Mode mode) {
    if (mode == Mode.TLS) {
      return endpoint(Mode.TLS).dialer(tls());
    }
    Endpoint e = Endpoint.parse(env("BERTH_TEST_H2_HTTP1", "http://127.0.0.1:8081"));
    return Dialers.tcp(e.host(), e.port());
  }

  static Http2Doer.Builder doer(Mode mode, Dialer http1) {
    Http2Doer.Builder b = Http2Doer.builder(endpoint(mode)).http1(Http1Doer.of(http1));
    return mode == Mode.TLS ? b.tls(tls()) : b;
  }

  static Http2Doer doer(Mode mode) {
    return doer(mode, http1Dialer(mode)).build();
  }

  static Path nginxDir() {
    return Path.of(env("BERTH_TEST_H2_NGINX_DIR", "/tmp/berth-rig/nginx"));
  }

  /**
   * The access-log lines carrying {@code mark} in their x-berth-mark field: connection, port,
   * protocol, method, uri, status, mark. nginx writes a line when a request ends.
   */
  static List<String[]> logLines(String mark) throws IOException {
    List<String[]> out = new ArrayList<>();
    for (String line : Files.readAllLines(nginxDir().resolve("access.log"), StandardCharsets.UTF_8)) {
      String[] f = line.split(" ");
      if (f.length == 7 && f[6].equals(mark)) {
        out.add(f);
      }
    }
    return out;
  }

  /** The distinct nginx connection numbers of the requests carrying {@code mark}. */
  static Set<String> connections(String mark) throws IOException {
    Set<String> ids = new TreeSet<>();
    for (String[] f : logLines(mark)) {
      ids.add(f[0]);
    }
    return ids;
  }

  /**
   * Reads {@code in} on another thread until it ends: the failure that ended it, or null at EOF;
   * waits at most 30 s (a stream that outlives a reload's worker_shutdown_timeout is a bug).
   */
  static IOException readUntilFailure(java.io.InputStream in) throws Exception {
    java.util.concurrent.CompletableFuture<IOException> reader = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        byte[] b = new byte[4096];
        while (in.read(b) >= 0) {
          // until the old worker closes the connection after worker_shutdown_timeout
        }
        return null;
      } catch (IOException e) {
        return e;
      }
    });
    return reader.get(30, java.util.concurrent.TimeUnit.SECONDS);
  }

  /** Reloads OUR nginx (scripts/nginx-up's instance): its old worker sends GOAWAY and drains. */
  static void reloadNginx() throws IOException, InterruptedException {
    long pid = Long.parseLong(Files.readString(nginxDir().resolve("nginx.pid")).trim());
    Process p = new ProcessBuilder("kill", "-HUP", Long.toString(pid)).redirectErrorStream(true).start();
    if (p.waitFor() != 0) {
      throw new IOException("kill -HUP " + pid + ": " + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
