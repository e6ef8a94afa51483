package dev.berth.types.pods;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.List;
import java.util.Map;

/**
 * A container as Podman's own list reports it ({@code GET /libpod/containers/json}), with the pod
 * it belongs to.
 *
 * @param id       ID of the container
 * @param names    the container's names
 * @param image    the image name it was created from
 * @param imageId  ID of that image
 * @param command  the command it runs; empty for the image's default
 * @param created  when it was created, RFC 3339 with nanoseconds
 * @param state    {@code created}, {@code running}, {@code exited}, …
 * @param exited   whether it has exited
 * @param exitCode its exit code, once exited
 * @param infra    whether it is its pod's infra container
 * @param pod      ID of its pod; empty outside a pod
 * @param podName  name of its pod; empty outside a pod
 * @param labels   user-defined metadata
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PodContainer(
    @JsonProperty("Id") String id,
    @JsonProperty("Names") List<String> names,
    @JsonProperty("Image") String image,
    @JsonProperty("ImageID") String imageId,
    @JsonProperty("Command") List<String> command,
    @JsonProperty("Created") String created,
    @JsonProperty("State") String state,
    @JsonProperty("Exited") Boolean exited,
    @JsonProperty("ExitCode") Integer exitCode,
    @JsonProperty("IsInfra") Boolean infra,
    @JsonProperty("Pod") String pod,
    @JsonProperty("PodName") String podName,
    @JsonProperty("Labels") Map<String, String> labels) {

  // Normalises missing collections to empty ones.
  public PodContainer {
    names = Normalize.list(names);
    command = Normalize.list(command);
    labels = Normalize.map(labels);
  }
}
