package dev.berth.types.images;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.List;
import java.util.Map;

/**
 * What a registry says about an image reference, {@code GET /distribution/{name}/json}: the
 * manifest (or index) descriptor and the platforms it offers. The engine asks the registry;
 * nothing is pulled.
 *
 * @param descriptor the manifest's media type, digest and size
 * @param platforms  the platforms the image is available for
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DistributionInspect(
    @JsonProperty("Descriptor") Descriptor descriptor,
    @JsonProperty("Platforms") List<Platform> platforms) {

  // Normalises missing platforms to an empty list.
  public DistributionInspect {
    platforms = Normalize.list(platforms);
  }

  /**
   * An OCI content descriptor.
   *
   * @param mediaType   media type of the content, e.g.
   *                    {@code application/vnd.docker.distribution.manifest.v2+json}
   * @param digest      digest of the content, {@code sha256:...}
   * @param size        size of the content in bytes
   * @param urls        where the content may also be fetched from
   * @param annotations arbitrary metadata
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Descriptor(
      @JsonProperty("mediaType") String mediaType,
      @JsonProperty("digest") String digest,
      @JsonProperty("size") Long size,
      @JsonProperty("urls") List<String> urls,
      @JsonProperty("annotations") Map<String, String> annotations) {

    // Normalises missing collections to empty ones.
    public Descriptor {
      urls = Normalize.list(urls);
      annotations = Normalize.map(annotations);
    }
  }

  /**
   * An OCI platform.
   *
   * @param architecture CPU architecture, e.g. {@code amd64}
   * @param os           operating system, e.g. {@code linux}
   * @param osVersion    operating system version (Windows)
   * @param osFeatures   required operating system features (Windows)
   * @param variant      CPU variant, e.g. {@code v7}
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Platform(
      @JsonProperty("architecture") String architecture,
      @JsonProperty("os") String os,
      @JsonProperty("os.version") String osVersion,
      @JsonProperty("os.features") List<String> osFeatures,
      @JsonProperty("variant") String variant) {

    // Normalises missing features to an empty list.
    public Platform {
      osFeatures = Normalize.list(osFeatures);
    }
  }
}
