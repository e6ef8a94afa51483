package dev.berth.catalog.generator;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes the committed catalog resources ({@code docker-1.41.catalog}, {@code podman-4.3.1.catalog},
 * ...) from the engine API definitions in {@code engine-api}: Docker's Swagger YAML and Podman's
 * EDN. Only facts go in (ids, categories, methods, paths, parameters, body and response kinds,
 * the first catalog version of each operation), never descriptions. Run by
 * {@code scripts/catalog-gen}; the build never runs it.
 *
 * <p>Usage: {@code CatalogGenerator <engine-api dir> <output dir>}.
 */
public final class CatalogGenerator {
  /** Docker versions, oldest first. */
  public static final List<String> DOCKER = List.of("1.41", "1.44", "1.47", "1.51", "1.56");
  /** Podman versions, oldest first. */
  public static final List<String> PODMAN = List.of("4.3.1", "5.8.1", "6.0.0");

  // Operations that hijack the connection (attach, exec start, session, the attach websocket).
  private static final Set<String> RAW = Set.of("ContainerAttach", "ContainerAttachWebsocket", "ExecStart",
      "Session", "ContainerAttachLibpod", "ExecStartLibpod");
  // Operations whose answer is a stream although the spec says application/json: progress lines,
  // events, stats that default to streaming.
  private static final Set<String> STREAM_JSON = Set.of("SystemEvents", "ContainerStats", "ImageCreate",
      "ContainerLogs", "ServiceLogs", "TaskLogs",
      "ImagePush", "ImageBuild", "ImageLoad", "PluginPull", "PluginUpgrade", "PluginPush",
      "SystemEventsLibpod", "ContainerStatsLibpod", "ContainersStatsAllLibpod", "ImagePullLibpod",
      "ImagePushLibpod", "ImageBuildLibpod", "ManifestPushLibpod", "ArtifactPullLibpod",
      "ArtifactPushLibpod", "LocalBuildLibpod");
  // Podman's EDN has no content types: its byte streams, named here.
  private static final Set<String> PODMAN_STREAM = Set.of("ContainerLogs", "ContainerExport", "ContainerArchive",
      "ImageGet", "ImageGetAll", "ContainerLogsLibpod", "ContainerExportLibpod", "ContainerArchiveLibpod",
      "ImageExportLibpod", "ImageGetLibpod", "VolumeExportLibpod", "ArtifactExtractLibpod",
      "GenerateKubeLibpod");
  private static final Set<String> STREAM_TYPES = Set.of("application/vnd.docker.raw-stream",
      "application/vnd.docker.multiplexed-stream", "application/x-tar", "application/octet-stream",
      "application/jsonl", "application/x-ndjson", "application/json-seq");
  // Podman operations whose body is not JSON, with the content type to send.
  private static final Map<String, String> PODMAN_BINARY = Map.ofEntries(
      Map.entry("ImageBuild", "application/x-tar"), Map.entry("ImageBuildLibpod", "application/x-tar"),
      Map.entry("ImageLoad", "application/x-tar"), Map.entry("ImageLoadLibpod", "application/x-tar"),
      Map.entry("ImageCreate", "application/octet-stream"),
      Map.entry("ImageImportLibpod", "application/x-tar"),
      Map.entry("PutContainerArchive", "application/x-tar"),
      Map.entry("PutContainerArchiveLibpod", "application/x-tar"),
      Map.entry("VolumeImportLibpod", "application/x-tar"),
      Map.entry("PlayKubeLibpod", "application/yaml"), Map.entry("KubeApplyLibpod", "application/yaml"),
      Map.entry("ArtifactAddLibpod", "application/octet-stream"));

  private CatalogGenerator() {}

  /** Where the catalog resources go, from the repository root. */
  public static final String RESOURCES = "catalog/src/main/resources/dev/berth/catalog/";
  /** Where the public Docker operation constants go, from the repository root. */
  public static final String OPERATIONS_JAVA = "client-core/src/main/java/dev/berth/client/DockerOperations.java";
  // What Docker's API version history says about operations newer than the API berth calls its
  // oldest (1.24) but older than the oldest catalog; the services relied on these before.
  private static final Map<String, String> BEFORE_CATALOG = Map.of("BuildPrune", "1.31");

