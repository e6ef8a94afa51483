package dev.berth.types.pods;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.List;
import java.util.Map;

/**
 * A pod in detail, as returned by {@code GET /libpod/pods/{name}/json}.
 *
 * @param id               ID of the pod
 * @param name             the pod's name
 * @param created          when the pod was created, RFC 3339 with nanoseconds
 * @param state            {@code Created}, {@code Running}, {@code Degraded} (some containers
 *                         running), {@code Exited}, {@code Stopped}, {@code Paused}, …
 * @param exitPolicy       what happens when the last container exits: {@code continue} or
 *                         {@code stop}
 * @param hostname         the hostname shared by the pod's containers; empty when not set
 * @param labels           user-defined metadata
 * @param createInfra      whether the pod has an infra container holding its namespaces
 * @param infraContainerId ID of the infra container; empty without one
 * @param sharedNamespaces the namespaces the pod's containers share, e.g. {@code ipc}, {@code net},
 *                         {@code uts}
 * @param cgroupParent     the pod's parent cgroup
 * @param cgroupPath       the pod's own cgroup
 * @param numContainers    how many containers the pod has, the infra container included
 * @param containers       the pod's containers, the infra container included
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Pod(
    @JsonProperty("Id") String id,
    @JsonProperty("Name") String name,
    @JsonProperty("Created") String created,
    @JsonProperty("State") String state,
    @JsonProperty("ExitPolicy") String exitPolicy,
    @JsonProperty("Hostname") String hostname,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("CreateInfra") Boolean createInfra,
    @JsonProperty("InfraContainerID") String infraContainerId,
    @JsonProperty("SharedNamespaces") List<String> sharedNamespaces,
    @JsonProperty("CgroupParent") String cgroupParent,
    @JsonProperty("CgroupPath") String cgroupPath,
    @JsonProperty("NumContainers") Integer numContainers,
    @JsonProperty("Containers") List<Member> containers) {

  // Normalises missing collections to empty ones.
  public Pod {
    labels = Normalize.map(labels);
    sharedNamespaces = Normalize.list(sharedNamespaces);
    containers = Normalize.list(containers);
  }

  /**
   * One container of a pod, as listed in {@link Pod#containers()}.
   *
   * @param id    ID of the container
   * @param name  the container's name (the infra container's is {@code <pod id prefix>-infra})
   * @param state {@code created}, {@code running}, {@code exited}, …
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Member(
      @JsonProperty("Id") String id,
      @JsonProperty("Name") String name,
      @JsonProperty("State") String state) {
  }
}
