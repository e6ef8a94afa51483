package dev.berth.catalog;

import dev.berth.client.ApiVersion;
import dev.berth.client.EngineClient;
import dev.berth.transport.RawStream;
import dev.berth.transport.Request;
import dev.berth.types.system.EngineKind;
import dev.berth.types.system.Ping;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operations of one engine API version: Docker Engine API 1.41, 1.44, 1.47, 1.51 or 1.56, or
 * Podman 4.3.1, 5.8.1 or 6.0.0 (its Docker-compatible categories and its own {@code libpod/}
 * ones). Lists them by category, describes them, and invokes them by id through an
 * {@link EngineClient}, so version negotiation, typed errors and listeners apply as for the typed
 * services. Immutable and thread-safe; catalogs are loaded once and shared.
 *
 * <pre>{@code
 * Catalog catalog = Catalog.of(client);
 * Object created = catalog.invoke(client, "ContainerCreate", Map.of("name", "conny"),
 *     Map.of("Image", "busybox:local"));
 * }</pre>
 */
public final class Catalog {
  private static final List<String> DOCKER_VERSIONS = List.of("1.41", "1.44", "1.47", "1.51", "1.56");
  private static final List<String> PODMAN_VERSIONS = List.of("4.3.1", "5.8.1", "6.0.0");
  private static final Map<String, Catalog> LOADED = new ConcurrentHashMap<>();

  private final EngineKind engine;
  private final String version;
  private final Map<String, CatalogOperation> byId;
  private final Map<String, List<CatalogOperation>> byCategory;

  private Catalog(EngineKind engine, String version, List<CatalogOperation> operations) {
    this.engine = engine;
    this.version = version;
    Map<String, CatalogOperation> ids = new LinkedHashMap<>();
    Map<String, List<CatalogOperation>> categories = new LinkedHashMap<>();
    for (CatalogOperation op : operations) {
      ids.put(op.id(), op);
      categories.computeIfAbsent(op.category(), k -> new ArrayList<>()).add(op);
    }
    categories.replaceAll((k, v) -> List.copyOf(v));
    this.byId = Collections.unmodifiableMap(ids);
    this.byCategory = Collections.unmodifiableMap(categories);
  }

  /** The Docker API versions that have a catalog, oldest first. */
  public static List<String> dockerVersions() {
    return DOCKER_VERSIONS;
  }

  /** The Podman versions that have a catalog, oldest first. */
  public static List<String> podmanVersions() {
    return PODMAN_VERSIONS;
  }

  /**
   * The Docker catalog for API version {@code version}: the newest catalog not newer than it
   * (1.41 for older versions), so it lists nothing the engine lacks. {@link #version()} tells
   * which one.
   */
  public static Catalog docker(ApiVersion version) {
    Objects.requireNonNull(version, "version");
    String chosen = DOCKER_VERSIONS.get(0);
    for (String v : DOCKER_VERSIONS) {
      if (version.isAtLeast(ApiVersion.parse(v))) {
        chosen = v;
      }
    }
    return load(EngineKind.DOCKER, chosen);
  }

  /**
   * The Docker catalog for an API version such as {@code "1.44"} (see {@link #docker(ApiVersion)}).
   *
   * @throws IllegalArgumentException for a malformed version
   */
  public static Catalog docker(String version) {
    return docker(ApiVersion.parse(version));
  }

  /**
   * The Podman catalog for a Podman version such as {@code "4.3.1"} or {@code "5.8"}: the newest
   * catalog not newer than it (4.3.1 for older versions).
   *
   * @throws IllegalArgumentException for a malformed version
   */
  public static Catalog podman(String version) {
    int[] wanted = podmanVersion(Objects.requireNonNull(version, "version"));
    String chosen = PODMAN_VERSIONS.get(0);
    for (String v : PODMAN_VERSIONS) {
      if (compare(wanted, podmanVersion(v)) >= 0) {
        chosen = v;
      }
    }
    return load(EngineKind.PODMAN, chosen);
  }

  /**
   * The catalog for the engine behind {@code client}: one {@code GET /_ping} tells Docker from
   * Podman and Podman's version; Docker's catalog follows the client's API version.
   *
   * @throws dev.berth.client.TransportException when the engine cannot be reached
   */
  public static Catalog of(EngineClient client) {
    Ping ping = client.ping();
    if (ping.kind() == EngineKind.PODMAN) {
      String v = ping.libpodApiVersion();
      return podman(v == null ? PODMAN_VERSIONS.get(0) : v);
    }
    return docker(client.apiVersion());
  }

