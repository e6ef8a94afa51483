package dev.berth.containers;

import dev.berth.client.EngineClient;
import dev.berth.client.Filters;
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
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Containers and exec sessions. Thread-safe. {@code id} parameters take a container id, id prefix
 * or name. Errors: {@link dev.berth.client.NotFoundException} for an unknown container,
 * {@link dev.berth.client.ConflictException} for a name in use or a running container removed
 * without force, {@link dev.berth.client.InvalidRequestException} for parameters the engine
 * rejects; a blank id, a negative timeout or a missing required value is an
 * {@link IllegalArgumentException} before anything is sent.
 *
 * <p>Streaming results ({@link FrameReader}, {@link AttachedStream}, {@link JsonStream},
 * {@link Archive}, export streams) hold a connection: close them. They are read on the caller's
 * thread; closing one from another thread stops a blocked read.
 */
public interface ContainerService {

  /** The service over {@code client}. */
  static ContainerService create(EngineClient client) {
    return new DefaultContainerService(client);
  }

  /** {@code POST /containers/create}: creates a container; returns its id and warnings. */
  ContainerCreateResponse create(ContainerCreateRequest request);

  /** {@code POST /containers/create?name=}: creates a container with a name. */
  ContainerCreateResponse create(String name, ContainerCreateRequest request);

  /** {@code POST /containers/create?name=&platform=}: with a name (may be null) and platform. */
  ContainerCreateResponse create(String name, String platform, ContainerCreateRequest request);

  /** {@code GET /containers/json}. */
  List<ContainerSummary> list(ListOptions options);

  /** {@code GET /containers/json} with options set by {@code options}. */
  default List<ContainerSummary> list(Consumer<ListOptions.Builder> options) {
    ListOptions.Builder b = ListOptions.builder();
    options.accept(b);
    return list(b.build());
  }

  /** {@code GET /containers/{id}/json}. */
  ContainerInspect inspect(String id);

  /** {@code GET /containers/{id}/json?size=true}: also computes SizeRw and SizeRootFs. */
  ContainerInspect inspectWithSize(String id);

  /** {@code GET /containers/{id}/top}: the processes; {@code psArgs} may be null. */
  ContainerTop top(String id, String psArgs);

  /** {@code GET /containers/{id}/changes}: files changed in the container's filesystem. */
  List<FilesystemChange> changes(String id);

  /** {@code GET /containers/{id}/export}: the filesystem as a tar stream; close it. */
  InputStream export(String id);

  /** {@code GET /containers/{id}/stats?stream=false}: one sample. */
  ContainerStats stats(String id);

  /** {@code GET /containers/{id}/stats}: a sample about every second until closed or stopped. */
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
   * {@code POST /containers/{id}/stop?t=}: SIGTERM (or the stop signal), then SIGKILL after
   * {@code timeout} (null: the container's own default).
   *
   * @return true when stopped, false when it was not running (the engine's 304)
   */
  boolean stop(String id, Duration timeout);

  /** {@code POST /containers/{id}/restart?t=}. */
  void restart(String id, Duration timeout);

  /** {@code POST /containers/{id}/kill?signal=}: {@code signal} like {@code SIGKILL}, {@code HUP} or {@code 9}; null for SIGKILL. */
  void kill(String id, String signal);

  /** {@code POST /containers/{id}/update}: changes resource limits and the restart policy. */
  ContainerUpdateResponse update(String id, Resources resources);

  /** {@code POST /containers/{id}/rename?name=}. */
  void rename(String id, String newName);

  /** {@code POST /containers/{id}/pause}. */
  void pause(String id);

  /** {@code POST /containers/{id}/unpause}. */
  void unpause(String id);

  /**
   * {@code POST /containers/{id}/wait?condition=}: blocks until the condition holds (no read
   * timeout) and returns the exit code and any error.
   */
  ContainerWaitResponse wait(String id, WaitCondition condition);

  /** {@code DELETE /containers/{id}}. */
  void remove(String id, RemoveOptions options);

  /** {@code POST /containers/prune}: removes stopped containers matching {@code filters}. */
  ContainerPruneResponse prune(Filters filters);

  /**
   * {@code GET /containers/{id}/logs}: the output as frames with their stream. Whether the output
   * is multiplexed is taken from the response's content type where the engine sends one, else
   * from {@link LogsOptions#tty()}, else from inspecting the container.
   */
  FrameReader logs(String id, LogsOptions options);

  /** {@link #logs(String, LogsOptions)} with options set by {@code options}. */
  default FrameReader logs(String id, Consumer<LogsOptions.Builder> options) {
    LogsOptions.Builder b = LogsOptions.builder();
    options.accept(b);
    return logs(id, b.build());
  }

  /** {@code POST /containers/{id}/attach}: a live duplex connection to the container's streams. */
  AttachedStream attach(String id, AttachOptions options);

  /** {@link #attach(String, AttachOptions)} with options set by {@code options}. */
  default AttachedStream attach(String id, Consumer<AttachOptions.Builder> options) {
    AttachOptions.Builder b = AttachOptions.builder();
    options.accept(b);
    return attach(id, b.build());
  }

  /** {@code POST /containers/{id}/exec}: creates an exec session; returns its id. */
  String execCreate(String id, ExecCreateRequest request);

  /** {@code POST /exec/{id}/start} with {@code Detach: true}: runs it in the background. */
  void execStartDetached(String execId);

  /**
   * {@code POST /exec/{id}/start}: runs it attached; {@code tty} must match the session's Tty.
   * Write stdin (when the session attached it) and read output on the returned stream.
   */
  AttachedStream execStart(String execId, boolean tty);

  /** {@code GET /exec/{id}/json}: state and exit code. */
  ExecInspect execInspect(String execId);

  /** {@code POST /exec/{id}/resize}: the session's TTY size. */
  void execResize(String execId, int height, int width);

  /** {@code GET /containers/{id}/archive?path=}: a tar archive of the path, with its stat. */
  Archive archive(String id, String path);

  /** {@code HEAD /containers/{id}/archive?path=}: the path's stat only. */
  PathStat stat(String id, String path);

  /**
   * {@code PUT /containers/{id}/archive?path=}: extracts a tar stream into the directory
   * {@code path}, streamed (chunked) with bounded memory. The stream is closed afterwards.
   */
  void putArchive(String id, String path, InputStream tar);

  /**
   * Copies a local file or directory into the directory {@code containerDir}: tars it on the fly
   * and calls {@link #putArchive}. Directories keep their relative layout; symlinks are stored as
   * links.
   */
  void copyInto(String id, Path local, String containerDir);
}
