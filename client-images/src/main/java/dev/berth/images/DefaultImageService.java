package dev.berth.images;

import dev.berth.client.ApiVersion;
import dev.berth.client.DockerOperations;
import dev.berth.client.EngineClient;
import dev.berth.client.Filters;
import dev.berth.client.InvalidRequestException;
import dev.berth.client.JsonStream;
import dev.berth.client.MalformedResponseException;
import dev.berth.client.Operation;
import dev.berth.client.RegistryAuth;
import dev.berth.client.RegistryCredentials;
import dev.berth.client.ServerErrorException;
import dev.berth.client.UnsupportedApiVersionException;
import dev.berth.images.internal.ContextTar;
import dev.berth.images.internal.References;
import dev.berth.transport.Request;
import dev.berth.transport.RequestBody;
import dev.berth.transport.Response;
import dev.berth.types.images.BuildPruneResponse;
import dev.berth.types.images.CommitResponse;
import dev.berth.types.images.DistributionInspect;
import dev.berth.types.images.HistoryItem;
import dev.berth.types.images.ImageDeleteResponseItem;
import dev.berth.types.images.ImageInspect;
import dev.berth.types.images.ImagePruneResponse;
import dev.berth.types.images.ImageSearchResult;
import dev.berth.types.images.ImageSummary;
import dev.berth.types.images.PushResult;
import dev.berth.types.progress.ProgressMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

final class DefaultImageService implements ImageService {
  /** The status line of a finished push, for engines that send no aux record (Podman 4.3). */
  private static final java.util.regex.Pattern PUSHED_LINE =
      java.util.regex.Pattern.compile("(\\S+): digest: (sha256:[0-9a-f]{64}) size: ([0-9]{1,18})");
  static final Operation LIST = DockerOperations.IMAGE_LIST;
  static final Operation INSPECT = DockerOperations.IMAGE_INSPECT;
  static final Operation HISTORY = DockerOperations.IMAGE_HISTORY;
  static final Operation TAG = DockerOperations.IMAGE_TAG;
  static final Operation DELETE = DockerOperations.IMAGE_DELETE;
  static final Operation PRUNE = DockerOperations.IMAGE_PRUNE;
  static final Operation SEARCH = DockerOperations.IMAGE_SEARCH;
  static final Operation COMMIT = DockerOperations.IMAGE_COMMIT;
  static final Operation CREATE = DockerOperations.IMAGE_CREATE;
  static final Operation LOAD = DockerOperations.IMAGE_LOAD;
  static final Operation GET = DockerOperations.IMAGE_GET;
  static final Operation GET_ALL = DockerOperations.IMAGE_GET_ALL;
  static final Operation BUILD = DockerOperations.IMAGE_BUILD;
  static final Operation BUILD_PRUNE = DockerOperations.BUILD_PRUNE;
  static final Operation PUSH = DockerOperations.IMAGE_PUSH;
  static final Operation DISTRIBUTION = DockerOperations.DISTRIBUTION_INSPECT;
  /** When the options below came to the API. */
  static final ApiVersion SHARED_SIZE = ApiVersion.of(1, 42);
  static final ApiVersion PUSH_PLATFORM = ApiVersion.of(1, 46);
  static final ApiVersion LIST_MANIFESTS = ApiVersion.of(1, 47);
  static final ApiVersion INSPECT_MANIFESTS = ApiVersion.of(1, 48);
  static final ApiVersion LOAD_PLATFORM = ApiVersion.of(1, 48);
  static final ApiVersion HISTORY_SAVE_PLATFORM = ApiVersion.of(1, 48);
  static final ApiVersion RESERVED_SPACE = ApiVersion.of(1, 48);
  static final ApiVersion INSPECT_PLATFORM = ApiVersion.of(1, 49);
  static final ApiVersion DELETE_PLATFORMS = ApiVersion.of(1, 50);

  static final String TAR = "application/x-tar";
  static final String AUTH_HEADER = "X-Registry-Auth";
  static final String CONFIG_HEADER = "X-Registry-Config";

  /** An image ID as import and quiet build print it: with "sha256:" (Docker) or without (Podman 4.3). */
  private static final Pattern IMAGE_ID = Pattern.compile("(?:sha256:)?([0-9a-f]{64})\\s*");
  private static final Pattern BUILT = Pattern.compile("Successfully built ([0-9a-f]+)\\s*");
  private static final Pattern LOADED = Pattern.compile("Loaded image(?: ID)?: (\\S+)\\s*");

