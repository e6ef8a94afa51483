package dev.berth.cli;

import static dev.berth.cli.Args.flag;
import static dev.berth.cli.Args.opt;

import dev.berth.client.BerthException;
import dev.berth.client.EngineClient;
import dev.berth.client.JsonStream;
import dev.berth.config.EngineConfig;
import dev.berth.system.SystemEventsOptions;
import dev.berth.system.SystemService;
import dev.berth.transport.Request;
import dev.berth.transport.RequestBody;
import dev.berth.transport.Response;
import dev.berth.types.system.Event;
import dev.berth.types.system.Ping;
import dev.berth.types.system.SystemInfo;
import dev.berth.types.system.SystemVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** {@code ping}, {@code version}, {@code info}, {@code events}, {@code where}, {@code raw}. */
final class SystemCommands {
  private SystemCommands() {}

  static List<Command> all() {
    return List.of(
        Command.of("ping", "", "Checks that the engine answers; shows its kind and API version.", List.of(Json.FORMAT),
            SystemCommands::ping),
        Command.of("version", "", "Shows berth's version and the engine's.", List.of(Json.FORMAT), SystemCommands::version),
        Command.of("info", "", "Shows what the engine reports about itself.", List.of(Json.FORMAT), SystemCommands::info),
        Command.of("events", "[options]", "Streams the engine's events until Ctrl-C (or --until).", List.of(
            opt("TIME", "--since", "from this time: RFC 3339, Unix seconds, or a duration ago (10m, 1h30m)"),
            opt("TIME", "--until", "stop at this time (same forms)"),
            opt("KEY=VALUE", "-f", "--filter", "only these events: type=container, container=NAME, event=start, label=K=V (repeatable)"),
            Json.FORMAT), SystemCommands::events),
        Command.of("where", "", "Explains which engine berth uses and why, without connecting to it except to probe sockets.",
            List.of(), SystemCommands::where).offline(),
        Command.of("raw", "METHOD PATH [JSON]", "Sends any request to the engine's API and prints the answer.", List.of(),
            SystemCommands::raw));
  }

  private static int ping(Session s, Args a) {
    a.positional(0, 0, "");
    boolean json = Json.wanted(a);
    Ping p = s.client().ping();
    if (json) {
      Json.print(s.out, p);
      return 0;
    }
    s.out.printf("engine      %s (%s)%n", p.kind(), p.server());
    s.out.printf("API version %s, OS %s%s%n", p.apiVersion(), p.osType(),
        p.libpodApiVersion() != null ? ", libpod API " + p.libpodApiVersion() : "");
    return 0;
  }

  private static int version(Session s, Args a) {
    a.positional(0, 0, "");
    boolean json = Json.wanted(a);
    SystemVersion v = s.system().version();
    if (json) {
      Map<String, Object> both = new LinkedHashMap<>();
      both.put("Client", Map.of("Name", "berth", "Version", clientVersion(), "Java", System.getProperty("java.version")));
      both.put("Server", v);
      Json.print(s.out, both);
      return 0;
    }
    Table t = new Table("", "VERSION", "API", "DETAILS");
    t.row("berth", clientVersion(), s.client().apiVersion(), "Java " + System.getProperty("java.version"));
    t.row("engine", v.version(), v.apiVersion() + " (min " + v.minApiVersion() + ")",
        v.os() + "/" + v.arch() + ", go " + v.goVersion() + ", kernel " + v.kernelVersion());
    // Podman reports its OCI runtime's whole multi-line version text: its first line is enough
    v.components().forEach(c -> t.row("  " + c.name(), c.version() == null ? "" : c.version().lines().findFirst().orElse(""), "", ""));
    t.print(s.out);
    return 0;
  }

  private static int info(Session s, Args a) {
    a.positional(0, 0, "");
    boolean json = Json.wanted(a);
    SystemInfo i = s.system().info();
    if (json) {
      Json.print(s.out, i);
      return 0;
    }
    Table t = new Table(2);
    t.row("name:", i.name());
    t.row("server:", i.serverVersion());
    t.row("os:", i.operatingSystem() + " (" + i.osType() + "/" + i.architecture() + "), kernel " + i.kernelVersion());
    t.row("resources:", i.ncpu() + " CPUs, " + Table.size(i.memTotal() == null ? 0 : i.memTotal()) + " memory");
    t.row("containers:", i.containers() + " (" + i.containersRunning() + " running, " + i.containersPaused() + " paused, "
        + i.containersStopped() + " stopped)");
    t.row("images:", i.images());
    t.row("storage:", i.driver() + ", root " + i.dockerRootDir());
    t.row("cgroup:", i.cgroupDriver() + " v" + i.cgroupVersion());
    t.print(s.out);
    return 0;
  }

