package dev.berth.types.pods;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.List;

/**
 * The answer to {@code POST /libpod/play/kube} (what was created from the Kubernetes YAML) and to
 * {@code DELETE /libpod/play/kube} (what was stopped and removed).
 *
 * @param pods    the pods created; empty for a tear-down
 * @param stopped the pods stopped by a tear-down; empty otherwise
 * @param removed the pods removed by a tear-down; empty otherwise
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlayKubeReport(
    @JsonProperty("Pods") List<CreatedPod> pods,
    @JsonProperty("StopReport") List<PodRef> stopped,
    @JsonProperty("RmReport") List<PodRef> removed) {

  // Normalises missing lists to empty ones.
  public PlayKubeReport {
    pods = Normalize.list(pods);
    stopped = Normalize.list(stopped);
    removed = Normalize.list(removed);
  }

  /**
   * A pod created from the YAML.
   *
   * @param id              ID of the pod
   * @param containers      IDs of its containers (the infra container not included)
   * @param initContainers  IDs of its init containers
   * @param containerErrors why containers did not start; the pod and containers exist all the same
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CreatedPod(
      @JsonProperty("ID") String id,
      @JsonProperty("Containers") List<String> containers,
      @JsonProperty("InitContainers") List<String> initContainers,
      @JsonProperty("ContainerErrors") List<String> containerErrors) {

    // Normalises missing lists to empty ones.
    public CreatedPod {
      containers = Normalize.list(containers);
      initContainers = Normalize.list(initContainers);
      containerErrors = Normalize.list(containerErrors);
    }
  }

  /**
   * A pod a tear-down acted on.
   *
   * @param id ID of the pod
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PodRef(@JsonProperty("Id") String id) {
  }
}
