package dev.berth.types.system;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.List;

/**
 * This node's Swarm membership, part of {@link SystemInfo} ({@code GET /info}).
 *
 * <p>A subset of the API's object: the cluster details a manager adds ({@code Cluster}) are not
 * mapped and are ignored when decoding.
 *
 * @param nodeId           the node's ID in the swarm; empty when not part of one
 * @param nodeAddr         address other nodes use to reach this node
 * @param localNodeState   {@code ""}, {@code inactive}, {@code pending}, {@code active},
 *                         {@code error} or {@code locked}
 * @param controlAvailable whether this node is a manager
 * @param error            the last error, if any
 * @param remoteManagers   managers known to this node
 * @param nodes            number of nodes in the swarm (managers only)
 * @param managers         number of managers in the swarm (managers only)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SwarmInfo(
    @JsonProperty("NodeID") String nodeId,
    @JsonProperty("NodeAddr") String nodeAddr,
    @JsonProperty("LocalNodeState") String localNodeState,
    @JsonProperty("ControlAvailable") Boolean controlAvailable,
    @JsonProperty("Error") String error,
    @JsonProperty("RemoteManagers") List<PeerNode> remoteManagers,
    @JsonProperty("Nodes") Integer nodes,
    @JsonProperty("Managers") Integer managers) {

  // Normalises a missing manager list to an empty one.
  public SwarmInfo {
    remoteManagers = Normalize.list(remoteManagers);
  }

  /**
   * Another node of the swarm.
   *
   * @param nodeId the node's ID in the swarm
   * @param addr   the node's address, {@code host:port}
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PeerNode(
      @JsonProperty("NodeID") String nodeId,
      @JsonProperty("Addr") String addr) {
  }
}
