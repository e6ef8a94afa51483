package dev.berth.containers;

import dev.berth.client.ApiVersion;
import dev.berth.client.DockerOperations;
import dev.berth.client.EngineClient;
import dev.berth.client.Filters;
import dev.berth.client.FrameReader;
import dev.berth.client.JsonStream;
import dev.berth.client.MalformedResponseException;
import dev.berth.client.NotModifiedException;
import dev.berth.client.Operation;
import dev.berth.client.UnsupportedApiVersionException;
import dev.berth.client.internal.Signals;
import dev.berth.client.internal.TarWriter;
import dev.berth.transport.Http1Doer;
import dev.berth.transport.RawStream;
import dev.berth.transport.Request;
import dev.berth.transport.RequestBody;
import dev.berth.transport.Response;
import dev.berth.types.containers.ContainerCreateRequest;
import dev.berth.types.containers.ContainerCreateResponse;
import dev.berth.types.containers.ContainerInspect;
import dev.berth.types.containers.ContainerPruneResponse;
import dev.berth.types.containers.ContainerStats;
import dev.berth.types.containers.ContainerSummary;
import dev.berth.types.containers.ContainerTop;
import dev.berth.types.containers.ContainerUpdateResponse;
import dev.berth.types.containers.ContainerWaitResponse;
import dev.berth.types.containers.FilesystemChange;
import dev.berth.types.containers.PathStat;
import dev.berth.types.containers.Resources;
import dev.berth.types.exec.ExecCreateRequest;
import dev.berth.types.exec.ExecCreateResponse;
import dev.berth.types.exec.ExecInspect;
import dev.berth.types.exec.ExecStartRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

final class DefaultContainerService implements ContainerService {
  static final Operation CREATE = DockerOperations.CONTAINER_CREATE;
  static final Operation LIST = DockerOperations.CONTAINER_LIST;
  static final Operation INSPECT = DockerOperations.CONTAINER_INSPECT;
  static final Operation TOP = DockerOperations.CONTAINER_TOP;
  static final Operation CHANGES = DockerOperations.CONTAINER_CHANGES;
  static final Operation EXPORT = DockerOperations.CONTAINER_EXPORT;
  static final Operation STATS = DockerOperations.CONTAINER_STATS;
  static final Operation RESIZE = DockerOperations.CONTAINER_RESIZE;
  static final Operation START = DockerOperations.CONTAINER_START;
  static final Operation STOP = DockerOperations.CONTAINER_STOP;
  static final Operation RESTART = DockerOperations.CONTAINER_RESTART;
  static final Operation KILL = DockerOperations.CONTAINER_KILL;
  static final Operation UPDATE = DockerOperations.CONTAINER_UPDATE;
  static final Operation RENAME = DockerOperations.CONTAINER_RENAME;
  static final Operation PAUSE = DockerOperations.CONTAINER_PAUSE;
  static final Operation UNPAUSE = DockerOperations.CONTAINER_UNPAUSE;
  static final Operation WAIT = DockerOperations.CONTAINER_WAIT;
  static final Operation DELETE = DockerOperations.CONTAINER_DELETE;
  static final Operation PRUNE = DockerOperations.CONTAINER_PRUNE;
  static final Operation LOGS = DockerOperations.CONTAINER_LOGS;
  static final Operation ATTACH = DockerOperations.CONTAINER_ATTACH;
  static final Operation EXEC_CREATE = DockerOperations.CONTAINER_EXEC;
  static final Operation EXEC_START = DockerOperations.EXEC_START;
  static final Operation EXEC_INSPECT = DockerOperations.EXEC_INSPECT;
  static final Operation EXEC_RESIZE = DockerOperations.EXEC_RESIZE;
  static final Operation ARCHIVE_GET = DockerOperations.CONTAINER_ARCHIVE;
  static final Operation ARCHIVE_HEAD = DockerOperations.CONTAINER_ARCHIVE_INFO;
  static final Operation ARCHIVE_PUT = DockerOperations.PUT_CONTAINER_ARCHIVE;