  private static int[] podmanVersion(String s) {
    String t = s.trim().startsWith("v") ? s.trim().substring(1) : s.trim();
    String[] parts = t.split("\\.", -1);
    if (parts.length < 1 || parts.length > 3) {
      throw new IllegalArgumentException("invalid Podman version (expected e.g. 4.3.1): " + s);
    }
    int[] out = new int[3];
    try {
      for (int i = 0; i < parts.length; i++) {
        out[i] = Integer.parseInt(parts[i]);
        if (out[i] < 0) {
          throw new NumberFormatException();
        }
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid Podman version (expected e.g. 4.3.1): " + s);
    }
    return out;
  }

  private static int compare(int[] a, int[] b) {
    for (int i = 0; i < 3; i++) {
      if (a[i] != b[i]) {
        return Integer.compare(a[i], b[i]);
      }
    }
    return 0;
  }

  private static Catalog load(EngineKind engine, String version) {
    String file = (engine == EngineKind.DOCKER ? "docker-" : "podman-") + version + ".catalog";
    return LOADED.computeIfAbsent(file, f -> new Catalog(engine, version, read(engine, version, f)));
  }

  private static List<CatalogOperation> read(EngineKind engine, String version, String file) {
    String oldest = engine == EngineKind.DOCKER ? DOCKER_VERSIONS.get(0) : PODMAN_VERSIONS.get(0);
    List<CatalogOperation> ops = new ArrayList<>();
    InputStream in = Catalog.class.getResourceAsStream(file);
    if (in == null) {
      throw new IllegalStateException("the catalog resource " + file + " is missing from this build");
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String[] op = null;
      List<CatalogParameter> params = new ArrayList<>();
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f[0].equals("O")) {
          if (op != null) {
            ops.add(operation(engine, version, oldest, op, params));
          }
          op = f;
          params = new ArrayList<>();
        } else {
          params.add(new CatalogParameter(f[1], ParameterPlace.valueOf(f[2].toUpperCase(java.util.Locale.ROOT)),
              dash(f[3]), f[4].equals("1"), dash(f[5])));
        }
      }
      if (op != null) {
        ops.add(operation(engine, version, oldest, op, params));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the catalog resource " + file, e);
    }
    return ops;
  }

  private static CatalogOperation operation(EngineKind engine, String version, String oldest, String[] f,
      List<CatalogParameter> params) {
    // O id category method path body response since
    String body = f[5];
    BodyKind bodyKind = body.equals("-") ? BodyKind.NONE : body.equals("json") ? BodyKind.JSON : BodyKind.BINARY;
    String contentType = bodyKind == BodyKind.BINARY ? body.substring("binary:".length()) : "";
    ResponseKind response = ResponseKind.valueOf(f[6].toUpperCase(java.util.Locale.ROOT));
    return new CatalogOperation(engine, version, f[1], f[2], f[3], f[4], params, bodyKind, contentType,
        response, f[7], f[7].equals(oldest));
  }

  private static String dash(String s) {
    return s.equals("-") ? "" : s;
  }

  /** The engine this catalog describes. */
  public EngineKind engine() {
    return engine;
  }

  /** The catalog's version: a Docker API version ({@code 1.41}) or a Podman version ({@code 4.3.1}). */
  public String version() {
    return version;
  }

  /** The categories, sorted by name. */
  public List<String> categories() {
    return List.copyOf(byCategory.keySet());
  }

  /** Every operation, by category then id. */
  public List<CatalogOperation> operations() {
    return List.copyOf(byId.values());
  }

  /**
   * The operations of a category, by id.
   *
   * @throws UnknownOperationException when the catalog has no such category (it names those it has)
   */
  public List<CatalogOperation> operations(String category) {
    List<CatalogOperation> ops = byCategory.get(Objects.requireNonNull(category, "category"));
    if (ops == null) {
      throw new UnknownOperationException("category", category, toString(), categories());
    }
    return ops;
  }

  /**
   * The operation with id {@code id}.
   *
   * @throws UnknownOperationException when the catalog has no such operation (it names those it has)
   */
  public CatalogOperation describe(String id) {
    CatalogOperation op = byId.get(Objects.requireNonNull(id, "id"));
    if (op == null) {
      throw new UnknownOperationException("operation", id, toString(), List.copyOf(byId.keySet()));
    }
    return op;
  }

  /** Whether the catalog has an operation with id {@code id}. */
  public boolean has(String id) {
    return byId.containsKey(Objects.requireNonNull(id, "id"));
  }

