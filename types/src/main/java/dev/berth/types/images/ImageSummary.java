package dev.berth.types.images;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.List;
import java.util.Map;

/**
 * One image as listed by {@code GET /images/json} (also used in {@code GET /system/df}).
 *
 * @param id          content-addressable image ID, e.g. {@code sha256:...}
 * @param parentId    ID of the parent image; empty for pulled images
 * @param repoTags    tags referring to the image; empty when untagged
 * @param repoDigests digests of registry manifests referring to the image
 * @param created     when the image was created, in seconds since the epoch
 * @param size        size of the image with all its layers, in bytes
 * @param sharedSize  bytes shared with other images; {@code -1} when not computed
 * @param virtualSize same as {@code size}; deprecated, gone in API 1.44
 * @param labels      user-defined metadata
 * @param containers  number of containers using the image; {@code -1} when not computed
 * @param descriptor  OCI descriptor of the image target (index or manifest); only from a multi-platform
 *                    image store (API 1.48+)
 * @param manifests   the image's manifests, when the list asks for them with
 *                    {@code manifests} (API 1.47+, multi-platform image store); empty otherwise
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageSummary(
    @JsonProperty("Id") String id,
    @JsonProperty("ParentId") String parentId,
    @JsonProperty("RepoTags") List<String> repoTags,
    @JsonProperty("RepoDigests") List<String> repoDigests,
    @JsonProperty("Created") Long created,
    @JsonProperty("Size") Long size,
    @JsonProperty("SharedSize") Long sharedSize,
    @JsonProperty("VirtualSize") Long virtualSize,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("Containers") Integer containers,
    @JsonProperty("Descriptor") DistributionInspect.Descriptor descriptor,
    @JsonProperty("Manifests") List<ImageManifestSummary> manifests) {

  // Normalises missing collections to empty ones.
  public ImageSummary {
    manifests = Normalize.list(manifests);
    repoTags = Normalize.list(repoTags);
    repoDigests = Normalize.list(repoDigests);
    labels = Normalize.map(labels);
  }

  /**
   * The record without the components added later (descriptor, manifests); they are {@code null} or empty.
   */
  public ImageSummary(
      String id,
      String parentId,
      List<String> repoTags,
      List<String> repoDigests,
      Long created,
      Long size,
      Long sharedSize,
      Long virtualSize,
      Map<String, String> labels,
      Integer containers) {
    this(id, parentId, repoTags, repoDigests, created, size, sharedSize, virtualSize, labels, containers, null, null);
  }
}