  static final ApiVersion SIGNAL_ON_STOP = ApiVersion.of(1, 42);

  static final String MULTIPLEXED = "application/vnd.docker.multiplexed-stream";
  static final String RAW = "application/vnd.docker.raw-stream";
  static final String PATH_STAT_HEADER = "X-Docker-Container-Path-Stat";

  private final EngineClient client;

  DefaultContainerService(EngineClient client) {
    this.client = Objects.requireNonNull(client, "client");
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

  /** A JSON object answer; an empty body where the API promises one is malformed, never null. */
  private <T> T object(Request r, Class<T> type) {
    T value = client.call(r, type);
    if (value == null) {
      throw new MalformedResponseException(r.operationId() + ": empty answer, expected " + type.getSimpleName(), null);
    }
    return value;
  }

  /** The stop signal parameter came with API 1.42; older engines ignore it silently. */
  private void checkSignalSupported(String signal, Operation op) {
    if (signal != null && !client.apiVersion().isAtLeast(SIGNAL_ON_STOP)) {
      throw new UnsupportedApiVersionException(op.id() + " with a signal", SIGNAL_ON_STOP, client.apiVersion());
    }
  }

  private static String unixTime(Instant t) {
    String nanos = Integer.toString(t.getNano());
    return t.getEpochSecond() + "." + "000000000".substring(nanos.length()) + nanos;
  }

  // ---------------------------------------------------------------- lifecycle

  @Override
  public ContainerCreateResponse create(ContainerCreateRequest request, ContainerCreateOptions options) {
    require(request, "request");
    require(options, "options");
    if (request.config().image() == null || request.config().image().isBlank()) {
      throw new IllegalArgumentException("request.image must be set");
    }
    Request r = client.request(CREATE).query("name", options.name()).query("platform", options.platform())
        .body(client.jsonBody(request)).build();
    return object(r, ContainerCreateResponse.class);
  }

  @Override
  public List<ContainerSummary> list(ContainerListOptions options) {
    require(options, "options");
    Request.Builder b = client.request(LIST);
    if (options.all()) {
      b.query("all", "true");
    }
    if (options.limit() != null) {
      b.query("limit", options.limit());
    }
    if (options.size()) {
      b.query("size", "true");
    }
    if (!options.filters().isEmpty()) {
      b.query("filters", client.toJson(options.filters().asMap()));
    }
    return client.callList(b.build(), ContainerSummary.class);
  }

  @Override
  public ContainerInspect inspect(String id, ContainerInspectOptions options) {
    Request.Builder b = client.request(INSPECT, require(id, "id"));
    if (require(options, "options").size()) {
      b.query("size", "true");
    }
    return object(b.build(), ContainerInspect.class);
  }

  @Override
  public ContainerTop top(String id, ContainerTopOptions options) {
    Request r = client.request(TOP, require(id, "id")).query("ps_args", require(options, "options").psArgs()).build();
    return object(r, ContainerTop.class);
  }

  @Override
  public List<FilesystemChange> changes(String id) {
    return client.callList(client.request(CHANGES, require(id, "id")).build(), FilesystemChange.class);
  }

  @Override
  public InputStream exportStream(String id) {
    Response r = client.open(client.request(EXPORT, require(id, "id")).bodyReadTimeout(Duration.ZERO).build());
    return r.body().stream();
  }

  @Override
  public ContainerStats stats(String id) {
    return object(client.request(STATS, require(id, "id")).query("stream", "false").build(), ContainerStats.class);
  }

  @Override
  public JsonStream<ContainerStats> statsStream(String id) {
    Request r = client.request(STATS, require(id, "id")).query("stream", "true").bodyReadTimeout(Duration.ZERO).build();
    return client.stream(r, ContainerStats.class, false);
  }

  private static void checkSize(int height, int width) {
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException("height and width must be positive: " + height + "x" + width);
    }
  }

  @Override
  public void resize(String id, int height, int width) {
    checkSize(height, width);
    client.execute(client.request(RESIZE, require(id, "id")).query("h", height).query("w", width).build());
  }