  /**
   * The request {@code invoke} would send (unversioned path, query, headers, body), for
   * inspection or to send through {@link EngineClient} yourself. Podman's {@code libpod/}
   * operations carry their whole target as a {@linkplain Request#rawTarget() raw target} prefixed
   * with the catalog's Podman version ({@code /v4.3.1/libpod/...}): libpod checks its own
   * version, not the Docker-compatible one the client negotiates.
   *
   * @param params path, query and header parameters by name (see {@link #invoke(EngineClient,
   *     String, Map, Object)} for how values are written)
   * @param body   the request body, or {@code null} for none
   * @throws UnknownOperationException for an unknown id
   * @throws ParameterException for a missing, unknown or ill-shaped parameter or body
   * @throws dev.berth.client.UnsupportedApiVersionException when the client's Docker API version
   *     is older than the operation
   */
  public Request request(EngineClient client, String id, Map<String, ?> params, Object body) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(params, "params");
    return Invoker.request(client, describe(id), params, body);
  }

  /**
   * Invokes an operation without a body and reads its whole answer (see
   * {@link #invoke(EngineClient, String, Map, Object)}).
   */
  public Object invoke(EngineClient client, String id, Map<String, ?> params) {
    return Invoker.json(client, describe(id), request(client, id, params, null));
  }

  /**
   * Invokes an operation and reads its whole answer, decoded: a JSON document as maps, lists,
   * strings, numbers and booleans; several JSON values in a row (pull or build progress) as a
   * list; any other answer as text (empty text for none). Never null. Byte streams (logs,
   * archives) are better read with {@code invokeStream}.
   *
   * <p>Parameters are placed where the catalog says (path, query, header). A {@code Map} value
   * is written as JSON ({@code filters}), or base64url JSON in a header ({@code X-Registry-Auth});
   * a collection or array as the definition says ({@code csv} or the parameter repeated); other
   * values with {@code toString()}. The body: a {@code byte[]} or {@code InputStream} is sent as
   * is (a binary body, with the operation's content type unless a {@code Content-Type} parameter
   * says otherwise), a {@code String} as JSON text for a JSON body, anything else encoded as JSON.
   *
   * @throws UnknownOperationException for an unknown id
   * @throws ParameterException for a missing, unknown or ill-shaped parameter or body
   * @throws dev.berth.client.EngineException (a subclass for common statuses) when the engine
   *     answers with an error status
   * @throws dev.berth.client.StreamErrorException when a progress stream reports an error
   */
  public Object invoke(EngineClient client, String id, Map<String, ?> params, Object body) {
    Objects.requireNonNull(body, "body");
    return Invoker.json(client, describe(id), request(client, id, params, body));
  }

  /** Invokes an operation without a body and returns its answer as an open stream. */
  public InputStream invokeStream(EngineClient client, String id, Map<String, ?> params) {
    return Invoker.stream(client, request(client, id, params, null));
  }

  /**
   * Invokes an operation and returns its answer as an open stream (log frames, progress or event
   * lines, a tar archive), read without a read timeout. The caller must close it; closing it from
   * another thread ends a blocked read.
   *
   * @throws dev.berth.client.EngineException when the engine answers with an error status
   */
  public InputStream invokeStream(EngineClient client, String id, Map<String, ?> params, Object body) {
    Objects.requireNonNull(body, "body");
    return Invoker.stream(client, request(client, id, params, body));
  }

  /** Invokes a hijacking operation without a body (attach) and returns the duplex stream. */
  public RawStream invokeRaw(EngineClient client, String id, Map<String, ?> params) {
    return client.openRaw(request(client, id, params, null));
  }

  /**
   * Invokes an operation that hijacks the connection (attach, exec start) and returns the open
   * duplex stream: write stdin to its output, {@link RawStream#closeOutput()} to send EOF, read
   * the engine's output from its input. The caller must close it.
   *
   * @throws dev.berth.client.EngineException when the engine answers with an error status
   */
  public RawStream invokeRaw(EngineClient client, String id, Map<String, ?> params, Object body) {
    Objects.requireNonNull(body, "body");
    return client.openRaw(request(client, id, params, body));
  }

  /** Invokes an operation without a body and returns its status and body, error or not. */
  public CatalogResponse exchange(EngineClient client, String id, Map<String, ?> params) {
    return Invoker.exchange(client, request(client, id, params, null));
  }

  /**
   * Invokes an operation and returns its status, content type and whole body (up to 64 MiB)
   * without turning an error status into an exception. An error answer goes through the client
   * like any other (its listeners hear of it) and comes back as the engine sent it: its status,
   * content type and error body (Docker's {@code {"message": ...}}, Podman's {@code {"cause": ...,
   * "message": ..., "response": ...}}), the body cut at the client's 64 KiB limit for error bodies.
   *
   * @throws dev.berth.client.TransportException when the engine cannot be reached
   */
  public CatalogResponse exchange(EngineClient client, String id, Map<String, ?> params, Object body) {
    Objects.requireNonNull(body, "body");
    return Invoker.exchange(client, request(client, id, params, body));
  }

  /** {@code docker 1.41 catalog} or {@code podman 4.3.1 catalog}. */
  @Override
  public String toString() {
    return engine.name().toLowerCase(java.util.Locale.ROOT) + " " + version + " catalog";
  }
}
