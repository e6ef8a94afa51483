package dev.berth.bench;

import dev.berth.types.containers.ContainerInspect;

import dev.berth.client.EngineClient;
import dev.berth.client.Filters;
import dev.berth.client.FrameReader;
import dev.berth.client.Operation;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import dev.berth.types.containers.ContainerSummary;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every container operation the benchmarks run through berth, in one place. Today it goes through
 * berth's raw API ({@link EngineClient#call}, {@link Operation} constants as a service would keep
 * them); when {@code dev.berth.containers.ContainerService} lands, each method becomes a one-line
 * call to it (inspect already decodes into berth's own {@link ContainerInspect}), and the benchmarks
 * measure the service without any other change.
 */
public final class BerthContainers {
  static final Operation CREATE = Operation.of("ContainerCreate", "POST", "/containers/create");
  static final Operation START = Operation.of("ContainerStart", "POST", "/containers/{id}/start");
  static final Operation WAIT = Operation.of("ContainerWait", "POST", "/containers/{id}/wait");
  static final Operation DELETE = Operation.of("ContainerDelete", "DELETE", "/containers/{id}");
  static final Operation INSPECT = Operation.of("ContainerInspect", "GET", "/containers/{id}/json");
  static final Operation LIST = Operation.of("ContainerList", "GET", "/containers/json");
  static final Operation LOGS = Operation.of("ContainerLogs", "GET", "/containers/{id}/logs");

  /** The answer of create. */
  public record Created(@com.fasterxml.jackson.annotation.JsonProperty("Id") String id) {}

  /** The answer of wait. */
  @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
  public record Exited(@com.fasterxml.jackson.annotation.JsonProperty("StatusCode") int statusCode) {}

  private final EngineClient client;

  public BerthContainers(EngineClient client) {
    this.client = client;
  }

  /** {@code POST /containers/create}: {@code image} running {@code cmd}, no network, labelled. */
  public String create(String image, List<String> cmd, Map<String, String> labels) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("Image", image);
    spec.put("Cmd", cmd);
    spec.put("Labels", labels);
    spec.put("HostConfig", Map.of("NetworkMode", "none"));
    Request r = client.request(CREATE).body(client.jsonBody(spec)).build();
    return client.call(r, Created.class).id();
  }

  /** {@code POST /containers/{id}/start}. */
  public void start(String id) {
    client.execute(client.request(START, id).build());
  }

  /** {@code POST /containers/{id}/wait}: the exit code. */
  public int await(String id) {
    return client.call(client.request(WAIT, id).readTimeout(Duration.ZERO).build(), Exited.class).statusCode();
  }

  /** {@code DELETE /containers/{id}}. */
  public void remove(String id, boolean force) {
    client.execute(client.request(DELETE, id).query("force", force ? "1" : null).build());
  }

  /** {@code GET /containers/{id}/json}. */
  public ContainerInspect inspect(String id) {
    return client.call(client.request(INSPECT, id).build(), ContainerInspect.class);
  }

  /** {@code GET /containers/json?all=1&filters={"label":[label]}}. */
  public List<ContainerSummary> listByLabel(String label) {
    Filters filters = Filters.builder().add("label", label).build();
    Request r = client.request(LIST).query("all", "1").query("filters", client.toJson(filters.asMap())).build();
    return client.callList(r, ContainerSummary.class);
  }

  /** {@code GET /containers/{id}/logs?stdout=1&stderr=1}: the multiplexed output of a non-TTY container. */
  public FrameReader logs(String id) {
    Request r = client.request(LOGS, id).query("stdout", "1").query("stderr", "1")
        .readTimeout(Duration.ZERO).build();
    Response response = client.call(r);
    return new FrameReader(response.body().stream(), true, "ContainerLogs");
  }
}
