package dev.berth.volumes;

import dev.berth.client.DockerOperations;
import dev.berth.client.EngineClient;
import dev.berth.client.Filters;
import dev.berth.client.MalformedResponseException;
import dev.berth.client.Operation;
import dev.berth.transport.Request;
import dev.berth.types.volumes.Volume;
import dev.berth.types.volumes.VolumeListResponse;
import dev.berth.types.volumes.VolumePruneResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

final class DefaultVolumeService implements VolumeService {
  static final Operation CREATE = DockerOperations.VOLUME_CREATE;
  static final Operation LIST = DockerOperations.VOLUME_LIST;
  static final Operation INSPECT = DockerOperations.VOLUME_INSPECT;
  static final Operation DELETE = DockerOperations.VOLUME_DELETE;
  static final Operation PRUNE = DockerOperations.VOLUME_PRUNE;

  private final EngineClient client;

  DefaultVolumeService(EngineClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  private static String require(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  /** A JSON object answer; an empty body where the API promises one is malformed, never null. */
  private <T> T object(Request r, Class<T> type) {
    T value = client.call(r, type);
    if (value == null) {
      throw new MalformedResponseException(r.operationId() + ": empty answer, expected " + type.getSimpleName(), null);
    }
    return value;
  }

  private void filters(Request.Builder b, Filters filters) {
    if (!filters.isEmpty()) {
      b.query("filters", client.toJson(filters.asMap()));
    }
  }

  @Override
  public Volume create(VolumeCreateOptions options) {
    Objects.requireNonNull(options, "options");
    Map<String, Object> body = new LinkedHashMap<>();
    if (options.name() != null) {
      body.put("Name", options.name());
    }
    if (options.driver() != null) {
      body.put("Driver", options.driver());
    }
    if (!options.driverOptions().isEmpty()) {
      body.put("DriverOpts", options.driverOptions());
    }
    if (!options.labels().isEmpty()) {
      body.put("Labels", options.labels());
    }
    return object(client.request(CREATE).body(client.jsonBody(body)).build(), Volume.class);
  }

  @Override
  public VolumeListResponse list(VolumeListOptions options) {
    Request.Builder b = client.request(LIST);
    filters(b, Objects.requireNonNull(options, "options").filters());
    return object(b.build(), VolumeListResponse.class);
  }

  @Override
  public Volume inspect(String name) {
    return object(client.request(INSPECT, require(name, "name")).build(), Volume.class);
  }

  @Override
  public void remove(String name, VolumeRemoveOptions options) {
    Request.Builder b = client.request(DELETE, require(name, "name"));
    if (Objects.requireNonNull(options, "options").force()) {
      b.query("force", "true");
    }
    client.execute(b.build());
  }

  @Override
  public VolumePruneResponse prune(VolumePruneOptions options) {
    Request.Builder b = client.request(PRUNE).readTimeout(Duration.ZERO); // no head until done
    filters(b, Objects.requireNonNull(options, "options").filters());
    return object(b.build(), VolumePruneResponse.class);
  }

  @Override
  public String toString() {
    return "VolumeService[" + client + "]";
  }
}
