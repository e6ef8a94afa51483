package dev.berth.networks;

import dev.berth.client.EngineClient;
import dev.berth.types.networks.Network;
import dev.berth.types.networks.NetworkCreateResponse;
import dev.berth.types.networks.NetworkPruneResponse;
import java.util.List;
import java.util.function.Consumer;

/**
 * Network operations. Thread-safe. Errors are the {@link dev.berth.client.BerthException} tree:
 * {@link dev.berth.client.TransportException} when the engine cannot be reached,
 * {@link dev.berth.client.EngineException} subclasses for error statuses. Arguments are non-null
 * (a null is a {@link NullPointerException} naming the parameter); results are never null.
 */
public interface NetworkService {

  /** The service over {@code client}. */
  static NetworkService create(EngineClient client) {
    return new DefaultNetworkService(client);
  }

  /**
   * {@code POST /networks/create}: a network named {@code name} with the engine's defaults (a
   * {@code bridge} network on a local engine). A name in use is a
   * {@link dev.berth.client.ConflictException}.
   */
  default NetworkCreateResponse create(String name) {
    return create(name, NetworkCreateOptions.DEFAULT);
  }

  /**
   * {@code POST /networks/create}: a network named {@code name}; returns its ID (and the engine's
   * warning, if any). A name in use is a {@link dev.berth.client.ConflictException}, an unknown
   * driver a {@link dev.berth.client.NotFoundException}, a bad subnet an
   * {@link dev.berth.client.InvalidRequestException}.
   */
  NetworkCreateResponse create(String name, NetworkCreateOptions options);

  /** {@link #create(String, NetworkCreateOptions)} with options set by {@code options}. */
  default NetworkCreateResponse create(String name, Consumer<NetworkCreateOptions.Builder> options) {
    NetworkCreateOptions.Builder b = NetworkCreateOptions.builder();
    options.accept(b);
    return create(name, b.build());
  }

  /** {@code GET /networks}: every network. */
  default List<Network> list() {
    return list(NetworkListOptions.DEFAULT);
  }

  /** {@code GET /networks?filters=}: the networks that match the filters; empty when none. */
  List<Network> list(NetworkListOptions options);

  /** {@link #list(NetworkListOptions)} with options set by {@code options}. */
  default List<Network> list(Consumer<NetworkListOptions.Builder> options) {
    NetworkListOptions.Builder b = NetworkListOptions.builder();
    options.accept(b);
    return list(b.build());
  }

  /**
   * {@code GET /networks/{id}}: the network with this ID or name, its endpoints included. An
   * unknown network is a {@link dev.berth.client.NotFoundException}.
   */
  Network inspect(String id);

  /**
   * {@code POST /networks/{id}/connect}: connects {@code container} (ID or name) to the network
   * with the engine's choice of address.
   */
  default void connect(String id, String container) {
    connect(id, container, NetworkConnectOptions.DEFAULT);
  }

  /**
   * {@code POST /networks/{id}/connect}: connects {@code container} (ID or name) to the network.
   * An unknown network or container is a {@link dev.berth.client.NotFoundException}; an endpoint
   * the engine cannot add (a container in network mode {@code none}, a swarm-scoped network) is
   * an {@link dev.berth.client.EngineException} subclass whose status depends on the engine.
   */
  void connect(String id, String container, NetworkConnectOptions options);

  /** {@link #connect(String, String, NetworkConnectOptions)} with options set by {@code options}. */
  default void connect(String id, String container, Consumer<NetworkConnectOptions.Builder> options) {
    NetworkConnectOptions.Builder b = NetworkConnectOptions.builder();
    options.accept(b);
    connect(id, container, b.build());
  }

  /** {@code POST /networks/{id}/disconnect}: disconnects {@code container} (ID or name). */
  default void disconnect(String id, String container) {
    disconnect(id, container, NetworkDisconnectOptions.DEFAULT);
  }

  /**
   * {@code POST /networks/{id}/disconnect}: disconnects {@code container} (ID or name). An
   * unknown network or container is a {@link dev.berth.client.NotFoundException}.
   */
  void disconnect(String id, String container, NetworkDisconnectOptions options);

  /** {@link #disconnect(String, String, NetworkDisconnectOptions)} with options set by {@code options}. */
  default void disconnect(String id, String container, Consumer<NetworkDisconnectOptions.Builder> options) {
    NetworkDisconnectOptions.Builder b = NetworkDisconnectOptions.builder();
    options.accept(b);
    disconnect(id, container, b.build());
  }

  /**
   * {@code DELETE /networks/{id}}: removes the network. An unknown network is a
   * {@link dev.berth.client.NotFoundException}; a predefined one ({@code bridge}, {@code none})
   * a {@link dev.berth.client.ForbiddenException} on Docker.
   */
  void remove(String id);

  /** {@code POST /networks/prune}: removes every network no container uses. */
  default NetworkPruneResponse prune() {
    return prune(NetworkPruneOptions.DEFAULT);
  }

  /** {@code POST /networks/prune?filters=}: removes the unused networks that match the filters. */
  NetworkPruneResponse prune(NetworkPruneOptions options);

  /** {@link #prune(NetworkPruneOptions)} with options set by {@code options}. */
  default NetworkPruneResponse prune(Consumer<NetworkPruneOptions.Builder> options) {
    NetworkPruneOptions.Builder b = NetworkPruneOptions.builder();
    options.accept(b);
    return prune(b.build());
  }
}
