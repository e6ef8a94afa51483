package dev.berth.cli;

import dev.berth.client.BerthException;
import dev.berth.client.DockerOperations;
import dev.berth.client.EngineClient;
import dev.berth.client.FrameReader;
import dev.berth.client.JsonStream;
import dev.berth.client.Operation;
import dev.berth.config.EngineConfig;
import dev.berth.config.Engines;
import dev.berth.system.SystemService;
import dev.berth.transport.Request;
import dev.berth.transport.RequestBody;
import dev.berth.transport.Response;
import dev.berth.types.system.Event;
import dev.berth.types.system.EventType;
import dev.berth.types.system.Ping;
import dev.berth.types.system.SystemInfo;
import dev.berth.types.system.SystemVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code berth [--host ADDRESS] COMMAND}: {@code demo} (default), {@code ping}, {@code version},
 * {@code info}, {@code events SECONDS}, {@code raw METHOD PATH [JSON]}, {@code where}. Without
 * {@code --host} the engine is found as the docker CLI finds it ({@link Engines}); {@code where}
 * says which engine that is and why.
 */
public final class Main {
  private static final Operation CREATE = DockerOperations.CONTAINER_CREATE;
  private static final Operation START = DockerOperations.CONTAINER_START;
  private static final Operation WAIT = DockerOperations.CONTAINER_WAIT;
  private static final Operation LOGS = DockerOperations.CONTAINER_LOGS;
  private static final Operation DELETE = DockerOperations.CONTAINER_DELETE;

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> env;
  private final Path home;

  Main(PrintStream out, PrintStream err) {
    this(out, err, System.getenv(), Path.of(System.getProperty("user.home")));
  }

  Main(PrintStream out, PrintStream err, Map<String, String> env, Path home) {
    this.out = out;
    this.err = err;
    this.env = env;
    this.home = home;
  }

  public static void main(String[] args) {
    System.exit(new Main(System.out, System.err).run(args));
  }

  /** Runs a command; returns the exit status. */
  int run(String[] args) {
    List<String> a = new ArrayList<>(Arrays.asList(args));
    String host = null;
    if (a.size() >= 2 && a.get(0).equals("--host")) {
      host = a.get(1);
      a = a.subList(2, a.size());
    }
    String command = a.isEmpty() ? "demo" : a.get(0);
    List<String> rest = a.isEmpty() ? List.of() : a.subList(1, a.size());
    if (command.equals("where") && host == null) {
      return where();
    }
    try (EngineClient client = host != null ? EngineClient.connect(host) : Engines.connect(env, home)) {
      SystemService system = SystemService.create(client);
      switch (command) {
        case "ping": return ping(system);
        case "version": return version(system);
        case "info": return info(system);
        case "events": return events(system, rest.isEmpty() ? 10 : Integer.parseInt(rest.get(0)));
        case "raw": return raw(client, rest);
        case "demo": return demo(client, system, rest.isEmpty() ? "busybox:local" : rest.get(0));
        case "where":
          out.println("engine:      " + host + " (from --host)");
          return 0;
        case "help":
        case "--help":
          out.println("usage: berth [--host ADDRESS] [demo [IMAGE] | ping | version | info | events SECONDS | raw METHOD PATH [JSON] | where]");
          return 0;
        default:
          err.println("berth: unknown command '" + command + "' (try help)");
          return 2;
      }
    } catch (BerthException | IllegalArgumentException | UnsupportedOperationException e) {
      err.println("berth: " + e.getMessage());
      return 1;
    }
  }

  /** Which engine discovery picks and why; probes the sockets when nothing is configured. */
  private int where() {
    try {
      EngineConfig config = Engines.resolve(env, home);
      try {
        out.println(config.locate().describe());
        return 0;
      } catch (BerthException e) {
        out.println(config.describe());
        err.println("berth: " + e.getMessage());
        return 1;
      }
    } catch (BerthException e) {
      err.println("berth: " + e.getMessage());
      return 1;
    }
  }

  private int ping(SystemService system) {
    Ping p = system.ping();
    out.printf("engine      %s (%s)%n", p.kind(), p.server());
    out.printf("API version %s, OS %s%s%n", p.apiVersion(), p.osType(),
        p.libpodApiVersion() != null ? ", libpod API " + p.libpodApiVersion() : "");
    return 0;
  }

