package dev.berth.bench;

import dev.berth.client.EngineClient;
import dev.berth.client.FrameReader;
import dev.berth.containers.ContainerService;
import dev.berth.containers.ContainerLogsOptions;
import dev.berth.containers.ContainerRemoveOptions;
import dev.berth.containers.WaitCondition;
import dev.berth.types.containers.ContainerCreateRequest;
import dev.berth.types.containers.ContainerInspect;
import dev.berth.types.containers.ContainerSummary;
import java.util.List;
import java.util.Map;

/**
 * Every container operation the benchmarks run through berth, in one place: each is a call to
 * berth's public {@link ContainerService}, so the benchmarks measure what a user's code runs.
 */
public final class BerthContainers {
  private static final ContainerLogsOptions MULTIPLEXED_LOGS =
      ContainerLogsOptions.builder().stdout(true).stderr(true).tty(false).build();

  private final ContainerService containers;

  public BerthContainers(EngineClient client) {
    this.containers = ContainerService.create(client);
  }

  /** Creates a container from {@code image} running {@code cmd}, with no network, labelled. */
  public String create(String image, List<String> cmd, Map<String, String> labels) {
    return containers.create(ContainerCreateRequest.builder().image(image).cmd(cmd).labels(labels)
        .hostConfig(h -> h.networkMode("none")).build()).id();
  }

  public void start(String id) {
    containers.start(id);
  }

  /** Waits for the container to stop; its exit code. */
  public int await(String id) {
    return containers.wait(id, WaitCondition.NOT_RUNNING).statusCode().intValue();
  }

  public void remove(String id, boolean force) {
    containers.remove(id, ContainerRemoveOptions.builder().force(force).volumes(force).build());
  }

  public ContainerInspect inspect(String id) {
    return containers.inspect(id);
  }

  /** All containers (running or not) carrying {@code label} ({@code key} or {@code key=value}). */
  public List<ContainerSummary> listByLabel(String label) {
    return containers.list(o -> o.all(true).label(label));
  }

  /** The multiplexed stdout and stderr of a non-TTY container, up to now. */
  public FrameReader logs(String id) {
    return containers.logs(id, MULTIPLEXED_LOGS);
  }

  /** The service itself, for benchmarks that want more than these calls. */
  public ContainerService service() {
    return containers;
  }
}