  private static int events(Session s, Args a) {
    a.positional(0, 0, "");
    boolean json = Json.wanted(a);
    SystemEventsOptions.Builder o = SystemEventsOptions.builder();
    String since = a.get("since", null);
    String until = a.get("until", null);
    if (since != null) {
      o.since(time(since, "--since"));
    }
    if (until != null) {
      o.until(time(until, "--until"));
    }
    for (String f : a.all("filter")) {
      String[] kv = keyValue(f, "--filter");
      o.filter(kv[0], kv[1]);
    }
    SystemService system = s.system();
    try (JsonStream<Event> events = system.events(o.build())) {
      s.closeOnInterrupt(events);
      while (events.hasNext()) {
        Event e = events.next();
        if (json) {
          s.out.println(s.client().toJson(e));
        } else {
          String name = e.actor() == null ? null : e.actor().attributes().get("name");
          String when = e.time() == null ? "" : Instant.ofEpochSecond(e.time()).toString();
          s.out.printf("%s  %-9s %-8s %s%s%n", when, e.type().value(), e.action(),
              e.actor() == null ? "" : Table.shortId(e.actor().id()), name != null ? " (" + name + ")" : "");
        }
        s.out.flush();
      }
    }
    return 0;
  }

  /** Which engine discovery picks and why; probes the sockets when nothing is configured. */
  private static int where(Session s, Args a) {
    a.positional(0, 0, "");
    EngineConfig config = s.config();
    String text;
    int status = 0;
    String problem = null;
    try {
      text = config.locate().describe();
    } catch (BerthException e) {
      text = config.describe();
      problem = e.getMessage();
      status = Main.status(e);
    }
    if (s.host != null) {
      text = text.replaceFirst("(?m)^from:.*$", "from:        --host (the command line; it overrides DOCKER_HOST and contexts)");
    } else if (s.context != null) {
      text = text.replace("(DOCKER_CONTEXT)", "(--context)");
    }
    s.out.println(text);
    if (problem != null) {
      s.err.println("berth: " + problem);
    }
    return status;
  }

  private static int raw(Session s, Args a) throws IOException {
    List<String> p = a.positional(2, 3, "METHOD and PATH");
    EngineClient client = s.client();
    Request.Builder b = Request.builder(p.get(0).toUpperCase(java.util.Locale.ROOT), p.get(1));
    if (p.size() > 2) {
      b.body(RequestBody.json(p.get(2)));
    }
    try (Response r = client.open(b.build()); InputStream body = r.body().stream()) {
      s.out.println(new String(body.readAllBytes(), StandardCharsets.UTF_8).trim());
    }
    return 0;
  }

  /** berth's version, from the jar's Maven metadata ({@code dev} when run from classes). */
  static String clientVersion() {
    try (InputStream in = SystemCommands.class.getResourceAsStream("/META-INF/maven/dev.berth/berth-cli/pom.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }

  /** {@code K=V} split once; a usage error naming the option otherwise. */
  static String[] keyValue(String s, String option) {
    int eq = s.indexOf('=');
    if (eq <= 0) {
      throw new UsageException(option + " needs KEY=VALUE, not \"" + s + "\"");
    }
    return new String[] {s.substring(0, eq), s.substring(eq + 1)};
  }

  /** A point in time as the docker CLI takes it: RFC 3339, Unix seconds, or a duration ago. */
  static Instant time(String v, String option) {
    if (v.matches("\\d+(\\.\\d+)?")) {
      return Instant.ofEpochMilli((long) (Double.parseDouble(v) * 1000));
    }
    if (v.matches("(\\d+(ms|s|m|h))+")) {
      Duration d = Duration.ZERO;
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h)").matcher(v);
      while (m.find()) {
        long n = Long.parseLong(m.group(1));
        d = d.plus(switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        });
      }
      return Instant.now().minus(d);
    }
    try {
      return java.time.OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      throw new UsageException(option + " takes RFC 3339 (2024-01-02T15:04:05Z), Unix seconds or a duration"
          + " such as 10m, not \"" + v + "\"");
    }
  }
}
