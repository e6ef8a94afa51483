package dev.berth.networks;

import dev.berth.client.DockerOperations;
import dev.berth.client.EngineClient;
import dev.berth.client.Filters;
import dev.berth.client.MalformedResponseException;
import dev.berth.client.Operation;
import dev.berth.transport.Request;
import dev.berth.types.containers.EndpointSettings;
import dev.berth.types.networks.Network;
import dev.berth.types.networks.NetworkCreateResponse;
import dev.berth.types.networks.NetworkPruneResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

final class DefaultNetworkService implements NetworkService {
  static final Operation CREATE = DockerOperations.NETWORK_CREATE;
  static final Operation LIST = DockerOperations.NETWORK_LIST;
  static final Operation INSPECT = DockerOperations.NETWORK_INSPECT;
  static final Operation CONNECT = DockerOperations.NETWORK_CONNECT;
  static final Operation DISCONNECT = DockerOperations.NETWORK_DISCONNECT;
  static final Operation DELETE = DockerOperations.NETWORK_DELETE;
  static final Operation PRUNE = DockerOperations.NETWORK_PRUNE;

  private final EngineClient client;

  DefaultNetworkService(EngineClient client) {
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
  public NetworkCreateResponse create(String name, NetworkCreateOptions options) {
    require(name, "name");
    Objects.requireNonNull(options, "options");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Name", name);
    // without it, Docker 1.41 lets two networks share a name (later versions always check)
    body.put("CheckDuplicate", true);
    if (options.driver() != null) {
      body.put("Driver", options.driver());
    }
    if (options.internal()) {
      body.put("Internal", true);
    }
    if (options.attachable()) {
      body.put("Attachable", true);
    }
    if (options.enableIpv6()) {
      body.put("EnableIPv6", true);
    }
    if (!options.ipamConfig().isEmpty() || options.ipamDriver() != null) {
      Map<String, Object> ipam = new LinkedHashMap<>();
      if (options.ipamDriver() != null) {
        ipam.put("Driver", options.ipamDriver());
      }
      ipam.put("Config", options.ipamConfig());
      body.put("IPAM", ipam);
    }
    if (!options.driverOptions().isEmpty()) {
      body.put("Options", options.driverOptions());
    }
    if (!options.labels().isEmpty()) {
      body.put("Labels", options.labels());
    }
    NetworkCreateResponse created = object(client.request(CREATE).body(client.jsonBody(body)).build(),
        NetworkCreateResponse.class);
    if (created.id() == null) {
      throw new MalformedResponseException(CREATE.id() + ": answer without an Id", null);
    }
    return created;
  }

  @Override
  public List<Network> list(NetworkListOptions options) {
    Request.Builder b = client.request(LIST);
    filters(b, Objects.requireNonNull(options, "options").filters());
    return client.callList(b.build(), Network.class);
  }

  @Override
  public Network inspect(String id) {
    return object(client.request(INSPECT, require(id, "id")).build(), Network.class);
  }

  @Override
  public void connect(String id, String container, NetworkConnectOptions options) {
    require(id, "id");
    require(container, "container");
    Objects.requireNonNull(options, "options");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Container", container);
    EndpointSettings endpoint = options.endpoint();
    if (endpoint != null) {
      body.put("EndpointConfig", endpoint);
    }
    client.execute(client.request(CONNECT, id).body(client.jsonBody(body)).build());
  }

  @Override
  public void disconnect(String id, String container, NetworkDisconnectOptions options) {
    require(id, "id");
    require(container, "container");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Container", container);
    if (Objects.requireNonNull(options, "options").force()) {
      body.put("Force", true);
    }
    client.execute(client.request(DISCONNECT, id).body(client.jsonBody(body)).build());
  }

  @Override
  public void remove(String id) {
    client.execute(client.request(DELETE, require(id, "id")).build());
  }

  @Override
  public NetworkPruneResponse prune(NetworkPruneOptions options) {
    Request.Builder b = client.request(PRUNE).readTimeout(Duration.ZERO); // no head until done
    filters(b, Objects.requireNonNull(options, "options").filters());
    return object(b.build(), NetworkPruneResponse.class);
  }

  @Override
  public String toString() {
    return "NetworkService[" + client + "]";
  }
}
