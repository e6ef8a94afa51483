package dev.berth.pods;

import dev.berth.client.EngineClient;
import dev.berth.types.containers.ContainerCreateResponse;
import dev.berth.types.pods.PlayKubeReport;
import dev.berth.types.pods.Pod;
import dev.berth.types.pods.PodContainer;
import dev.berth.types.pods.PodSummary;
import java.util.List;
import java.util.function.Consumer;

/**
 * Podman pods, through Podman's own (libpod) API at {@code /v{libpod version}/libpod/…}.
 * Thread-safe. Errors are the {@link dev.berth.client.BerthException} tree: on an engine that is
 * not Podman every method fails with {@link dev.berth.client.UnsupportedEngineException} before
 * its request is sent; {@link dev.berth.client.TransportException} when the engine cannot be
 * reached; {@link dev.berth.client.EngineException} subclasses for error statuses (an unknown pod
 * is a {@link dev.berth.client.NotFoundException}). Arguments are non-null (a null is a
 * {@link NullPointerException} naming the parameter); results are never null.
 */
public interface PodService {

  /** The service over {@code client}. */
  static PodService create(EngineClient client) {
    return new DefaultPodService(client);
  }

  /** {@code POST /libpod/pods/create}: a pod named {@code name} with the engine's defaults; returns its ID. */
  default String create(String name) {
    return create(name, PodCreateOptions.DEFAULT);
  }

  /**
   * {@code POST /libpod/pods/create}: a pod named {@code name}; returns its ID. A name in use is a
   * {@link dev.berth.client.ConflictException}.
   */
  String create(String name, PodCreateOptions options);

  /** {@link #create(String, PodCreateOptions)} with options set by {@code options}. */
  default String create(String name, Consumer<PodCreateOptions.Builder> options) {
    PodCreateOptions.Builder b = PodCreateOptions.builder();
    options.accept(b);
    return create(name, b.build());
  }

  /** {@code GET /libpod/pods/json}: every pod. */
  default List<PodSummary> list() {
    return list(PodListOptions.DEFAULT);
  }

  /**
   * {@code GET /libpod/pods/json?filters=}: the pods that match the filters; empty when none. An
   * unknown filter is a {@link dev.berth.client.ServerErrorException} on Podman 4.3 (its 500).
   */
  List<PodSummary> list(PodListOptions options);

  /** {@link #list(PodListOptions)} with options set by {@code options}. */
  default List<PodSummary> list(Consumer<PodListOptions.Builder> options) {
    PodListOptions.Builder b = PodListOptions.builder();
    options.accept(b);
    return list(b.build());
  }

  /** {@code GET /libpod/pods/{name}/json}: the pod with this name or ID, its containers included. */
  Pod inspect(String name);

  /** {@code GET /libpod/pods/{name}/exists}: whether a pod with this name or ID exists. */
  boolean exists(String name);

  /**
   * {@code POST /libpod/pods/{name}/start}: starts the pod's containers (the infra container
   * first); exited containers of a {@code Degraded} pod run again.
   *
   * @return true when started, false when every container was running already (the engine's 304)
   * @throws dev.berth.client.ConflictException when a container cannot start (Podman's 409)
   */
  boolean start(String name);

  /**
   * {@code POST /libpod/pods/{name}/stop}: stops the pod's containers, each with its stop timeout.
   * See {@link #stop(String, PodStopOptions)}.
   */
  default boolean stop(String name) {
    return stop(name, PodStopOptions.DEFAULT);
  }

  /**
   * {@code POST /libpod/pods/{name}/stop?t=}: sends each container its stop signal, then
   * {@code SIGKILL} after the timeout. Waits without a read timeout.
   *
   * @return true when stopped, false for the engine's 304: Podman 4.3 answers it for every pod
   *     not in state {@code Running}, a {@code Degraded} one too (some containers exited), and then
   *     leaves the rest (the infra container) running: {@link #kill} or a forced {@link #remove}
   *     ends those
   */
  boolean stop(String name, PodStopOptions options);

