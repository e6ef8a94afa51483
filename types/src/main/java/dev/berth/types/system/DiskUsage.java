package dev.berth.types.system;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.containers.ContainerSummary;
import dev.berth.types.images.ImageSummary;
import dev.berth.types.internal.Normalize;
import dev.berth.types.volumes.Volume;
import java.util.List;

/**
 * Disk space used by the engine's objects, as returned by {@code GET /system/df}.
 *
 * <p>Unlike the list endpoints, the items here carry their sizes: {@code SharedSize} and
 * {@code Containers} of images, {@code SizeRw} and {@code SizeRootFs} of containers, and
 * {@code UsageData} of volumes.
 *
 * @param layersSize total size of all image layers, in bytes
 * @param images     images
 * @param containers containers
 * @param volumes    volumes
 * @param buildCache build-cache records
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DiskUsage(
    @JsonProperty("LayersSize") Long layersSize,
    @JsonProperty("Images") List<ImageSummary> images,
    @JsonProperty("Containers") List<ContainerSummary> containers,
    @JsonProperty("Volumes") List<Volume> volumes,
    @JsonProperty("BuildCache") List<BuildCache> buildCache) {

  // Normalises missing lists to empty ones.
  public DiskUsage {
    images = Normalize.list(images);
    containers = Normalize.list(containers);
    volumes = Normalize.list(volumes);
    buildCache = Normalize.list(buildCache);
  }
}
