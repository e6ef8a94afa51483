package dev.berth.pods;

import static dev.berth.pods.Checks.require;

import dev.berth.client.EngineClient;
import dev.berth.client.Filters;
import dev.berth.client.MalformedResponseException;
import dev.berth.client.NotFoundException;
import dev.berth.client.NotModifiedException;
import dev.berth.client.Operation;
import dev.berth.client.internal.Signals;
import dev.berth.transport.Request;
import dev.berth.transport.RequestBody;
import dev.berth.types.containers.ContainerCreateResponse;
import dev.berth.types.pods.PlayKubeReport;
import dev.berth.types.pods.Pod;
import dev.berth.types.pods.PodContainer;
import dev.berth.types.pods.PodSummary;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

final class DefaultPodService implements PodService {
  static final Operation CREATE = Operation.of("PodCreateLibpod", "POST", "/libpod/pods/create");
  static final Operation LIST = Operation.of("PodListLibpod", "GET", "/libpod/pods/json");
  static final Operation INSPECT = Operation.of("PodInspectLibpod", "GET", "/libpod/pods/{name}/json");
  static final Operation EXISTS = Operation.of("PodExistsLibpod", "GET", "/libpod/pods/{name}/exists");
  static final Operation START = Operation.of("PodStartLibpod", "POST", "/libpod/pods/{name}/start");
  static final Operation STOP = Operation.of("PodStopLibpod", "POST", "/libpod/pods/{name}/stop");
  static final Operation KILL = Operation.of("PodKillLibpod", "POST", "/libpod/pods/{name}/kill");
  static final Operation DELETE = Operation.of("PodDeleteLibpod", "DELETE", "/libpod/pods/{name}");
  static final Operation CONTAINER_CREATE = Operation.of("ContainerCreateLibpod", "POST", "/libpod/containers/create");
  static final Operation PLAY_KUBE = Operation.of("PlayKubeLibpod", "POST", "/libpod/play/kube");
  static final Operation PLAY_KUBE_DOWN = Operation.of("PlayKubeDownLibpod", "DELETE", "/libpod/play/kube");
  static final Operation CONTAINER_LIST = Operation.of("ContainerListLibpod", "GET", "/libpod/containers/json");

  private final EngineClient client;