  @Override
  public boolean start(String id) {
    try {
      client.execute(client.request(START, require(id, "id")).build());
      return true;
    } catch (NotModifiedException alreadyRunning) {
      return false;
    }
  }

  /**
   * Stop and restart answer only once the container has stopped: with a stop timeout, the wait for
   * the answer is that timeout plus {@link Http1Doer#DEFAULT_READ_TIMEOUT}; without one, the
   * client's read timeout (the engine's default stop timeout is 10 s).
   */
  private static Duration stopHeadWait(Duration stopTimeout) {
    return stopTimeout == null ? null
        : Duration.ofSeconds(Signals.seconds(stopTimeout)).plus(Http1Doer.DEFAULT_READ_TIMEOUT);
  }

  @Override
  public boolean stop(String id, ContainerStopOptions options) {
    require(id, "id");
    require(options, "options");
    checkSignalSupported(options.signal(), STOP);
    Request r = client.request(STOP, id).query("t", Signals.seconds(options.timeout()))
        .query("signal", options.signal()).readTimeout(stopHeadWait(options.timeout())).build();
    try {
      client.execute(r);
      return true;
    } catch (NotModifiedException notRunning) {
      return false;
    }
  }

  @Override
  public void restart(String id, ContainerRestartOptions options) {
    require(id, "id");
    require(options, "options");
    checkSignalSupported(options.signal(), RESTART);
    client.execute(client.request(RESTART, id).query("t", Signals.seconds(options.timeout()))
        .query("signal", options.signal()).readTimeout(stopHeadWait(options.timeout())).build());
  }

  @Override
  public void kill(String id, ContainerKillOptions options) {
    client.execute(client.request(KILL, require(id, "id")).query("signal", require(options, "options").signal()).build());
  }

  @Override
  public ContainerUpdateResponse update(String id, Resources resources) {
    require(resources, "resources");
    return object(client.request(UPDATE, require(id, "id")).body(client.jsonBody(resources)).build(),
        ContainerUpdateResponse.class);
  }

  @Override
  public void rename(String id, String newName) {
    client.execute(client.request(RENAME, require(id, "id")).query("name", require(newName, "newName")).build());
  }

  @Override
  public void pause(String id) {
    client.execute(client.request(PAUSE, require(id, "id")).build());
  }

  @Override
  public void unpause(String id) {
    client.execute(client.request(UNPAUSE, require(id, "id")).build());
  }

  @Override
  public ContainerWaitResponse wait(String id, WaitCondition condition) {
    Request r = client.request(WAIT, require(id, "id"))
        .query("condition", require(condition, "condition").value()).bodyReadTimeout(Duration.ZERO).build();
    return object(r, ContainerWaitResponse.class);
  }

  @Override
  public void remove(String id, ContainerRemoveOptions options) {
    require(options, "options");
    Request.Builder b = client.request(DELETE, require(id, "id"));
    if (options.force()) {
      b.query("force", "true");
    }
    if (options.volumes()) {
      b.query("v", "true");
    }
    if (options.link()) {
      b.query("link", "true");
    }
    client.execute(b.build());
  }

  @Override
  public ContainerPruneResponse prune(ContainerPruneOptions options) {
    Filters filters = require(options, "options").filters();
    Request.Builder b = client.request(PRUNE).readTimeout(Duration.ZERO); // no head until done
    if (!filters.isEmpty()) {
      b.query("filters", client.toJson(filters.asMap()));
    }
    return object(b.build(), ContainerPruneResponse.class);
  }

  // ---------------------------------------------------------------- streams

  /** Multiplexed or raw: the content type when the engine sends one (API 1.42+), else the TTY. */
  private boolean multiplexed(String contentType, Boolean ttyHint, String id) {
    if (contentType != null) {
      if (contentType.startsWith(MULTIPLEXED)) {
        return true;
      }
      if (contentType.startsWith(RAW) && client.apiVersion().isAtLeast(ApiVersion.of(1, 42))) {
        return false; // from 1.42 on the engine labels raw output precisely
      }
    }
    Boolean tty = ttyHint;
    if (tty == null) {
      ContainerInspect c = inspect(id);
      tty = c.config() != null && Boolean.TRUE.equals(c.config().tty());
    }
    return !tty;
  }

