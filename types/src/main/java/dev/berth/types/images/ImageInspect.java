package dev.berth.types.images;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.containers.ContainerConfig;
import dev.berth.types.internal.Normalize;
import java.util.List;
import java.util.Map;

/**
 * Everything the engine knows about one local image, {@code GET /images/{name}/json}.
 *
 * <p>Fields an engine omits decode as {@code null}, collections as empty. Docker 20.10 sends
 * {@code Variant} and {@code OsVersion} only when set, and {@code Container} and
 * {@code ContainerConfig} are legacy fields (empty for images not built by the classic builder;
 * gone in API 1.45).
 *
 * @param id              the image ID, {@code sha256:} and the digest of its configuration
 * @param repoTags        names ({@code repo:tag}) that refer to the image; empty when untagged
 * @param repoDigests     {@code repo@sha256:...} digests of registry manifests of the image,
 *                        known after a pull or push
 * @param parent          ID of the parent image (classic builds and commits); empty otherwise
 * @param comment         the commit message or import message
 * @param created         when the image was created, RFC 3339 with nanoseconds
 * @param container       ID of the container the image was committed from (legacy)
 * @param containerConfig configuration of that container (legacy)
 * @param dockerVersion   version of the engine that built the image
 * @param author          the author given at commit or by {@code MAINTAINER}
 * @param config          the configuration containers of this image start with
 * @param architecture    CPU architecture, e.g. {@code amd64}
 * @param variant         CPU variant, e.g. {@code v7}
 * @param os              operating system, e.g. {@code linux}
 * @param osVersion       operating system version (Windows)
 * @param size            bytes of all layers
 * @param virtualSize     same as {@code size}; deprecated, gone in API 1.44
 * @param graphDriver     where the storage driver keeps the image's layers
 * @param rootFs          the layer digests
 * @param metadata        local metadata: when the image was last tagged
 * @param descriptor  OCI descriptor of the image target; only from a multi-platform image store (API 1.48+)
 * @param manifests   the image's manifests when asked for (API 1.48+, multi-platform image store); empty otherwise
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageInspect(
    @JsonProperty("Id") String id,
    @JsonProperty("RepoTags") List<String> repoTags,
    @JsonProperty("RepoDigests") List<String> repoDigests,
    @JsonProperty("Parent") String parent,
    @JsonProperty("Comment") String comment,
    @JsonProperty("Created") String created,
    @JsonProperty("Container") String container,
    @JsonProperty("ContainerConfig") ContainerConfig containerConfig,
    @JsonProperty("DockerVersion") String dockerVersion,
    @JsonProperty("Author") String author,
    @JsonProperty("Config") ContainerConfig config,
    @JsonProperty("Architecture") String architecture,
    @JsonProperty("Variant") String variant,
    @JsonProperty("Os") String os,
    @JsonProperty("OsVersion") String osVersion,
    @JsonProperty("Size") Long size,
    @JsonProperty("VirtualSize") Long virtualSize,
    @JsonProperty("GraphDriver") GraphDriver graphDriver,
    @JsonProperty("RootFS") RootFs rootFs,
    @JsonProperty("Metadata") Metadata metadata,
    @JsonProperty("Descriptor") DistributionInspect.Descriptor descriptor,
    @JsonProperty("Manifests") List<ImageManifestSummary> manifests) {

  // Normalises missing collections to empty ones.
  public ImageInspect {
    manifests = Normalize.list(manifests);
    repoTags = Normalize.list(repoTags);
    repoDigests = Normalize.list(repoDigests);
  }

  /**
   * The record without the components added later (descriptor, manifests); they are {@code null} or empty.
   */
  public ImageInspect(
      String id,
      List<String> repoTags,
      List<String> repoDigests,
      String parent,
      String comment,
      String created,
      String container,
      ContainerConfig containerConfig,
      String dockerVersion,
      String author,
      ContainerConfig config,
      String architecture,
      String variant,
      String os,
      String osVersion,
      Long size,
      Long virtualSize,
      GraphDriver graphDriver,
      RootFs rootFs,
      Metadata metadata) {
    this(id, repoTags, repoDigests, parent, comment, created, container, containerConfig, dockerVersion, author, config, architecture, variant, os, osVersion, size, virtualSize, graphDriver, rootFs, metadata, null, null);
  }

  /**
   * The storage driver and its data for the image ({@code GraphDriver}).
   *
   * @param name the storage driver, e.g. {@code overlay2}
   * @param data driver-specific locations, e.g. {@code UpperDir}; informational only
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record GraphDriver(
      @JsonProperty("Name") String name,
      @JsonProperty("Data") Map<String, String> data) {

    // Normalises missing data to an empty map.
    public GraphDriver {
      data = Normalize.map(data);
    }
  }

  /**
   * The image's file system layers ({@code RootFS}).
   *
   * @param type   always {@code layers}
   * @param layers digests of the uncompressed layers, base first
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RootFs(
      @JsonProperty("Type") String type,
      @JsonProperty("Layers") List<String> layers) {

    // Normalises missing layers to an empty list.
    public RootFs {
      layers = Normalize.list(layers);
    }
  }

  /**
   * Local metadata of an image ({@code Metadata}).
   *
   * @param lastTagTime when the image was last tagged, RFC 3339; {@code null} or
   *                    {@code 0001-01-01T00:00:00Z} if never
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Metadata(
      @JsonProperty("LastTagTime") String lastTagTime) {
  }
}