  DefaultPodService(EngineClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /** A JSON object answer; an empty body where the API promises one is malformed, never null. */
  private <T> T object(Request r, Class<T> type) {
    T value = client.call(r, type);
    if (value == null) {
      throw new MalformedResponseException(r.operationId() + ": empty answer, expected " + type.getSimpleName(), null);
    }
    return value;
  }

  private static String id(Map<?, ?> answer, Operation op) {
    Object id = answer.get("Id");
    if (!(id instanceof String) || ((String) id).isEmpty()) {
      throw new MalformedResponseException(op.id() + ": answer without an Id", null);
    }
    return (String) id;
  }

  @Override
  public String create(String name, PodCreateOptions options) {
    require(name, "name");
    Objects.requireNonNull(options, "options");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    if (!options.labels().isEmpty()) {
      body.put("labels", options.labels());
    }
    if (!options.infra()) {
      body.put("no_infra", true);
    }
    if (!options.share().isEmpty()) {
      body.put("share", options.share());
    }
    if (options.networkMode() != null) {
      body.put("netns", Map.of("nsmode", options.networkMode()));
    }
    if (options.hostname() != null) {
      body.put("hostname", options.hostname());
    }
    if (options.exitPolicy() != null) {
      body.put("exit_policy", options.exitPolicy());
    }
    return id(object(client.request(CREATE).body(client.jsonBody(body)).build(), Map.class), CREATE);
  }

  @Override
  public List<PodSummary> list(PodListOptions options) {
    Request.Builder b = client.request(LIST);
    filters(b, Objects.requireNonNull(options, "options").filters());
    return client.callList(b.build(), PodSummary.class);
  }

  private void filters(Request.Builder b, Filters filters) {
    if (!filters.isEmpty()) {
      b.query("filters", client.toJson(filters.asMap()));
    }
  }

  @Override
  public Pod inspect(String name) {
    return object(client.request(INSPECT, require(name, "name")).build(), Pod.class);
  }

  @Override
  public boolean exists(String name) {
    try {
      client.execute(client.request(EXISTS, require(name, "name")).build());
      return true;
    } catch (NotFoundException absent) {
      return false;
    }
  }

  @Override
  public boolean start(String name) {
    try {
      client.execute(client.request(START, require(name, "name")).readTimeout(Duration.ZERO).build());
      return true;
    } catch (NotModifiedException alreadyRunning) {
      return false;
    }
  }

  @Override
  public boolean stop(String name, PodStopOptions options) {
    require(name, "name");
    Objects.requireNonNull(options, "options");
    Request r = client.request(STOP, name).query("t", Signals.seconds(options.timeout()))
        .readTimeout(Duration.ZERO).build();
    try {
      client.execute(r);
      return true;
    } catch (NotModifiedException notRunning) {
      return false;
    }
  }

  @Override
  public void kill(String name, PodKillOptions options) {
    require(name, "name");
    Objects.requireNonNull(options, "options");
    client.execute(client.request(KILL, name).query("signal", options.signal()).build());
  }

  @Override
  public void remove(String name, PodRemoveOptions options) {
    require(name, "name");
    Objects.requireNonNull(options, "options");
    client.execute(client.request(DELETE, name).query("force", options.force() ? "true" : null)
        .readTimeout(Duration.ZERO).build());
  }

  @Override
  public ContainerCreateResponse createContainer(String pod, String image, PodCreateContainerOptions options) {
    require(pod, "pod");
    require(image, "image");
    Objects.requireNonNull(options, "options");
    Map<String, Object> body = new LinkedHashMap<>();
    if (options.name() != null) {
      body.put("name", options.name());
    }
    body.put("image", image);
    body.put("pod", pod);
    if (!options.command().isEmpty()) {
      body.put("command", options.command());
    }
    if (!options.env().isEmpty()) {
      body.put("env", options.env());
    }
    if (!options.labels().isEmpty()) {
      body.put("labels", options.labels());
    }
    if (options.stopTimeout() != null) {
      body.put("stop_timeout", Signals.seconds(options.stopTimeout()));
    }
    ContainerCreateResponse created = object(client.request(CONTAINER_CREATE).body(client.jsonBody(body)).build(),
        ContainerCreateResponse.class);
    if (created.id() == null) {
      throw new MalformedResponseException(CONTAINER_CREATE.id() + ": answer without an Id", null);
    }
    return created;
  }

  @Override
  public List<PodContainer> containers(String pod) {
    Filters f = Filters.builder().add("pod", require(pod, "pod")).build();
    Request r = client.request(CONTAINER_LIST).query("all", "true").query("filters", client.toJson(f.asMap())).build();
    return client.callList(r, PodContainer.class);
  }

  @Override
  public PlayKubeReport playKube(String yaml, PodPlayKubeOptions options) {
    Request.Builder b = client.request(PLAY_KUBE).body(yaml(yaml)).readTimeout(Duration.ZERO);
    Objects.requireNonNull(options, "options").networks().forEach(n -> b.query("network", n));
    b.query("start", Boolean.toString(options.start()));
    return object(b.build(), PlayKubeReport.class);
  }

  @Override
  public PlayKubeReport playKubeDown(String yaml) {
    return object(client.request(PLAY_KUBE_DOWN).body(yaml(yaml)).readTimeout(Duration.ZERO).build(),
        PlayKubeReport.class);
  }

  private static RequestBody yaml(String yaml) {
    return RequestBody.of(require(yaml, "yaml").getBytes(StandardCharsets.UTF_8), "application/x-yaml");
  }

  @Override
  public String toString() {
    return "PodService[" + client + "]";
  }
}
