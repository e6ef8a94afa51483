package dev.berth.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the CLI in this JVM with captured streams, as a test's user would type it. */
final class Cli {
  /** What one run printed and its exit status. */
  record Result(int status, String out, String err) {
    @Override
    public String toString() {
      return "status " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private final String host;
  private Map<String, String> env = Map.of();
  private Path home = Path.of(System.getProperty("java.io.tmpdir"), "berth-cli-test-home");
  private byte[] stdin = new byte[0];
  private boolean terminal;

  private Cli(String host) {
    this.host = host;
  }

  /** Runs against this engine address ({@code -H}). */
  static Cli at(String host) {
    return new Cli(host);
  }

  /** Runs with discovery only: no {@code -H}. */
  static Cli discovering(Map<String, String> env, Path home) {
    Cli c = new Cli(null);
    c.env = env;
    c.home = home;
    return c;
  }

  Cli stdin(String text) {
    this.stdin = text.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  Cli stdin(byte[] bytes) {
    this.stdin = bytes.clone();
    return this;
  }

  Cli terminal(boolean terminal) {
    this.terminal = terminal;
    return this;
  }

  Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> all = new ArrayList<>();
    if (host != null) {
      all.add("-H");
      all.add(host);
    }
    all.addAll(List.of(args));
    Main main = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        new ByteArrayInputStream(stdin), env, home, terminal);
    int status = main.run(all.toArray(String[]::new));
    return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