  @Override
  public FrameReader logs(String id, ContainerLogsOptions options) {
    require(id, "id");
    require(options, "options");
    Request.Builder b = client.request(LOGS, id)
        .query("stdout", options.stdout()).query("stderr", options.stderr());
    if (options.follow()) {
      b.query("follow", "true").bodyReadTimeout(Duration.ZERO);
    }
    if (options.since() != null) {
      b.query("since", unixTime(options.since()));
    }
    if (options.until() != null) {
      b.query("until", unixTime(options.until()));
    }
    if (options.timestamps()) {
      b.query("timestamps", "true");
    }
    if (options.tail() != null) {
      b.query("tail", options.tail());
    }
    Response r = client.open(b.build());
    try {
      boolean mux = multiplexed(r.body().contentType(), options.tty(), id);
      return new FrameReader(r.body().stream(), mux, "ContainerLogs " + id);
    } catch (RuntimeException e) {
      r.close();
      throw e;
    }
  }

  @Override
  public AttachedStream attach(String id, ContainerAttachOptions options) {
    require(id, "id");
    require(options, "options");
    Boolean tty = options.tty();
    if (tty == null && !client.apiVersion().isAtLeast(ApiVersion.of(1, 42))) {
      ContainerInspect c = inspect(id); // before hijacking: afterwards the connection is the container's
      tty = c.config() != null && Boolean.TRUE.equals(c.config().tty());
    }
    Request r = client.request(ATTACH, id)
        .query("stream", options.stream()).query("logs", options.logs())
        .query("stdin", options.stdin()).query("stdout", options.stdout()).query("stderr", options.stderr())
        .query("detachKeys", options.detachKeys())
        .bodyReadTimeout(Duration.ZERO).build();
    RawStream raw = client.openRaw(r);
    try {
      return new AttachedStream(raw, multiplexed(raw.headers().first("Content-Type"), tty, id), "ContainerAttach " + id);
    } catch (RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  @Override
  public String execCreate(String id, ExecCreateRequest request) {
    require(request, "request");
    if (request.cmd() == null || request.cmd().isEmpty()) {
      throw new IllegalArgumentException("request.cmd must not be empty");
    }
    Request r = client.request(EXEC_CREATE, require(id, "id")).body(client.jsonBody(request)).build();
    return object(r, ExecCreateResponse.class).id();
  }

  @Override
  public void execStartDetached(String execId) {
    Request r = client.request(EXEC_START, require(execId, "execId"))
        .body(client.jsonBody(ExecStartRequest.detached())).build();
    client.execute(r);
  }

  @Override
  public AttachedStream execStart(String execId, ExecStartOptions options) {
    require(execId, "execId");
    require(options, "options");
    Boolean known = options.tty();
    boolean tty;
    if (known != null) {
      tty = known;
    } else {
      // before hijacking: afterwards the connection belongs to the session
      ExecInspect session = execInspect(execId);
      tty = session.processConfig() != null && Boolean.TRUE.equals(session.processConfig().tty());
    }
    Request r = client.request(EXEC_START, execId)
        .body(client.jsonBody(ExecStartRequest.builder().detach(false).tty(tty).build())).bodyReadTimeout(Duration.ZERO).build();
    RawStream raw = client.openRaw(r);
    try {
      String type = raw.headers().first("Content-Type");
      boolean mux = (type != null && type.startsWith(MULTIPLEXED)) || !tty;
      return new AttachedStream(raw, mux, "ExecStart " + execId);
    } catch (RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  @Override
  public ExecInspect execInspect(String execId) {
    return object(client.request(EXEC_INSPECT, require(execId, "execId")).build(), ExecInspect.class);
  }

  @Override
  public void execResize(String execId, int height, int width) {
    checkSize(height, width);
    client.execute(client.request(EXEC_RESIZE, require(execId, "execId")).query("h", height).query("w", width).build());
  }

  // ---------------------------------------------------------------- archives

  /** The stat header is part of every 200 answer; without it the answer is malformed (never null). */
  private static PathStat pathStat(Response r) {
    String header = r.headers().first(PATH_STAT_HEADER);
    if (header == null) {
      throw new MalformedResponseException("the answer has no " + PATH_STAT_HEADER + " header", null);
    }
    try {
      return PathStat.fromHeader(header);
    } catch (RuntimeException e) {
      throw new MalformedResponseException("unreadable " + PATH_STAT_HEADER + " header", e);
    }
  }

  @Override
  public Archive archive(String id, String path) {
    Request r = client.request(ARCHIVE_GET, require(id, "id")).query("path", require(path, "path"))
        .bodyReadTimeout(Duration.ZERO).build();
    Response response = client.open(r);
    try {
      PathStat stat = pathStat(response);
      if (response.body().contentLength() == 0) {
        // a tar has at least its two end blocks: Podman 5 answers an empty body when the container
        // has just exited and its clean-up unmounts the file system under the copy
        throw new MalformedResponseException("the engine answered an empty archive for " + path
            + " (Podman 5 does so while an exited container is being cleaned up; ask again)", null);
      }
      return new Archive(stat, response.body().stream());
    } catch (RuntimeException e) {
      response.close();
      throw e;
    }
  }

  @Override
  public PathStat stat(String id, String path) {
    Request r = client.request(ARCHIVE_HEAD, require(id, "id")).query("path", require(path, "path")).build();
    try (Response response = client.open(r)) {
      return pathStat(response);
    }
  }

  @Override
  public void putArchive(String id, String path, InputStream tar, ContainerPutArchiveOptions options) {
    require(tar, "tar");
    Request r = putArchiveRequest(id, path, "path", options)
        .body(RequestBody.ofStream(tar, "application/x-tar")).build();
    client.execute(r);
  }

  private Request.Builder putArchiveRequest(String id, String path, String pathName, ContainerPutArchiveOptions options) {
    // the answer comes once the archive is extracted: the read timeout bounds that wait
    Request.Builder b = client.request(ARCHIVE_PUT, require(id, "id")).query("path", require(path, pathName));
    if (require(options, "options").noOverwriteDirNonDir()) {
      b.query("noOverwriteDirNonDir", "true");
    }
    if (options.copyUidGid()) {
      b.query("copyUIDGID", "true");
    }
    return b;
  }

  @Override
  public void copyInto(String id, Path local, String containerDir, ContainerPutArchiveOptions options) {
    require(local, "local");
    Path name = local.toAbsolutePath().normalize().getFileName();
    copyInto(id, local, containerDir, name == null ? "." : name.toString(), options);
  }

  @Override
  public void copyInto(String id, Path local, String containerDir, String name, ContainerPutArchiveOptions options) {
    require(local, "local");
    require(name, "name");
    if (name.isEmpty() || name.equals("..") || name.indexOf('/') >= 0 || name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("name must be one path element (or \".\" for a directory's contents), not \""
          + name + "\"");
    }
    Request.Builder request = putArchiveRequest(id, containerDir, "containerDir", options);
    if (!Files.exists(local, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException("local path does not exist: " + local);
    }
    if (name.equals(".") && !Files.isDirectory(local, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException("\".\" copies a directory's contents; " + local + " is not a directory");
    }
    String entry = name;
    RequestBody tar = new RequestBody() {
      @Override
      public long contentLength() {
        return -1;
      }

      @Override
      public String contentType() {
        return "application/x-tar";
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        TarWriter w = new TarWriter(out);
        w.writeTree(local, entry);
        w.finish();
      }

      @Override
      public boolean isReplayable() {
        return true; // re-reads the files
      }
    };
    client.execute(request.body(tar).build());
  }

  @Override
  public String toString() {
    return "ContainerService[" + client + "]";
  }
}
