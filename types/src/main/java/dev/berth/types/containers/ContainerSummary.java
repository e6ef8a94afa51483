package dev.berth.types.containers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.images.DistributionInspect;
import dev.berth.types.internal.Normalize;
import java.util.List;
import java.util.Map;

/**
 * One container as listed by {@code GET /containers/json} (also used in {@code GET /system/df}).
 *
 * @param id              the container's ID
 * @param names           the container's names, each with a leading {@code /}
 * @param image           image as given when the container was created (name or ID)
 * @param imageId         ID of the image the container was created from
 * @param command         command the container runs, as one string
 * @param created         when the container was created, in seconds since the epoch
 * @param ports           exposed and published ports
 * @param sizeRw          bytes written by the container; only with {@code size=true} and in
 *                        {@code /system/df}
 * @param sizeRootFs      total bytes of the container's file system; only with {@code size=true}
 *                        and in {@code /system/df}
 * @param labels          user-defined metadata
 * @param state           state, e.g. {@code created}, {@code running}, {@code exited}
 * @param status          human-readable status, e.g. {@code Exited (0) 5 minutes ago}
 * @param hostConfig      a few host settings of the container
 * @param networkSettings networks the container is attached to
 * @param mounts          mounts in use
 * @param health          health-check summary (API 1.52+)
 * @param imageManifestDescriptor OCI descriptor of the platform-specific manifest the container was created
 *                from; only from a multi-platform image store (API 1.48+)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerSummary(
    @JsonProperty("Id") String id,
    @JsonProperty("Names") List<String> names,
    @JsonProperty("Image") String image,
    @JsonProperty("ImageID") String imageId,
    @JsonProperty("Command") String command,
    @JsonProperty("Created") Long created,
    @JsonProperty("Ports") List<Port> ports,
    @JsonProperty("SizeRw") Long sizeRw,
    @JsonProperty("SizeRootFs") Long sizeRootFs,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("State") String state,
    @JsonProperty("Status") String status,
    @JsonProperty("HostConfig") HostConfig hostConfig,
    @JsonProperty("NetworkSettings") NetworkSettings networkSettings,
    @JsonProperty("Mounts") List<MountPoint> mounts,
    @JsonProperty("Health") Health health,
    @JsonProperty("ImageManifestDescriptor") DistributionInspect.Descriptor imageManifestDescriptor) {

  // Normalises missing collections to empty ones.
  public ContainerSummary {
    names = Normalize.list(names);
    ports = Normalize.list(ports);
    labels = Normalize.map(labels);
    mounts = Normalize.list(mounts);
  }

  /**
   * The record without the components added later (imageManifestDescriptor); they are {@code null} or empty.
   */
  public ContainerSummary(
      String id,
      List<String> names,
      String image,
      String imageId,
      String command,
      Long created,
      List<Port> ports,
      Long sizeRw,
      Long sizeRootFs,
      Map<String, String> labels,
      String state,
      String status,
      HostConfig hostConfig,
      NetworkSettings networkSettings,
      List<MountPoint> mounts,
      Health health) {
    this(id, names, image, imageId, command, created, ports, sizeRw, sizeRootFs, labels, state, status, hostConfig, networkSettings, mounts, health, null);
  }

  /**
   * The host settings included in a container listing.
   *
   * @param networkMode network mode ({@code bridge}, {@code host}, {@code none},
   *                    {@code container:<id>}) or the name of the primary network
   * @param annotations key/value metadata attached to the container (API 1.46+)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record HostConfig(
      @JsonProperty("NetworkMode") String networkMode,
      @JsonProperty("Annotations") Map<String, String> annotations) {

    // Normalises missing annotations to an empty map.
    public HostConfig {
      annotations = Normalize.map(annotations);
    }
  }

  /**
   * The network part of a container listing.
   *
   * @param networks the container's endpoints, keyed by network name
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record NetworkSettings(
      @JsonProperty("Networks") Map<String, EndpointSettings> networks) {

    // Normalises a missing network map to an empty one.
    public NetworkSettings {
      networks = Normalize.map(networks);
    }
  }

  /**
   * The health-check state in a container listing.
   *
   * @param status        {@code none}, {@code starting}, {@code healthy} or {@code unhealthy}
   * @param failingStreak consecutive failed checks
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Health(
      @JsonProperty("Status") String status,
      @JsonProperty("FailingStreak") Integer failingStreak) {
  }
}
