package dev.berth.containers;

import dev.berth.client.EngineClient;
import dev.berth.client.FrameReader;
import dev.berth.client.JsonStream;
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
import dev.berth.types.exec.ExecInspect;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Containers and exec sessions. Thread-safe. {@code id} parameters take a container id, id prefix
 * or name. Errors: {@link dev.berth.client.NotFoundException} for an unknown container,
 * {@link dev.berth.client.ConflictException} for a name in use or a running container removed
 * without force, {@link dev.berth.client.InvalidRequestException} for parameters the engine
 * rejects. Before anything is sent: a null argument is a {@link NullPointerException} naming the
 * parameter, a blank id or a value out of range an {@link IllegalArgumentException}.
 *
 * <p>Each operation with optional parameters comes in three forms: without options, with an
 * immutable {@code Container…Options} value, and with a {@code Consumer} of its builder.
 *
 * <p>Streaming results ({@link FrameReader}, {@link AttachedStream}, {@link JsonStream},
 * {@link Archive}, and the {@code InputStream} of {@link #exportStream}) hold a connection: the
 * caller must close them. They are read on the caller's thread; closing one from another thread
 * stops a blocked read.
 *
 * <p>Timeouts (the client's, see {@link dev.berth.transport.Http1Doer}): every operation waits for
 * its response head at most the read timeout (and the call timeout, if set). Once the head has
 * arrived, follow {@link #logs}, {@link #attach}, {@link #execStart}, {@link #statsStream},
 * {@link #wait}, {@link #exportStream} and {@link #archive} wait for data without a limit (idling
 * on an open stream is the caller's choice: close it to end it); every other operation keeps the
 * read timeout. {@link #stop} and {@link #restart} answer once the container has stopped: given a
 * stop timeout, they wait that long plus {@link dev.berth.transport.Http1Doer#DEFAULT_READ_TIMEOUT};
 * {@link #putArchive} waits the read timeout once the archive is sent.
 */
public interface ContainerService {

  /** The service over {@code client}. */
  static ContainerService create(EngineClient client) {
    return new DefaultContainerService(client);
  }

  /** {@code POST /containers/create}: creates a container with a generated name; returns its id and warnings. */
  default ContainerCreateResponse create(ContainerCreateRequest request) {
    return create(request, ContainerCreateOptions.DEFAULT);
  }

  /**
   * {@code POST /containers/create?name=&platform=}: creates a container; returns its id and
   * warnings.
   *
   * @throws IllegalArgumentException when the request names no image (before anything is sent)
   * @throws dev.berth.client.ConflictException when the name is taken (Docker; Podman 4.3 answers 500)
   */
  ContainerCreateResponse create(ContainerCreateRequest request, ContainerCreateOptions options);

  /** {@link #create(ContainerCreateRequest, ContainerCreateOptions)} with options set by {@code options}. */
  default ContainerCreateResponse create(ContainerCreateRequest request, Consumer<ContainerCreateOptions.Builder> options) {
    ContainerCreateOptions.Builder b = ContainerCreateOptions.builder();
    options.accept(b);
    return create(request, b.build());
  }

  /** {@code GET /containers/json}: running containers. */
  default List<ContainerSummary> list() {
    return list(ContainerListOptions.DEFAULT);
  }

  /** {@code GET /containers/json?all=&limit=&size=&filters=}; an empty list when none match. */
  List<ContainerSummary> list(ContainerListOptions options);

  /** {@link #list(ContainerListOptions)} with options set by {@code options}. */
  default List<ContainerSummary> list(Consumer<ContainerListOptions.Builder> options) {
    ContainerListOptions.Builder b = ContainerListOptions.builder();
    options.accept(b);
    return list(b.build());
  }

  /** {@code GET /containers/{id}/json}. */
  default ContainerInspect inspect(String id) {
    return inspect(id, ContainerInspectOptions.DEFAULT);
  }

  /** {@code GET /containers/{id}/json?size=}: with {@code size}, also computes SizeRw and SizeRootFs. */
  ContainerInspect inspect(String id, ContainerInspectOptions options);

  /** {@link #inspect(String, ContainerInspectOptions)} with options set by {@code options}. */
  default ContainerInspect inspect(String id, Consumer<ContainerInspectOptions.Builder> options) {
    ContainerInspectOptions.Builder b = ContainerInspectOptions.builder();
    options.accept(b);
    return inspect(id, b.build());
  }

  /** {@code GET /containers/{id}/top}: the processes, listed by the engine's {@code ps} arguments. */
  default ContainerTop top(String id) {
    return top(id, ContainerTopOptions.DEFAULT);
  }

  /** {@code GET /containers/{id}/top?ps_args=}: the processes. */
  ContainerTop top(String id, ContainerTopOptions options);

  /** {@link #top(String, ContainerTopOptions)} with options set by {@code options}. */
  default ContainerTop top(String id, Consumer<ContainerTopOptions.Builder> options) {
    ContainerTopOptions.Builder b = ContainerTopOptions.builder();
    options.accept(b);
    return top(id, b.build());
  }

  /** {@code GET /containers/{id}/changes}: files changed in the container's filesystem. */
  List<FilesystemChange> changes(String id);

  /**
   * {@code GET /containers/{id}/export}: the filesystem as a tar stream, read as it arrives. It
   * holds a connection: the caller must close it.
   */
  InputStream exportStream(String id);

  /** {@code GET /containers/{id}/stats?stream=false}: one sample. */
  ContainerStats stats(String id);

  /**
   * {@code GET /containers/{id}/stats}: a sample about every second until closed or the container
   * stops. The caller must close it.
   */
  JsonStream<ContainerStats> statsStream(String id);

  /** {@code POST /containers/{id}/resize}: the TTY size. */
  void resize(String id, int height, int width);

  /**
   * {@code POST /containers/{id}/start}.
   *
   * @return true when started, false when it was already running (the engine's 304)
   */
  boolean start(String id);

  /**
   * {@code POST /containers/{id}/stop}: the container's stop signal, then {@code SIGKILL} after its
   * stop timeout.
   *
   * @return true when stopped, false when it was not running (the engine's 304)
   */
  default boolean stop(String id) {
    return stop(id, ContainerStopOptions.DEFAULT);
  }

  /**
   * {@code POST /containers/{id}/stop?t=&signal=}: the signal, then {@code SIGKILL} after the
   * timeout. Waits without a read timeout.
   *
   * @return true when stopped, false when it was not running (the engine's 304)
   * @throws dev.berth.client.UnsupportedApiVersionException for a signal on an API before 1.42
   */
  boolean stop(String id, ContainerStopOptions options);

  /** {@link #stop(String, ContainerStopOptions)} with options set by {@code options}. */
  default boolean stop(String id, Consumer<ContainerStopOptions.Builder> options) {
    ContainerStopOptions.Builder b = ContainerStopOptions.builder();
    options.accept(b);
    return stop(id, b.build());
  }

  /** {@code POST /containers/{id}/restart}: stops (as {@link #stop(String)}) and starts it. */
  default void restart(String id) {
    restart(id, ContainerRestartOptions.DEFAULT);
  }

  /**
   * {@code POST /containers/{id}/restart?t=&signal=}. Waits without a read timeout.
   *
   * @throws dev.berth.client.UnsupportedApiVersionException for a signal on an API before 1.42
   */
  void restart(String id, ContainerRestartOptions options);

  /** {@link #restart(String, ContainerRestartOptions)} with options set by {@code options}. */
  default void restart(String id, Consumer<ContainerRestartOptions.Builder> options) {
    ContainerRestartOptions.Builder b = ContainerRestartOptions.builder();
    options.accept(b);
    restart(id, b.build());
  }

  /** {@code POST /containers/{id}/kill}: sends {@code SIGKILL}. */
  default void kill(String id) {
    kill(id, ContainerKillOptions.DEFAULT);
  }

  /**
   * {@code POST /containers/{id}/kill?signal=}.
   *
   * @throws dev.berth.client.ConflictException when the container is not running (Docker)
   */
  void kill(String id, ContainerKillOptions options);

  /** {@link #kill(String, ContainerKillOptions)} with options set by {@code options}. */
  default void kill(String id, Consumer<ContainerKillOptions.Builder> options) {
    ContainerKillOptions.Builder b = ContainerKillOptions.builder();
    options.accept(b);
    kill(id, b.build());
  }

  /** {@code POST /containers/{id}/update}: changes resource limits and the restart policy. */
  ContainerUpdateResponse update(String id, Resources resources);

  /** {@code POST /containers/{id}/rename?name=}. */
  void rename(String id, String newName);

  /** {@code POST /containers/{id}/pause}. */
  void pause(String id);

  /** {@code POST /containers/{id}/unpause}. */
  void unpause(String id);

  /**
   * {@code POST /containers/{id}/wait?condition=not-running}: blocks until the container is not
   * running (no read timeout) and returns the exit code and any error.
   */
  default ContainerWaitResponse wait(String id) {
    return wait(id, WaitCondition.NOT_RUNNING);
  }

  /**
   * {@code POST /containers/{id}/wait?condition=}: blocks until the condition holds (no read
   * timeout) and returns the exit code and any error. {@code condition} is the operation's one
   * parameter, so it is an argument rather than an options class.
   */
  ContainerWaitResponse wait(String id, WaitCondition condition);

  /** {@code DELETE /containers/{id}}: removes a stopped container, keeping its volumes. */
  default void remove(String id) {
    remove(id, ContainerRemoveOptions.DEFAULT);
  }

  /** {@code DELETE /containers/{id}?force=&v=&link=}. */
  void remove(String id, ContainerRemoveOptions options);

  /** {@link #remove(String, ContainerRemoveOptions)} with options set by {@code options}. */
  default void remove(String id, Consumer<ContainerRemoveOptions.Builder> options) {
    ContainerRemoveOptions.Builder b = ContainerRemoveOptions.builder();
    options.accept(b);
    remove(id, b.build());
  }

  /** {@code POST /containers/prune}: removes every stopped container. */
  default ContainerPruneResponse prune() {
    return prune(ContainerPruneOptions.DEFAULT);
  }

  /** {@code POST /containers/prune?filters=}: removes stopped containers matching the filters. */
  ContainerPruneResponse prune(ContainerPruneOptions options);

  /** {@link #prune(ContainerPruneOptions)} with options set by {@code options}. */
  default ContainerPruneResponse prune(Consumer<ContainerPruneOptions.Builder> options) {
    ContainerPruneOptions.Builder b = ContainerPruneOptions.builder();
    options.accept(b);
    return prune(b.build());
  }

  /** {@code GET /containers/{id}/logs}: stdout and stderr so far. The caller must close the reader. */
  default FrameReader logs(String id) {
    return logs(id, ContainerLogsOptions.DEFAULT);
  }

  /**
   * {@code GET /containers/{id}/logs}: the output as frames with their stream. Whether the output
   * is multiplexed is taken from the response's content type where the engine sends one, else
   * from {@link ContainerLogsOptions#tty()}, else from inspecting the container. The reader holds
   * a connection: the caller must close it.
   */
  FrameReader logs(String id, ContainerLogsOptions options);

  /** {@link #logs(String, ContainerLogsOptions)} with options set by {@code options}. */
  default FrameReader logs(String id, Consumer<ContainerLogsOptions.Builder> options) {
    ContainerLogsOptions.Builder b = ContainerLogsOptions.builder();
    options.accept(b);
    return logs(id, b.build());
  }

  /** {@code POST /containers/{id}/attach}: stdout and stderr, streaming. The caller must close it. */
  default AttachedStream attach(String id) {
    return attach(id, ContainerAttachOptions.DEFAULT);
  }

  /**
   * {@code POST /containers/{id}/attach}: a live duplex connection to the container's streams.
   * The caller must close it.
   */
  AttachedStream attach(String id, ContainerAttachOptions options);

  /** {@link #attach(String, ContainerAttachOptions)} with options set by {@code options}. */
  default AttachedStream attach(String id, Consumer<ContainerAttachOptions.Builder> options) {
    ContainerAttachOptions.Builder b = ContainerAttachOptions.builder();
    options.accept(b);
    return attach(id, b.build());
  }

  /** {@code POST /containers/{id}/exec}: creates an exec session; returns its id. */
  String execCreate(String id, ExecCreateRequest request);

  /** {@code POST /exec/{id}/start} with {@code Detach: true}: runs it in the background. */
  void execStartDetached(String execId);

  /**
   * {@code POST /exec/{id}/start}: runs it attached, first asking the engine whether the session
   * has a TTY. The caller must close the returned stream.
   */
  default AttachedStream execStart(String execId) {
    return execStart(execId, ExecStartOptions.DEFAULT);
  }

  /**
   * {@code POST /exec/{id}/start}: runs it attached. Write stdin (when the session attached it)
   * and read output on the returned stream; the caller must close it.
   */
  AttachedStream execStart(String execId, ExecStartOptions options);

  /** {@link #execStart(String, ExecStartOptions)} with options set by {@code options}. */
  default AttachedStream execStart(String execId, Consumer<ExecStartOptions.Builder> options) {
    ExecStartOptions.Builder b = ExecStartOptions.builder();
    options.accept(b);
    return execStart(execId, b.build());
  }

  /** {@code GET /exec/{id}/json}: state and exit code. */
  ExecInspect execInspect(String execId);

  /** {@code POST /exec/{id}/resize}: the session's TTY size. */
  void execResize(String execId, int height, int width);

  /**
   * {@code GET /containers/{id}/archive?path=}: a tar archive of the path, with its stat. The
   * caller must close it.
   *
   * @throws dev.berth.client.NotFoundException when the path does not exist
   * @throws dev.berth.client.MalformedResponseException when the engine answers an empty archive
   *     (Podman 5 does, racily, for a container that has just exited; asking again succeeds)
   */
  Archive archive(String id, String path);

  /**
   * {@code HEAD /containers/{id}/archive?path=}: the path's stat only.
   *
   * @throws dev.berth.client.NotFoundException when the path does not exist
   */
  PathStat stat(String id, String path);

  /**
   * {@code PUT /containers/{id}/archive?path=}: extracts a tar stream into the directory
   * {@code path}, streamed (chunked) with bounded memory. The stream is closed afterwards.
   */
  default void putArchive(String id, String path, InputStream tar) {
    putArchive(id, path, tar, ContainerPutArchiveOptions.DEFAULT);
  }

  /**
   * {@code PUT /containers/{id}/archive?path=&noOverwriteDirNonDir=&copyUIDGID=}: extracts a tar
   * stream into the directory {@code path}, streamed (chunked) with bounded memory. The stream is
   * closed afterwards.
   */
  void putArchive(String id, String path, InputStream tar, ContainerPutArchiveOptions options);

  /** {@link #putArchive(String, String, InputStream, ContainerPutArchiveOptions)} with options set by {@code options}. */
  default void putArchive(String id, String path, InputStream tar, Consumer<ContainerPutArchiveOptions.Builder> options) {
    ContainerPutArchiveOptions.Builder b = ContainerPutArchiveOptions.builder();
    options.accept(b);
    putArchive(id, path, tar, b.build());
  }

  /**
   * Copies a local file or directory into the directory {@code containerDir}: tars it on the fly
   * and sends it as {@link #putArchive} does. Directories keep their relative layout; symlinks are
   * stored as links.
   */
  default void copyInto(String id, Path local, String containerDir) {
    copyInto(id, local, containerDir, ContainerPutArchiveOptions.DEFAULT);
  }

  /** {@link #copyInto(String, Path, String)} with the options of {@link #putArchive}. */
  void copyInto(String id, Path local, String containerDir, ContainerPutArchiveOptions options);

  /** {@link #copyInto(String, Path, String, ContainerPutArchiveOptions)} with options set by {@code options}. */
  default void copyInto(String id, Path local, String containerDir, Consumer<ContainerPutArchiveOptions.Builder> options) {
    ContainerPutArchiveOptions.Builder b = ContainerPutArchiveOptions.builder();
    options.accept(b);
    copyInto(id, local, containerDir, b.build());
  }

  /**
   * Copies a local file or directory into the directory {@code containerDir} under the name
   * {@code name} ({@code docker cp ./a c:/tmp/b} copies {@code a} as {@code /tmp/b}); {@code "."}
   * copies a directory's contents into {@code containerDir} ({@code docker cp ./dir/. c:/tmp}).
   * Otherwise as {@link #copyInto(String, Path, String)}.
   *
   * @throws IllegalArgumentException when {@code name} is empty, {@code ..} or holds a {@code /}
   */
  default void copyInto(String id, Path local, String containerDir, String name) {
    copyInto(id, local, containerDir, name, ContainerPutArchiveOptions.DEFAULT);
  }

  /** {@link #copyInto(String, Path, String, String)} with the options of {@link #putArchive}. */
  default void copyInto(String id, Path local, String containerDir, String name, ContainerPutArchiveOptions options) {
    throw new UnsupportedOperationException(getClass().getName() + " does not implement copying under a new name");
  }
}
