package dev.berth.types.images;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.List;

/**
 * One manifest of an image in an engine with a multi-platform image store (Docker's containerd
 * image store): a platform variant or an attestation, as in the {@code Manifests} of
 * {@code GET /images/json?manifests=1} (API 1.47+) and {@code GET /images/{name}/json?manifests=1}
 * (API 1.48+). The engine marks the shape experimental.
 *
 * @param id              the manifest's digest, {@code sha256:...}
 * @param descriptor      OCI descriptor of the manifest
 * @param available       whether its config and layers are all present locally
 * @param size            its sizes
 * @param kind            {@code image}, {@code attestation} or {@code unknown}
 * @param imageData       for {@code kind=image}: platform, containers and unpacked size
 * @param attestationData for {@code kind=attestation}: the manifest it attests
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageManifestSummary(
    @JsonProperty("ID") String id,
    @JsonProperty("Descriptor") DistributionInspect.Descriptor descriptor,
    @JsonProperty("Available") Boolean available,
    @JsonProperty("Size") Size size,
    @JsonProperty("Kind") String kind,
    @JsonProperty("ImageData") ImageData imageData,
    @JsonProperty("AttestationData") AttestationData attestationData) {

  /**
   * Sizes of a manifest's content.
   *
   * @param total   all content of the manifest (including what is not unpacked), in bytes
   * @param content the manifest's content in the content store, in bytes
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Size(@JsonProperty("Total") Long total, @JsonProperty("Content") Long content) {
  }

  /**
   * What an image manifest holds.
   *
   * @param platform     the platform it is for
   * @param containers   ids of the containers using it; empty when none
   * @param unpackedSize size of its unpacked layers in the snapshotter, in bytes
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ImageData(
      @JsonProperty("Platform") DistributionInspect.Platform platform,
      @JsonProperty("Containers") List<String> containers,
      @JsonProperty("Size") UnpackedSize unpackedSize) {

    // Normalises missing containers to an empty list.
    public ImageData {
      containers = Normalize.list(containers);
    }
  }

  /**
   * The unpacked size of an image manifest.
   *
   * @param unpacked bytes its layers take unpacked
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record UnpackedSize(@JsonProperty("Unpacked") Long unpacked) {
  }

  /**
   * What an attestation manifest attests.
   *
   * @param forManifest digest of the image manifest it is for
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AttestationData(@JsonProperty("For") String forManifest) {
  }
}