  /** {@link #stop(String, PodStopOptions)} with options set by {@code options}. */
  default boolean stop(String name, Consumer<PodStopOptions.Builder> options) {
    PodStopOptions.Builder b = PodStopOptions.builder();
    options.accept(b);
    return stop(name, b.build());
  }

  /** {@code POST /libpod/pods/{name}/kill}: sends {@code SIGKILL} to the pod's containers. */
  default void kill(String name) {
    kill(name, PodKillOptions.DEFAULT);
  }

  /**
   * {@code POST /libpod/pods/{name}/kill?signal=}: sends the signal to the pod's running containers.
   *
   * @throws dev.berth.client.ConflictException when no container of the pod runs
   */
  void kill(String name, PodKillOptions options);

  /** {@link #kill(String, PodKillOptions)} with options set by {@code options}. */
  default void kill(String name, Consumer<PodKillOptions.Builder> options) {
    PodKillOptions.Builder b = PodKillOptions.builder();
    options.accept(b);
    kill(name, b.build());
  }

  /** {@code DELETE /libpod/pods/{name}}: removes a pod none of whose containers runs, with its containers. */
  default void remove(String name) {
    remove(name, PodRemoveOptions.DEFAULT);
  }

  /**
   * {@code DELETE /libpod/pods/{name}?force=}: removes the pod and its containers. Without
   * {@code force} a running container is a {@link dev.berth.client.ServerErrorException} on Podman
   * 4.3 (its 500); with it, each running container is stopped with its own stop timeout first.
   * Waits without a read timeout.
   */
  void remove(String name, PodRemoveOptions options);

  /** {@link #remove(String, PodRemoveOptions)} with options set by {@code options}. */
  default void remove(String name, Consumer<PodRemoveOptions.Builder> options) {
    PodRemoveOptions.Builder b = PodRemoveOptions.builder();
    options.accept(b);
    remove(name, b.build());
  }

  /**
   * {@code POST /libpod/containers/create}: a container of {@code image} inside the pod (name or
   * ID), sharing the pod's namespaces; returns its ID. Start it with the pod, or on its own through
   * the container API. Podman 4.3 answers an unknown pod or image with a 500, a
   * {@link dev.berth.client.ServerErrorException} ({@code no such pod}, {@code image not known}).
   */
  ContainerCreateResponse createContainer(String pod, String image, PodCreateContainerOptions options);

  /** {@link #createContainer(String, String, PodCreateContainerOptions)} with options set by {@code options}. */
  default ContainerCreateResponse createContainer(String pod, String image,
      Consumer<PodCreateContainerOptions.Builder> options) {
    PodCreateContainerOptions.Builder b = PodCreateContainerOptions.builder();
    options.accept(b);
    return createContainer(pod, image, b.build());
  }

  /**
   * {@code GET /libpod/containers/json?all=true&filters={"pod":[…]}}: the pod's containers, running
   * or not, the infra container included. Empty for an unknown pod (Podman filters, it does not
   * look the pod up).
   */
  List<PodContainer> containers(String pod);

  /**
   * {@code POST /libpod/play/kube}: creates (and by default starts) the pods, containers and
   * volumes a Kubernetes YAML text describes. A container that fails to start does not fail the
   * call: it is listed in {@link PlayKubeReport.CreatedPod#containerErrors()}. Podman 4.3 answers
   * a pod name in use and unreadable YAML with a 500, a
   * {@link dev.berth.client.ServerErrorException}. Waits without a read timeout.
   */
  PlayKubeReport playKube(String yaml, PodPlayKubeOptions options);

  /** {@link #playKube(String, PodPlayKubeOptions)} with options set by {@code options}. */
  default PlayKubeReport playKube(String yaml, Consumer<PodPlayKubeOptions.Builder> options) {
    PodPlayKubeOptions.Builder b = PodPlayKubeOptions.builder();
    options.accept(b);
    return playKube(yaml, b.build());
  }

  /**
   * {@code DELETE /libpod/play/kube}: stops and removes the pods the Kubernetes YAML text
   * describes (matched by name), with their containers. Waits without a read timeout.
   */
  PlayKubeReport playKubeDown(String yaml);
}
