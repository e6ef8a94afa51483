package dev.berth.cli;

import static dev.berth.cli.Args.opt;

import dev.berth.catalog.BodyKind;
import dev.berth.catalog.Catalog;
import dev.berth.catalog.CatalogOperation;
import dev.berth.catalog.CatalogParameter;
import dev.berth.catalog.ResponseKind;
import dev.berth.catalog.UnknownOperationException;
import dev.berth.client.ApiVersion;
import dev.berth.client.FrameReader;
import dev.berth.containers.ContainerService;
import dev.berth.transport.RawStream;
import dev.berth.types.containers.ContainerConfig;
import dev.berth.types.exec.ExecInspect;
import dev.berth.types.system.EngineKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The operation catalog, which no docker CLI has: {@code ops [CATEGORY]} lists what the engine's
 * API can do, {@code doc OP} describes one operation, {@code invoke OP k=v …} calls it. The catalog
 * follows the engine berth talks to (Docker's API version or Podman's version); {@code --api} or
 * {@code --podman} pick one without an engine.
 */
final class CatalogCommands {
  private CatalogCommands() {}

  private static final Args.Opt API = opt("VERSION", "--api", "the Docker catalog of this API version, without an engine (1.41 … 1.56)");
  private static final Args.Opt PODMAN = opt("VERSION", "--podman", "the Podman catalog of this version, without an engine (4.3.1 …)");

  static List<Command> all() {
    return List.of(
        Command.of("ops", "[options] [CATEGORY]",
            "Lists the engine API's operations: the categories, or the operations of one.", List.of(API, PODMAN, Json.FORMAT),
            CatalogCommands::ops),
        Command.of("doc", "[options] OPERATION", "Describes an operation: method, path, parameters, body, answer, reference.",
            List.of(API, PODMAN, Json.FORMAT), CatalogCommands::doc),
        Command.of("invoke", "OPERATION [NAME=VALUE...]",
            "Invokes any operation by id, attach and exec start included (`berth ops` lists them).\n"
                + "Parameters as NAME=VALUE: repeat a name for a list; a JSON object or array value is sent as JSON,\n"
                + "e.g. filters={\"label\":[\"a=b\"]}. The answer is printed as JSON, a stream as it comes.\n"
                + "Attach and exec start take stdin (sent until its end) and print stdout and stderr apart (merged with a TTY);\n"
                + "they end with the exec's or the container's exit status. Ctrl-C ends any stream.",
            List.of(opt("JSON|@FILE|-", "--body", "the request body: JSON text, a file (a tar for a binary body), or - for stdin")),
            CatalogCommands::invoke));
  }