  private int version(SystemService system) {
    SystemVersion v = system.version();
    out.printf("version     %s (API %s, min %s), %s/%s, go %s, kernel %s%n", v.version(), v.apiVersion(),
        v.minApiVersion(), v.os(), v.arch(), v.goVersion(), v.kernelVersion());
    // (Podman reports its OCI runtime's whole multi-line version text: show its first line)
    v.components().forEach(c -> out.printf("  component %s %s%n", c.name(),
        c.version() == null ? "" : c.version().lines().findFirst().orElse("")));
    return 0;
  }

  private int info(SystemService system) {
    SystemInfo i = system.info();
    out.printf("info        %s, %d CPUs, %d MiB, storage %s, cgroup %s v%s%n", i.operatingSystem(), i.ncpu(),
        i.memTotal() / (1024 * 1024), i.driver(), i.cgroupDriver(), i.cgroupVersion());
    out.printf("            %d containers (%d running), %d images, root %s%n", i.containers(), i.containersRunning(),
        i.images(), i.dockerRootDir());
    return 0;
  }

  private int events(SystemService system, int seconds) {
    Instant now = Instant.now();
    try (JsonStream<Event> events = system.events(o -> o.since(now).until(now.plusSeconds(seconds)))) {
      events.forEachRemaining(this::printEvent);
    }
    return 0;
  }

  private void printEvent(Event e) {
    String name = e.actor() == null ? null : e.actor().attributes().get("name");
    out.printf("event       %-9s %-8s %s%n", e.type().value(), e.action(),
        name != null ? name : e.actor() == null ? "" : shortId(e.actor().id()));
  }

  private static String shortId(String id) {
    return id == null ? "" : id.length() > 12 ? id.substring(0, 12) : id;
  }

  private int raw(EngineClient client, List<String> args) {
    if (args.size() < 2) {
      err.println("usage: berth raw METHOD PATH [JSON]");
      return 2;
    }
    Request.Builder b = Request.builder(args.get(0).toUpperCase(), args.get(1));
    if (args.size() > 2) {
      b.body(RequestBody.json(args.get(2)));
    }
    try (Response r = client.open(b.build())) {
      out.println(new String(r.body().stream().readAllBytes(), StandardCharsets.UTF_8).trim());
    } catch (IOException e) {
      throw new BerthException("reading the answer failed: " + e.getMessage(), e);
    }
    return 0;
  }

  /** Prints what the engine is, then runs a container through the raw API while tailing events. */
  private int demo(EngineClient client, SystemService system, String image) {
    ping(system);
    version(system);
    info(system);
    String label = "dev.berth.demo=" + UUID.randomUUID();
    String[] kv = label.split("=", 2);
    // The events stream is pull-based: this thread opens it before the container exists and
    // reads it after, so nothing is missed and no extra thread is needed.
    try (JsonStream<Event> events = system.events(o -> o.type(EventType.CONTAINER).label(label))) {
      Map<String, Object> body = Map.of(
          "Image", image,
          "Cmd", List.of("sh", "-c", "echo hello from $(hostname); echo to stderr >&2"),
          "Labels", Map.of(kv[0], kv[1]),
          "HostConfig", Map.of("NetworkMode", "none"));
      @SuppressWarnings("unchecked")
      Map<String, Object> created = client.call(client.request(CREATE).query("name", "berth-demo-" + kv[1].substring(0, 8))
          .body(client.jsonBody(body)).build(), Map.class);
      String id = (String) created.get("Id");
      out.printf("container   created %s from %s%n", shortId(id), image);
      try {
        client.execute(client.request(START, id).build());
        @SuppressWarnings("unchecked")
        Map<String, Object> exit = client.call(client.request(WAIT, id).bodyReadTimeout(Duration.ZERO).build(), Map.class);
        out.printf("container   exited with %s%n", exit.get("StatusCode"));
        Response logs = client.open(client.request(LOGS, id).query("stdout", 1).query("stderr", 1).build());
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try (FrameReader frames = new FrameReader(logs.body().stream(), true, "ContainerLogs")) {
          frames.copyTo(stdout, stderr);
        }
        out.printf("logs stdout %s%n", stdout.toString(StandardCharsets.UTF_8).trim());
        out.printf("logs stderr %s%n", stderr.toString(StandardCharsets.UTF_8).trim());
      } finally {
        client.execute(client.request(DELETE, id).query("force", true).build());
        out.printf("container   removed %s%n", shortId(id));
      }
      int seen = 0;
      while (seen < 5 && events.hasNext()) { // create, start, die, destroy (+ attach on some engines)
        Event e = events.next();
        printEvent(e);
        seen++;
        if ("destroy".equals(e.action())) {
          break;
        }
      }
    }
    return 0;
  }
}