  private final EngineClient client;
  private final RegistryCredentials credentials;

  DefaultImageService(EngineClient client, RegistryCredentials credentials) {
    this.client = Objects.requireNonNull(client, "client");
    this.credentials = credentials;
  }

  /** The package's rule: null is an NPE naming the parameter, blank an IllegalArgumentException. */
  private static String require(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  private static <T> T require(T value, String name) {
    return Objects.requireNonNull(value, name);
  }

  /** An OCI platform as the engine's {@code platform} parameters take it: JSON without empty fields. */
  private String platformJson(DistributionInspect.Platform p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("architecture", p.architecture());
    m.put("os", p.os());
    m.put("os.version", p.osVersion());
    m.put("os.features", p.osFeatures().isEmpty() ? null : p.osFeatures());
    m.put("variant", p.variant());
    m.values().removeIf(Objects::isNull);
    return client.toJson(m);
  }

  /** Refuses, before anything is sent, an option the API in use does not have yet. */
  private void requireApi(Operation op, String option, ApiVersion since) {
    ApiVersion v = client.apiVersion();
    if (!v.isAtLeast(since)) {
      throw new UnsupportedApiVersionException(op.id() + " with " + option, since, v);
    }
  }

  /** A JSON object answer; an empty body where the API promises one is malformed, never null. */
  private <T> T object(Request r, Class<T> type) {
    T value = client.call(r, type);
    if (value == null) {
      throw new MalformedResponseException(r.operationId() + ": empty answer, expected " + type.getSimpleName(), null);
    }
    return value;
  }

  /**
   * Docker 20.10 answers 500 for a malformed reference in tag and commit, Podman 4.3 for one in
   * inspect, history, remove, tag and pull too ("normalizing name for compat API: ..."); callers
   * expect 400's type.
   */
  private static <T> T referenceErrors(Supplier<T> call) {
    try {
      return call.get();
    } catch (ServerErrorException e) {
      String m = e.engineMessage();
      if (m.startsWith("invalid reference format") || m.startsWith("invalid tag format")
          || m.contains("normalizing name for compat API: ")) {
        InvalidRequestException x = new InvalidRequestException(e.operation(), e.status(), m);
        x.initCause(e);
        throw x;
      }
      throw e;
    }
  }

  private String authHeader(RegistryAuth explicit, String image) {
    if (explicit != null) {
      return explicit.headerValue();
    }
    if (credentials != null) {
      return RegistryAuth.header(credentials.forImage(image).orElse(null));
    }
    return RegistryAuth.ANONYMOUS;
  }

  /** {@code X-Registry-Config}: base64url (padded) of {registry: AuthConfig}, as the engine decodes it. */
  private String registryConfigHeader(Map<String, RegistryAuth> auths) {
    Map<String, Map<String, String>> json = new LinkedHashMap<>();
    auths.forEach((registry, auth) -> {
      Map<String, String> a = new LinkedHashMap<>();
      auth.username().ifPresent(u -> a.put("username", u));
      auth.password().ifPresent(p -> a.put("password", p));
      auth.identityToken().ifPresent(t -> a.put("identitytoken", t));
      a.put("serveraddress", auth.serverAddress().orElse(registry));
      json.put(registry, a);
    });
    return Base64.getUrlEncoder().encodeToString(client.toJson(json).getBytes(StandardCharsets.UTF_8));
  }

  private static Request.Builder longRunning(Request.Builder b) {
    return b.callTimeout(Duration.ZERO).readTimeout(Duration.ZERO);
  }

  /** Reads a progress stream to its end on this thread, closing it; stream errors propagate. */
  private static void drain(JsonStream<ProgressMessage> stream, Consumer<ProgressMessage> each) {
    try (stream) {
      while (stream.hasNext()) {
        each.accept(stream.next());
      }
    }
  }

  private static String text(Object o) {
    return o instanceof String ? (String) o : null;
  }

  // ---------------------------------------------------------------- local images

  @Override
  public List<ImageSummary> list(ImageListOptions options) {
    require(options, "options");
    Request.Builder b = client.request(LIST);
    if (options.all()) {
      b.query("all", "true");
    }
    if (options.digests()) {
      b.query("digests", "true");
    }
    if (options.sharedSize()) {
      requireApi(LIST, "shared-size", SHARED_SIZE);
      b.query("shared-size", "true");
    }
    if (options.manifests()) {
      requireApi(LIST, "manifests", LIST_MANIFESTS);
      b.query("manifests", "true");
    }
    if (!options.filters().isEmpty()) {
      b.query("filters", client.toJson(options.filters().asMap()));
    }
    return client.callList(b.build(), ImageSummary.class);
  }

  @Override
  public ImageInspect inspect(String name) {
    Request r = client.request(INSPECT, require(name, "name")).build();
    return referenceErrors(() -> object(r, ImageInspect.class));
  }

  @Override
  public ImageInspect inspect(String name, ImageInspectOptions options) {
    require(name, "name");
    require(options, "options");
    Request.Builder b = client.request(INSPECT, name);
    if (options.manifests()) {
      requireApi(INSPECT, "manifests", INSPECT_MANIFESTS);
      b.query("manifests", "true");
    }
    if (options.platform() != null) {
      requireApi(INSPECT, "a platform", INSPECT_PLATFORM);
      b.query("platform", platformJson(options.platform()));
    }
    Request r = b.build();
    return referenceErrors(() -> object(r, ImageInspect.class));
  }

  @Override
  public List<HistoryItem> history(String name) {
    Request r = client.request(HISTORY, require(name, "name")).build();
    return referenceErrors(() -> client.callList(r, HistoryItem.class));
  }

  @Override
  public List<HistoryItem> history(String name, DistributionInspect.Platform platform) {
    require(name, "name");
    require(platform, "platform");
    requireApi(HISTORY, "a platform", HISTORY_SAVE_PLATFORM);
    Request r = client.request(HISTORY, name).query("platform", platformJson(platform)).build();
    return referenceErrors(() -> client.callList(r, HistoryItem.class));
  }

  @Override
  public void tag(String name, String repository, String tag) {
    tagAs(name, repository, require(tag, "tag"));
  }

  private void tagAs(String name, String repository, String tag) {
    Request r = client.request(TAG, require(name, "name")).query("repo", require(repository, "repository"))
        .query("tag", tag).build();
    referenceErrors(() -> {
      client.execute(r);
      return null;
    });
  }

  @Override
  public void tag(String name, String target) {
    References.Parts p = References.split(require(target, "target"));
    if (p.digest() != null) {
      throw new IllegalArgumentException("a tag target cannot be a digest: " + target);
    }
    tagAs(name, p.repository(), p.tag()); // no tag: the engine's latest
  }

  @Override
  public List<ImageDeleteResponseItem> remove(String name, ImageRemoveOptions options) {
    require(options, "options");
    Request.Builder b = client.request(DELETE, require(name, "name"));
    if (options.force()) {
      b.query("force", "true");
    }
    if (options.noPrune()) {
      b.query("noprune", "true");
    }
    if (!options.platforms().isEmpty()) {
      requireApi(DELETE, "platforms", DELETE_PLATFORMS);
      options.platforms().forEach(p -> b.query("platforms", platformJson(p)));
    }
    Request r = b.build();
    return referenceErrors(() -> client.callList(r, ImageDeleteResponseItem.class));
  }

  @Override
  public ImagePruneResponse prune(ImagePruneOptions options) {
    Filters filters = require(options, "options").filters();
    Request.Builder b = client.request(PRUNE).readTimeout(Duration.ZERO);
    if (!filters.isEmpty()) {
      b.query("filters", client.toJson(filters.asMap()));
    }
    return object(b.build(), ImagePruneResponse.class);
  }

  @Override
  public List<ImageSearchResult> search(String term, ImageSearchOptions options) {
    require(term, "term");
    require(options, "options");
    Request.Builder b = client.request(SEARCH).query("term", term).query("limit", options.limit())
        .header(AUTH_HEADER, authHeader(null, term));
    if (!options.filters().isEmpty()) {
      b.query("filters", client.toJson(options.filters().asMap()));
    }
    return client.callList(b.build(), ImageSearchResult.class);
  }

  // ---------------------------------------------------------------- commit, import, load, save

  @Override
  public String commit(String container, ImageCommitOptions options) {
    require(options, "options");
    // Docker 20.10 commits first and judges the name afterwards (HTTP 500, an unnamed image left
    // behind), so the name is checked here
    if (options.repository() != null) {
      References.checkRepository(options.repository());
    }
    if (options.tag() != null) {
      References.checkTag(options.tag());
    }
    Request.Builder b = longRunning(client.request(COMMIT)).query("container", require(container, "container"))
        .query("repo", options.repository()).query("tag", options.tag())
        .query("comment", options.comment()).query("author", options.author());
    if (!options.pause()) {
      b.query("pause", "false");
    }
    for (String change : options.changes()) {
      b.query("changes", change);
    }
    Object config = options.config() == null ? Map.of() : options.config();
    Request r = b.body(client.jsonBody(config)).build();
    CommitResponse created = client.call(r, CommitResponse.class);
    if (created == null || created.id() == null) {
      throw new MalformedResponseException(COMMIT + ": the engine's answer names no image", null);
    }
    return created.id();
  }

  private Request.Builder importRequest(ImageImportOptions options) {
    require(options, "options");
    Request.Builder b = longRunning(client.request(CREATE))
        .query("repo", options.repository()).query("tag", options.tag())
        .query("message", options.message()).query("platform", options.platform());
    for (String change : options.changes()) {
      b.query("changes", change);
    }
    return b;
  }

  @Override
  public JsonStream<ProgressMessage> importStream(InputStream rootFsTar, ImageImportOptions options) {
    require(rootFsTar, "rootFsTar");
    Request r = importRequest(options).query("fromSrc", "-").body(RequestBody.ofStream(rootFsTar, TAR)).build();
    return client.stream(r, ProgressMessage.class, true);
  }

  @Override
  public String importImage(InputStream rootFsTar, ImageImportOptions options) {
    return importedId(importStream(rootFsTar, options));
  }

  @Override
  public String importFromUrl(String url, ImageImportOptions options) {
    require(url, "url");
    if (url.equals("-")) {
      throw new IllegalArgumentException("url must be a URL; use importImage(InputStream, ...) for a stream");
    }
    Request r = importRequest(options).query("fromSrc", url).build();
    return importedId(client.stream(r, ProgressMessage.class, true));
  }

  private static String importedId(JsonStream<ProgressMessage> stream) {
    String[] id = {null};
    drain(stream, m -> {
      if (m.status() != null) {
        Matcher matcher = IMAGE_ID.matcher(m.status());
        if (matcher.matches()) {
          id[0] = "sha256:" + matcher.group(1);
        }
      }
    });
    if (id[0] == null) {
      throw new MalformedResponseException(CREATE + ": the import finished without naming the image", null);
    }
    return id[0];
  }

  @Override
  public JsonStream<ProgressMessage> loadStream(InputStream imagesTar, ImageLoadOptions options) {
    require(imagesTar, "imagesTar");
    require(options, "options");
    if (options.platform() != null) {
      requireApi(LOAD, "a platform", LOAD_PLATFORM);
    }
    Request r = longRunning(client.request(LOAD)).query("quiet", options.quiet() ? "1" : "0")
        .query("platform", options.platform() == null ? null : platformJson(options.platform()))
        .body(RequestBody.ofStream(imagesTar, TAR)).build();
    return client.stream(r, ProgressMessage.class, true);
  }

  @Override
  public List<String> load(InputStream imagesTar) {
    List<String> loaded = new ArrayList<>();
    drain(loadStream(imagesTar, ImageLoadOptions.DEFAULT), m -> {
      if (m.stream() != null) {
        Matcher matcher = LOADED.matcher(m.stream());
        if (matcher.matches()) {
          // Docker writes a line per image; Podman 4.3 one line naming them all, comma-separated
          // (a reference has no comma)
          for (String name : matcher.group(1).split(",")) {
            if (!name.isEmpty()) {
              loaded.add(name);
            }
          }
        }
      }
    });
    return List.copyOf(loaded);
  }

  @Override
  public InputStream saveStream(String name) {
    return save(name, null);
  }

  @Override
  public InputStream saveStream(String name, DistributionInspect.Platform platform) {
    return save(name, require(platform, "platform"));
  }

  private InputStream save(String name, DistributionInspect.Platform platform) {
    require(name, "name");
    if (platform != null) {
      requireApi(GET, "a platform", HISTORY_SAVE_PLATFORM);
    }
    Request.Builder b = client.request(GET, name).readTimeout(Duration.ZERO);
    b.query("platform", platform == null ? null : platformJson(platform));
    return client.open(b.build()).body().stream();
  }

  @Override
  public InputStream saveStream(List<String> names) {
    return save(names, null);
  }

  @Override
  public InputStream saveStream(List<String> names, DistributionInspect.Platform platform) {
    return save(names, require(platform, "platform"));
  }

  private InputStream save(List<String> names, DistributionInspect.Platform platform) {
    require(names, "names");
    if (platform != null) {
      requireApi(GET_ALL, "a platform", HISTORY_SAVE_PLATFORM);
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException("names must not be empty");
    }
    Request.Builder b = client.request(GET_ALL).readTimeout(Duration.ZERO);
    for (String n : names) {
      b.query("names", require(n, "names element"));
    }
    b.query("platform", platform == null ? null : platformJson(platform));
    Response r = client.open(b.build());
    return r.body().stream();
  }

  // ---------------------------------------------------------------- build

  private Request.Builder buildRequest(ImageBuildOptions o, String dockerfile) {
    Request.Builder b = longRunning(client.request(BUILD)).query("dockerfile", dockerfile);
    for (String t : o.tags()) {
      b.query("t", t);
    }
    for (String h : o.extraHosts()) {
      b.query("extrahosts", h);
    }
    if (o.quiet()) {
      b.query("q", "1");
    }
    if (o.noCache()) {
      b.query("nocache", "1");
    }
    if (!o.cacheFrom().isEmpty()) {
      b.query("cachefrom", client.toJson(o.cacheFrom()));
    }
    if (o.pull()) {
      b.query("pull", "1");
    }
    if (o.remove() != null) {
      b.query("rm", o.remove() ? "1" : "0");
    }
    if (o.forceRemove()) {
      b.query("forcerm", "1");
    }
    b.query("memory", o.memory()).query("memswap", o.memorySwap()).query("cpushares", o.cpuShares())
        .query("cpusetcpus", o.cpuSetCpus()).query("cpuperiod", o.cpuPeriod()).query("cpuquota", o.cpuQuota())
        .query("shmsize", o.shmSize());
    if (!o.buildArgs().isEmpty()) {
      b.query("buildargs", client.toJson(o.buildArgs()));
    }
    if (!o.labels().isEmpty()) {
      b.query("labels", client.toJson(o.labels()));
    }
    if (o.squash()) {
      b.query("squash", "1");
    }
    b.query("networkmode", o.networkMode()).query("platform", o.platform()).query("target", o.target());
    if (!o.registryAuths().isEmpty()) {
      b.header(CONFIG_HEADER, registryConfigHeader(o.registryAuths()));
    }
    return b;
  }

  @Override
  public JsonStream<ProgressMessage> buildStream(Path contextDirectory, ImageBuildOptions options) {
    require(contextDirectory, "contextDirectory");
    require(options, "options");
    ContextTar context = ContextTar.of(contextDirectory, options.dockerfile());
    RequestBody tar = new RequestBody() {
      @Override
      public long contentLength() {
        return -1;
      }

      @Override
      public String contentType() {
        return TAR;
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        context.writeTo(out);
      }

      @Override
      public boolean isReplayable() {
        return true; // re-reads the files
      }

      @Override
      public String toString() {
        return "RequestBody[build context " + contextDirectory + ", " + context.entries().size() + " entries]";
      }
    };
    String dockerfile = options.dockerfile() == null ? null : ContextTar.dockerfilePath(options.dockerfile());
    Request r = buildRequest(options, dockerfile).body(tar).build();
    return client.stream(r, ProgressMessage.class, true);
  }

  @Override
  public JsonStream<ProgressMessage> buildStream(InputStream contextTar, ImageBuildOptions options) {
    require(contextTar, "contextTar");
    require(options, "options");
    Request r = buildRequest(options, options.dockerfile()).body(RequestBody.ofStream(contextTar, TAR)).build();
    return client.stream(r, ProgressMessage.class, true);
  }

  @Override
  public String build(Path contextDirectory, ImageBuildOptions options) {
    return builtId(buildStream(contextDirectory, options));
  }

  @Override
  public String build(InputStream contextTar, ImageBuildOptions options) {
    return builtId(buildStream(contextTar, options));
  }

  /** The image ID from the aux line, else from quiet output, else the short ID the engine printed. */
  private static String builtId(JsonStream<ProgressMessage> stream) {
    String[] found = {null, null}; // full, short
    drain(stream, m -> {
      String aux = text(m.aux().get("ID"));
      if (aux != null) {
        found[0] = aux;
      } else if (m.stream() != null) {
        Matcher full = IMAGE_ID.matcher(m.stream());
        Matcher built = BUILT.matcher(m.stream());
        if (full.matches()) {
          found[0] = "sha256:" + full.group(1);
        } else if (built.matches()) {
          found[1] = built.group(1);
        }
      }
    });
    if (found[0] != null) {
      return found[0];
    }
    if (found[1] != null) {
      return found[1];
    }
    throw new MalformedResponseException(BUILD + ": the build finished without naming the image", null);
  }

  @Override
  public BuildPruneResponse pruneBuildCache(BuildCachePruneOptions options) {
    require(options, "options");
    boolean reservedSpace = options.maxUsedSpace() != null || options.minFreeSpace() != null
        || options.keepStorage() != null && client.apiVersion().isAtLeast(RESERVED_SPACE);
    if (options.maxUsedSpace() != null) {
      requireApi(BUILD_PRUNE, "max-used-space", RESERVED_SPACE);
    }
    if (options.minFreeSpace() != null) {
      requireApi(BUILD_PRUNE, "min-free-space", RESERVED_SPACE);
    }
    // keep-storage is deprecated from 1.48 on (and gone in 1.52): its successor is reserved-space
    Request.Builder b = client.request(BUILD_PRUNE).readTimeout(Duration.ZERO)
        .query(reservedSpace ? "reserved-space" : "keep-storage", options.keepStorage())
        .query("max-used-space", options.maxUsedSpace())
        .query("min-free-space", options.minFreeSpace());
    if (options.all()) {
      b.query("all", "true");
    }
    if (!options.filters().isEmpty()) {
      b.query("filters", client.toJson(options.filters().asMap()));
    }
    return object(b.build(), BuildPruneResponse.class);
  }

  // ---------------------------------------------------------------- registries

  @Override
  public JsonStream<ProgressMessage> pullStream(String image, ImagePullOptions options) {
    References.Parts p = References.split(require(image, "image"));
    require(options, "options");
    String tag = p.tagOrDigest();
    if (tag == null && !options.allTags()) {
      tag = "latest";
    } else if (tag != null && options.allTags()) {
      throw new IllegalArgumentException("allTags pulls a repository: give it without tag or digest: " + image);
    }
    Request r = longRunning(client.request(CREATE)).query("fromImage", p.repository()).query("tag", tag)
        .query("platform", options.platform())
        .header(AUTH_HEADER, authHeader(options.auth(), image)).build();
    return referenceErrors(() -> client.stream(r, ProgressMessage.class, true));
  }

  @Override
  public void pull(String image, ImagePullOptions options) {
    drain(pullStream(image, options), m -> { });
  }

  @Override
  public JsonStream<ProgressMessage> pushStream(String name, ImagePushOptions options) {
    References.Parts p = References.split(require(name, "name"));
    require(options, "options");
    if (p.digest() != null) {
      throw new IllegalArgumentException("push takes a repository and tag, not a digest: " + name);
    }
    String tag = p.tag();
    if (tag == null && !options.allTags()) {
      tag = "latest";
    } else if (tag != null && options.allTags()) {
      throw new IllegalArgumentException("allTags pushes a repository: give it without tag: " + name);
    }
    if (options.platform() != null) {
      requireApi(PUSH, "a platform", PUSH_PLATFORM);
    }
    Request r = longRunning(client.request(PUSH, p.repository())).query("tag", tag)
        .query("platform", options.platform() == null ? null : platformJson(options.platform()))
        .header(AUTH_HEADER, authHeader(options.auth(), p.repository())).build();
    return client.stream(r, ProgressMessage.class, true);
  }

  @Override
  public PushResult push(String name, ImagePushOptions options) {
    PushResult[] last = {null};
    drain(pushStream(name, options), m -> {
      String digest = text(m.aux().get("Digest"));
      if (digest != null) {
        Object size = m.aux().get("Size");
        last[0] = new PushResult(text(m.aux().get("Tag")), digest,
            size instanceof Number ? ((Number) size).longValue() : null);
      } else if (m.status() != null) {
        // Podman 4.3 sends no aux record, only the status line Docker also sends before its aux:
        // "<tag>: digest: sha256:... size: <n>"
        java.util.regex.Matcher line = PUSHED_LINE.matcher(m.status());
        if (line.matches()) {
          last[0] = new PushResult(line.group(1), line.group(2), Long.valueOf(line.group(3)));
        }
      }
    });
    if (last[0] == null) {
      throw new MalformedResponseException(PUSH + ": the push finished without the registry's digest", null);
    }
    return last[0];
  }

  @Override
  public DistributionInspect distributionInspect(String name, DistributionInspectOptions options) {
    require(name, "name");
    require(options, "options");
    Request r = client.request(DISTRIBUTION, name).header(AUTH_HEADER, authHeader(options.auth(), name)).build();
    return object(r, DistributionInspect.class);
  }

  @Override
  public String toString() {
    return "ImageService[" + client + (credentials == null ? "" : ", " + credentials) + "]";
  }
}