  /** Entry point: {@code <engine-api dir> <repository root>}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: CatalogGenerator <engine-api dir> <repository root>");
      System.exit(2);
    }
    for (Map.Entry<String, String> e : generate(Path.of(args[0])).entrySet()) {
      Path out = Path.of(args[1]).resolve(e.getKey());
      Files.writeString(out, e.getValue(), StandardCharsets.UTF_8);
      System.out.println("wrote " + out);
    }
  }

  /** Every generated file, by path from the repository root. */
  public static Map<String, String> generate(Path engineApi) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    Map<String, String> since = new HashMap<>();
    List<Op> oldest = null;
    List<Op> newest = null;
    for (String v : DOCKER) {
      newest = docker(engineApi.resolve("docker/v" + v + ".yaml"));
      oldest = oldest == null ? newest : oldest;
      files.put(RESOURCES + "docker-" + v + ".catalog", render("docker", v, newest, since));
    }
    files.put(OPERATIONS_JAVA, operationsJava(newest, since));
    since = new HashMap<>();
    Map<String, String> compatBodies = compatBodies(oldest);
    for (String v : PODMAN) {
      List<Op> ops = podman(engineApi.resolve("podman/v" + v + ".edn"), compatBodies);
      files.put(RESOURCES + "podman-" + v + ".catalog", render("podman", v, ops, since));
    }
    return files;
  }

  /**
   * {@code DockerOperations}: one {@code Operation} constant per Docker operation of the newest
   * catalog, with the version it needs when that is newer than the oldest catalog.
   */
  static String operationsJava(List<Op> ops, Map<String, String> since) {
    List<Op> sorted = new ArrayList<>(ops);
    sorted.sort(Comparator.comparing(Op::category).thenComparing(Op::id));
    StringBuilder b = new StringBuilder();
    b.append("package dev.berth.client;\n\n");
    b.append("/**\n");
    b.append(" * Every operation of the Docker Engine API " + DOCKER.get(DOCKER.size() - 1)
        + " definition as an {@link Operation}, with the API\n");
    b.append(" * version it needs when that is newer than " + DOCKER.get(0)
        + " (the client refuses it on an older engine). The typed\n");
    b.append(" * services take their operations from here; {@code berth-catalog} lists, describes and invokes\n");
    b.append(" * them by id. Generated by {@code scripts/catalog-gen} from the engine API definitions: do not\n");
    b.append(" * edit.\n");
    b.append(" */\n");
    b.append("public final class DockerOperations {\n");
    b.append("  private DockerOperations() {}\n");
    for (Op op : sorted) {
      String first = BEFORE_CATALOG.getOrDefault(op.id(), since.get(op.id()));
      boolean versioned = !first.equals(DOCKER.get(0));
      b.append("\n  /** {@code ").append(op.method()).append(' ').append(op.path()).append("} (")
          .append(op.category()).append(versioned ? ", API " + first + "+" : "").append("). */\n");
      b.append("  public static final Operation ").append(constant(op.id())).append(" =\n");
      b.append("      Operation.of(\"").append(op.id()).append("\", \"").append(op.method()).append("\", \"")
          .append(op.path()).append('"');
      if (versioned) {
        String[] v = first.split("\\.");
        b.append(", ApiVersion.of(").append(v[0]).append(", ").append(v[1]).append(')');
      }
      b.append(");\n");
    }
    b.append("}\n");
    return b.toString();
  }

  /** {@code ContainerCreate} as {@code CONTAINER_CREATE}. */
  public static String constant(String id) {
    return id.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
  }

  /** A parameter as the definition declares it. */
  public record Param(String name, String place, String type, boolean required, String arrayFormat) {}

  /** An operation as the definition declares it. */
  public record Op(String id, String category, String method, String path, List<Param> params, String body,
      String response) {}

  // parsed definitions by file: YAML parsing is slow, and the tests ask for each file more than once
  private static final Map<Path, List<Op>> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

  /** The operations of Docker's Swagger definition {@code file}. */
  public static List<Op> docker(Path file) throws IOException {
    Path key = file.toAbsolutePath().normalize();
    List<Op> ops = PARSED.get(key);
    if (ops == null) {
      ops = List.copyOf(parseDocker(file));
      PARSED.put(key, ops);
    }
    return ops;
  }

  @SuppressWarnings("unchecked")
  private static List<Op> parseDocker(Path file) throws IOException {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(16 * 1024 * 1024);
    Map<String, Object> spec;
    try (Reader r = Files.newBufferedReader(file)) {
      spec = new Yaml(options).load(r);
    }
    List<Op> ops = new ArrayList<>();
    Map<String, Object> paths = (Map<String, Object>) spec.get("paths");
    for (Map.Entry<String, Object> p : paths.entrySet()) {
      for (Map.Entry<String, Object> m : ((Map<String, Object>) p.getValue()).entrySet()) {
        if (m.getKey().equals("parameters")) {
          throw new IllegalStateException("path-level parameters are not supported: " + p.getKey());
        }
        Map<String, Object> op = (Map<String, Object>) m.getValue();
        String id = (String) op.get("operationId");
        List<String> produces = (List<String>) op.getOrDefault("produces", List.of());
        List<String> consumes = (List<String>) op.getOrDefault("consumes", List.of());
        List<Param> params = new ArrayList<>();
        String body = "-";
        for (Map<String, Object> pa : (List<Map<String, Object>>) op.getOrDefault("parameters", List.of())) {
          String in = (String) pa.get("in");
          String name = (String) pa.get("name");
          boolean required = Boolean.TRUE.equals(pa.get("required")) || in.equals("path");
          if (in.equals("body")) {
            Map<String, Object> schema = (Map<String, Object>) pa.getOrDefault("schema", Map.of());
            boolean binary = "string".equals(schema.get("type"));
            body = binary ? "binary:" + (consumes.contains("application/x-tar") ? "application/x-tar"
                : "application/octet-stream") : "json";
            params.add(new Param(name, "body", binary ? "binary" : "object", required, "-"));
          } else {
            String type = (String) pa.get("type");
            String format = "-";
            if ("array".equals(type)) {
              format = (String) pa.getOrDefault("collectionFormat", "csv");
              Map<String, Object> items = (Map<String, Object>) pa.get("items");
              type = "array:" + items.get("type");
            }
            params.add(new Param(name, in, type, required, format));
          }
        }
        String response = RAW.contains(id) ? "raw"
            : STREAM_JSON.contains(id) || produces.stream().anyMatch(STREAM_TYPES::contains) ? "stream" : "json";
        String tag = ((List<String>) op.get("tags")).get(0);
        ops.add(new Op(id, tag, m.getKey().toUpperCase(java.util.Locale.ROOT), p.getKey(), params, body, response));
      }
    }
    return ops;
  }

  /**
   * The body kinds of {@code dockerOps} (the oldest catalog), for Podman's compat operations whose
   * EDN entry does not mention the body that Podman, like Docker, reads (ImageCommit's config).
   */
  public static Map<String, String> compatBodies(List<Op> dockerOps) {
    Map<String, String> bodies = new HashMap<>();
    for (Op op : dockerOps) {
      bodies.put(op.id(), op.body());
    }
    return bodies;
  }

  @SuppressWarnings("unchecked")
  public static List<Op> podman(Path file, Map<String, String> compatBodies) throws IOException {
    Map<Object, Object> spec = (Map<Object, Object>) Edn.read(Files.readString(file));
    List<Op> ops = new ArrayList<>();
    for (Map.Entry<Object, Object> c : spec.entrySet()) {
      if (!(c.getValue() instanceof Map)) {
        continue; // metadata of the file (its doc URL pattern), not a category
      }
      String category = c.getKey().toString();
      for (Map.Entry<Object, Object> o : ((Map<Object, Object>) c.getValue()).entrySet()) {
        String id = o.getKey().toString();
        Map<Object, Object> op = (Map<Object, Object>) o.getValue();
        List<Param> params = new ArrayList<>();
        for (Map<Object, Object> pa : (List<Map<Object, Object>>) op.getOrDefault(new Edn.Keyword("params"), List.of())) {
          String in = pa.get(new Edn.Keyword("in")).toString();
          params.add(new Param((String) pa.get(new Edn.Keyword("name")), in, "-", in.equals("path"), "-"));
        }
        String body = "-";
        if (PODMAN_BINARY.containsKey(id)) {
          body = "binary:" + PODMAN_BINARY.get(id);
        } else if (Boolean.TRUE.equals(op.get(new Edn.Keyword("request-body")))) {
          body = "json";
        } else if (!category.startsWith("libpod/")) {
          body = compatBodies.getOrDefault(id, "-");
        }
        String response = RAW.contains(id) ? "raw"
            : STREAM_JSON.contains(id) || PODMAN_STREAM.contains(id) ? "stream" : "json";
        String method = op.get(new Edn.Keyword("method")).toString().toUpperCase(java.util.Locale.ROOT);
        ops.add(new Op(id, category, method, (String) op.get(new Edn.Keyword("path")), params, body, response));
      }
    }
    return ops;
  }

  /**
   * One resource: a header, then per operation an {@code O} line (id, category, method, path, body,
   * response, since) and a {@code P} line per parameter (name, place, type, required, array format),
   * tab-separated, {@code -} for none. {@code since} maps ids to their first version, filled as the
   * versions go by oldest first.
   */
  static String render(String engine, String version, List<Op> ops, Map<String, String> since) {
    List<Op> sorted = new ArrayList<>(ops);
    sorted.sort(Comparator.comparing(Op::category).thenComparing(Op::id));
    StringBuilder b = new StringBuilder();
    b.append("# berth operation catalog: ").append(engine).append(' ').append(version)
        .append(". Generated by scripts/catalog-gen from engine-api; do not edit.\n");
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Op op : sorted) {
      if (!seen.add(op.id())) {
        throw new IllegalStateException(engine + " " + version + ": duplicate operation id " + op.id());
      }
      String first = since.computeIfAbsent(op.id(), k -> version);
      b.append(String.join("\t", "O", op.id(), op.category(), op.method(), op.path(), op.body(),
          op.response(), first)).append('\n');
      for (Param p : op.params()) {
        b.append(String.join("\t", "P", p.name(), p.place(), p.type(), p.required() ? "1" : "0",
            p.arrayFormat())).append('\n');
      }
    }
    return b.toString();
  }
}
