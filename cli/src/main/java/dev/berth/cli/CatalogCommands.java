package dev.berth.cli;

import static dev.berth.cli.Args.opt;

import dev.berth.catalog.BodyKind;
import dev.berth.catalog.Catalog;
import dev.berth.catalog.CatalogOperation;
import dev.berth.catalog.CatalogParameter;
import dev.berth.catalog.ResponseKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
            "Invokes any operation by id: parameters as NAME=VALUE (repeat a name for a list; a JSON object or array\n"
                + "value is sent as JSON, e.g. filters={\"label\":[\"a=b\"]}); the answer is printed as JSON, a stream as it comes.",
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
    CatalogOperation o = catalog(s, a).describe(id);
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
      case RAW -> "a hijacked duplex stream (attach, exec start)";
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
    CatalogOperation op = catalog.describe(id);
    Object body = body(s, a.get("body", null), op.bodyKind());
    if (op.responseKind() == ResponseKind.RAW) {
      throw new UsageException(id + " hijacks the connection (attach, exec start): use `berth run -i` or `berth exec -i`");
    }
    if (op.responseKind() == ResponseKind.STREAM) {
      try (InputStream in = body == null ? catalog.invokeStream(s.client(), id, params)
          : catalog.invokeStream(s.client(), id, params, body)) {
        s.closeOnInterrupt(in);
        in.transferTo(s.out);
      }
      s.out.flush();
      return 0;
    }
    Object answer = body == null ? catalog.invoke(s.client(), id, params) : catalog.invoke(s.client(), id, params, body);
    if (answer instanceof String text) {
      if (!text.isEmpty()) {
        s.out.println(text.strip());
      }
    } else {
      Json.print(s.out, answer);
    }
    return 0;
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
      bytes = Files.readAllBytes(Path.of(spec.substring(1)));
    } else {
      bytes = spec.getBytes(StandardCharsets.UTF_8);
    }
    return kind == BodyKind.BINARY ? bytes : new String(bytes, StandardCharsets.UTF_8);
  }
}