  /** The catalog the options name, else the engine's (one ping). */
  private static Catalog catalog(Session s, Args a) {
    if (a.has("api") && a.has("podman")) {
      throw new UsageException("give either --api or --podman, not both");
    }
    try {
      if (a.has("api")) {
        return Catalog.docker(a.get("api", null));
      }
      if (a.has("podman")) {
        return Catalog.podman(a.get("podman", null));
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    return Catalog.of(s.client());
  }

  private static boolean offline(Args a) {
    return a.has("api") || a.has("podman");
  }

  private static int ops(Session s, Args a) {
    List<String> p = a.positional(0, 1, "");
    boolean json = Json.wanted(a);
    Catalog catalog = catalog(s, a);
    if (p.isEmpty()) {
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (String c : catalog.categories()) {
        counts.put(c, catalog.operations(c).size());
      }
      if (json) {
        Json.print(s.out, counts);
        return 0;
      }
      s.out.println(catalog.engine() + " " + catalog.version() + ": " + catalog.operations().size() + " operations"
          + (offline(a) ? "" : " (the catalog of the engine at hand)"));
      Table t = new Table("CATEGORY", "OPERATIONS");
      counts.forEach(t::row);
      t.print(s.out);
      s.out.println("`berth ops CATEGORY` lists a category's operations; `berth doc OPERATION` describes one.");
      return 0;
    }
    List<CatalogOperation> ops = catalog.operations(p.get(0));
    if (json) {
      Json.print(s.out, ops.stream().map(CatalogCommands::summary).toList());
      return 0;
    }
    Table t = new Table("OPERATION", "METHOD", "PATH", "SINCE");
    for (CatalogOperation o : ops) {
      t.row(o.id(), o.method(), o.path(), o.since());
    }
    t.print(s.out);
    return 0;
  }

  private static Map<String, Object> summary(CatalogOperation o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", o.id());
    m.put("category", o.category());
    m.put("method", o.method());
    m.put("path", o.path());
    m.put("since", o.since());
    return m;
  }

  private static int doc(Session s, Args a) {
    String id = a.positional(1, 1, "OPERATION").get(0);
    boolean json = Json.wanted(a);
    CatalogOperation o = describe(catalog(s, a), id);
    if (json) {
      Map<String, Object> m = summary(o);
      m.put("parameters", o.parameters());
      m.put("body", o.bodyKind());
      m.put("bodyRequired", o.bodyRequired());
      m.put("response", o.responseKind());
      m.put("docUrl", o.docUrl());
      Json.print(s.out, m);
      return 0;
    }
    s.out.println(o.id() + "   " + o.method() + " " + o.path());
    s.out.println("category " + o.category() + ", " + o.engine() + " " + o.catalogVersion() + " (since " + o.since() + ")");
    if (!o.parameters().isEmpty()) {
      Table t = new Table("PARAMETER", "IN", "TYPE", "REQUIRED");
      for (CatalogParameter p : o.parameters()) {
        t.row(p.name(), p.place().name().toLowerCase(java.util.Locale.ROOT), p.type(), p.required() ? "yes" : "");
      }
      s.out.println();
      t.print(s.out);
    }
    s.out.println();
    s.out.println("body:      " + o.bodyKind().name().toLowerCase(java.util.Locale.ROOT) + (o.bodyRequired() ? " (required)" : ""));
    s.out.println("answer:    " + switch (o.responseKind()) {
      case JSON -> "JSON (printed whole)";
      case STREAM -> "a stream (printed as it comes, until it ends or Ctrl-C)";
      case RAW -> "a hijacked duplex stream: `berth invoke` sends stdin and prints the output";
    });
    s.out.println("reference: " + o.docUrl());
    return 0;
  }

  private static int invoke(Session s, Args a) throws IOException {
    List<String> p = a.positional(1, Integer.MAX_VALUE, "OPERATION");
    String id = p.get(0);
    Map<String, Object> params = new LinkedHashMap<>();
    for (String kv : p.subList(1, p.size())) {
      String[] pair = SystemCommands.keyValue(kv, "a parameter");
      Object value = pair[1].startsWith("{") || pair[1].startsWith("[") ? Json.parse(pair[1]) : pair[1];
      params.merge(pair[0], value, CatalogCommands::listOf);
    }
    Catalog catalog = Catalog.of(s.client());
    CatalogOperation op = describe(catalog, id);
    Object body = body(s, a.get("body", null), op.bodyKind());
    if (op.responseKind() == ResponseKind.RAW) {
      return invokeRaw(s, catalog, op, params, body == null && op.bodyKind() == BodyKind.JSON ? "{}" : body);
    }
    if (op.responseKind() == ResponseKind.STREAM) {
      try (InputStream in = body == null ? catalog.invokeStream(s.client(), op.id(), params)
          : catalog.invokeStream(s.client(), op.id(), params, body)) {
        s.closeOnInterrupt(in);
        in.transferTo(s.out);
      }
      s.out.flush();
      return 0;
    }
    Object answer = body == null ? catalog.invoke(s.client(), op.id(), params) : catalog.invoke(s.client(), op.id(), params, body);
    if (answer instanceof String text) {
      if (!text.isEmpty()) {
        s.out.println(text.strip());
      }
    } else {
      Json.print(s.out, answer);
    }
    return 0;
  }

  /**
   * An operation that hijacks the connection (attach, exec start): stdin is sent on a daemon
   * thread (a terminal's lines as typed), the output is copied here (stdout and stderr apart
   * unless there is a TTY) until the engine ends it or Ctrl-C closes it. Ends with the exec's
   * exit status, or the container's for an attach that streams until it exits; else 0.
   *
   * <p>The end of stdin is sent as {@code run -i} and {@code exec -i} send it: a half-close, or
   * with a TTY a typed Ctrl-D (see {@link ContainerCommands#pumpStdin}); but not to a TTY container
   * attached without stdin-once, whose shell a Ctrl-D would end: sending just stops.
   */
  private static int invokeRaw(Session s, Catalog catalog, CatalogOperation op, Map<String, Object> params, Object body)
      throws IOException {
    if (op.path().endsWith("/ws")) {
      throw new UsageException(op.id() + " speaks WebSocket, which berth invoke does not: invoke the plain attach operation");
    }
    boolean exec = op.path().contains("/exec/");
    boolean attach = op.path().endsWith("/attach");
    String target = text(params.get(op.path().contains("{name}") ? "name" : "id"));
    ContainerService containers = s.containers();
    // whether there is a TTY, which frames the output on engines older than API 1.42 (and Podman),
    // and what ends the stream: asked before hijacking
    Boolean tty = null;
    boolean waitForExit = false;
    boolean stdinOnce = false;
    if (attach && target != null) {
      ContainerConfig c = containers.inspect(target).config();
      tty = c != null && Boolean.TRUE.equals(c.tty());
      stdinOnce = c != null && Boolean.TRUE.equals(c.stdinOnce());
      boolean ownsStdin = truthy(params.get("stdin")) && c != null && Boolean.TRUE.equals(c.openStdin());
      // the attach ends when the process does, unless the end of our stdin ends it first (no StdinOnce)
      waitForExit = truthy(params.get("stream")) && (tty || !ownsStdin || Boolean.TRUE.equals(c.stdinOnce()));
    } else if (exec && target != null) {
      tty = execTty(catalog, containers, target, body);
    }
    RawStream raw = body == null ? catalog.invokeRaw(s.client(), op.id(), params)
        : catalog.invokeRaw(s.client(), op.id(), params, body);
    try (raw) {
      s.closeOnInterrupt(raw);
      ContainerCommands.StdinEnd end = !Boolean.TRUE.equals(tty) ? ContainerCommands.StdinEnd.HALF_CLOSE
          : attach && !stdinOnce ? ContainerCommands.StdinEnd.NOTHING : ContainerCommands.StdinEnd.TYPE_EOT;
      ContainerCommands.pumpStdin(s, raw.output(), raw::closeOutput, end);
      String type = String.valueOf(raw.headers().first("Content-Type"));
      boolean multiplexed;
      if (type.startsWith("application/vnd.docker.multiplexed-stream")) {
        multiplexed = true;
      } else if (type.startsWith("application/vnd.docker.raw-stream") && s.client().apiVersion().isAtLeast(ApiVersion.of(1, 42))) {
        multiplexed = false;
      } else {
        multiplexed = Boolean.FALSE.equals(tty);
      }
      new FrameReader(raw.input(), multiplexed, op.id()).copyTo(s.out, s.err);
      s.out.flush();
    }
    if (exec && target != null) {
      Integer code = containers.execInspect(target).exitCode();
      return code == null ? 0 : code;
    }
    if (waitForExit) {
      Long code = containers.wait(target).statusCode();
      return code == null ? 0 : code.intValue();
    }
    return 0;
  }

  /** Docker's exec start frames its output by the body's {@code Tty}, Podman's by the exec session's. */
  private static boolean execTty(Catalog catalog, ContainerService containers, String execId, Object body) {
    if (catalog.engine() == EngineKind.PODMAN) {
      ExecInspect e = containers.execInspect(execId);
      return e.processConfig() != null && Boolean.TRUE.equals(e.processConfig().tty());
    }
    return body instanceof String json && Json.parse(json) instanceof Map<?, ?> m && truthy(m.get("Tty"));
  }

  private static String text(Object value) {
    return value instanceof String v ? v : null;
  }

  private static boolean truthy(Object value) {
    return value != null && (value.equals(Boolean.TRUE) || value.equals("1") || "true".equalsIgnoreCase(value.toString()));
  }

  @SuppressWarnings("unchecked")
  private static Object listOf(Object old, Object added) {
    List<Object> list = old instanceof List<?> l ? new ArrayList<>((List<Object>) l) : new ArrayList<>(List.of(old));
    list.add(added);
    return list;
  }

  private static Object body(Session s, String spec, BodyKind kind) throws IOException {
    if (spec == null) {
      return null;
    }
    byte[] bytes;
    if (spec.equals("-")) {
      bytes = s.in.readAllBytes();
    } else if (spec.startsWith("@")) {
      try {
        bytes = Files.readAllBytes(Path.of(spec.substring(1)));
      } catch (NoSuchFileException e) {
        throw new NoSuchFileException(spec.substring(1), null, "no such file (--body @FILE)");
      }
    } else {
      bytes = spec.getBytes(StandardCharsets.UTF_8);
    }
    if (kind == BodyKind.BINARY) {
      return bytes;
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (kind == BodyKind.JSON) {
      Json.parse(text); // a typo is a usage error here rather than the engine's HTTP 500
    }
    return text;
  }

  /**
   * The operation {@code id} (in any case when that names one); an unknown one is a one-line error
   * naming the few known ids closest to it (the catalog's own message lists all of them, over a
   * hundred).
   */
  static CatalogOperation describe(Catalog catalog, String id) {
    try {
      return catalog.describe(id);
    } catch (UnknownOperationException e) {
      List<String> sameLetters = e.known().stream().filter(k -> k.equalsIgnoreCase(id)).toList();
      if (sameLetters.size() == 1) {
        return catalog.describe(sameLetters.get(0)); // containerlist: ContainerList
      }
      List<String> close = closest(id, e.known(), 6);
      throw new IllegalArgumentException(catalog + " has no operation '" + id + "'"
          + (close.isEmpty() ? "" : "; close: " + String.join(", ", close))
          + " (`berth ops` lists the categories, `berth ops CATEGORY` their operations)", e);
    }
  }

  /**
   * Up to {@code max} of {@code known} most like {@code name}: those sharing a word of its camel
   * case first ({@code ContainerFly} -> {@code Container...}), then by edit distance, ignoring case;
   * none that is neither near nor shares a word.
   */
  static List<String> closest(String name, List<String> known, int max) {
    Set<String> words = words(name);
    String lower = name.toLowerCase(Locale.ROOT);
    record Candidate(String id, int shared, int distance) {
    }
    List<Candidate> candidates = new ArrayList<>();
    for (String k : known) {
      Set<String> common = words(k);
      common.retainAll(words);
      int distance = distance(lower, k.toLowerCase(Locale.ROOT));
      if (!common.isEmpty() || distance <= Math.max(2, lower.length() / 3)) {
        candidates.add(new Candidate(k, common.size(), distance));
      }
    }
    candidates.sort(Comparator.comparingInt((Candidate c) -> -c.shared()).thenComparingInt(Candidate::distance));
    return candidates.stream().limit(max).map(Candidate::id).toList();
  }

  private static Set<String> words(String camel) {
    Set<String> words = new HashSet<>();
    for (String w : camel.split("(?<=[a-z0-9])(?=[A-Z])|[^A-Za-z0-9]+")) {
      if (!w.isEmpty()) {
        words.add(w.toLowerCase(Locale.ROOT));
      }
    }
    return words;
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[b.length()];
  }
}
