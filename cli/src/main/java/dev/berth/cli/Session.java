package dev.berth.cli;

import dev.berth.client.EngineClient;
import dev.berth.config.EngineConfig;
import dev.berth.config.EngineDiscovery;
import dev.berth.containers.ContainerService;
import dev.berth.images.ImageService;
import dev.berth.config.DockerCredentials;
import dev.berth.system.SystemService;
import java.io.Closeable;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one invocation works with: its streams, environment, the engine chosen by the global
 * options ({@code -H}, {@code --context}) or discovery, and the clean-up owed on Ctrl-C. Not
 * thread-safe except {@link #interrupt()}, which the shutdown hook calls from another thread.
 */
final class Session implements AutoCloseable {
  final PrintStream out;
  final PrintStream err;
  final InputStream in;
  final Map<String, String> env;
  final Path home;
  final boolean terminal;
  String host;
  String context;
  /** {@code DOCKER_TLS_VERIFY} or {@code DOCKER_TLS} when {@code --tlsverify} or {@code --tls} was given. */
  String tls;
  boolean debug;

  private EngineClient client;
  private volatile boolean interrupted;
  private final List<Closeable> onInterrupt = new ArrayList<>();
  private final List<Runnable> cleanups = new ArrayList<>();

  /** What the process gives every invocation: its streams, environment, home, and whether stdout is a terminal. */
  record Io(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, Path home, boolean terminal) {
  }

  Session(Io io) {
    this.out = io.out();
    this.err = io.err();
    this.in = io.in();
    this.env = io.env();
    this.home = io.home();
    this.terminal = io.terminal();
  }

  /**
   * The environment discovery reads, with the global options applied the way the docker CLI
   * ranks them: {@code -H} over everything, {@code --context} over {@code DOCKER_HOST}.
   */
  Map<String, String> effectiveEnv() {
    if (host == null && context == null && tls == null) {
      return env;
    }
    Map<String, String> e = new HashMap<>(env);
    if (tls != null) {
      e.put(tls, "1");
    }
    if (host == null && context == null) {
      return e;
    }
    e.remove("CONTAINER_HOST");
    if (host != null) {
      e.put("DOCKER_HOST", host);
    } else {
      e.remove("DOCKER_HOST");
      e.put("DOCKER_CONTEXT", context);
    }
    return e;
  }

  /** The engine configuration, without connecting. */
  EngineConfig config() {
    return EngineDiscovery.builder().environment(effectiveEnv()).home(home).build().resolve();
  }

  /** The client, connected on first use; closed with the session. */
  EngineClient client() {
    if (client == null) {
      client = config().connect();
    }
    return client;
  }

  SystemService system() {
    return SystemService.create(client());
  }

  ContainerService containers() {
    return ContainerService.create(client());
  }

  ImageService images() {
    return ImageService.create(client(), DockerCredentials.load(effectiveEnv(), home));
  }

  /** Closes {@code c} when the user presses Ctrl-C (ends a follow or attach). */
  synchronized void closeOnInterrupt(Closeable c) {
    onInterrupt.add(c);
  }

  /** Runs {@code r} once, on Ctrl-C or when the session closes, whichever comes first. */
  synchronized void cleanup(Runnable r) {
    cleanups.add(r);
  }

  /** Ctrl-C: ends open streams, then runs the clean-ups (e.g. removes a {@code --rm} container). */
  void interrupt() {
    interrupted = true;
    List<Closeable> close;
    synchronized (this) {
      close = new ArrayList<>(onInterrupt);
    }
    for (Closeable c : close) {
      try {
        c.close();
      } catch (Exception | Error e) {
        // closing on the way out: nothing more to do
      }
    }
    runCleanups();
  }

  /** Whether Ctrl-C ended this session (errors from the streams it closed are then expected). */
  boolean interrupted() {
    return interrupted;
  }

  private void runCleanups() {
    List<Runnable> run;
    synchronized (this) {
      run = new ArrayList<>(cleanups);
      cleanups.clear();
    }
    for (Runnable r : run) {
      try {
        r.run();
      } catch (RuntimeException e) {
        err.println("berth: " + e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    runCleanups();
    synchronized (this) {
      onInterrupt.clear();
    }
    // after Ctrl-C the shutdown hook may still be using the client for its clean-up; the JVM is
    // ending and closes the connections with the process
    if (client != null && !interrupted) {
      client.close();
    }
  }
}
