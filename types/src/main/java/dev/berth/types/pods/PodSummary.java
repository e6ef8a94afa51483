package dev.berth.types.pods;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.List;
import java.util.Map;

/**
 * A pod as listed by {@code GET /libpod/pods/json}.
 *
 * @param id         ID of the pod
 * @param name       the pod's name
 * @param status     {@code Created}, {@code Running}, {@code Degraded}, {@code Exited}, …
 * @param created    when the pod was created, RFC 3339 with nanoseconds
 * @param labels     user-defined metadata
 * @param infraId    ID of the infra container; empty without one
 * @param cgroup     the pod's parent cgroup
 * @param namespace  the libpod namespace; usually empty
 * @param networks   the networks the pod is on; empty for network mode {@code none}
 * @param containers the pod's containers, the infra container included
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PodSummary(
    @JsonProperty("Id") String id,
    @JsonProperty("Name") String name,
    @JsonProperty("Status") String status,
    @JsonProperty("Created") String created,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("InfraId") String infraId,
    @JsonProperty("Cgroup") String cgroup,
    @JsonProperty("Namespace") String namespace,
    @JsonProperty("Networks") List<String> networks,
    @JsonProperty("Containers") List<Member> containers) {

  // Normalises missing collections to empty ones.
  public PodSummary {
    labels = Normalize.map(labels);
    networks = Normalize.list(networks);
    containers = Normalize.list(containers);
  }

  /**
   * One container of a listed pod.
   *
   * @param id     ID of the container
   * @param names  the container's name (one name, despite the plural the API gives it)
   * @param status {@code created}, {@code running}, {@code exited}, …
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Member(
      @JsonProperty("Id") String id,
      @JsonProperty("Names") String names,
      @JsonProperty("Status") String status) {
  }
}
