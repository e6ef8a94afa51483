package dev.berth.types.containers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A path that differs between a container's file system and its image, an item of
 * {@code GET /containers/{id}/changes}. Parent directories of a changed path are listed as
 * changed too, and mount points the engine created count as added.
 *
 * @param path absolute path inside the container
 * @param kind 0 modified, 1 added, 2 deleted; see {@link #changeType()}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FilesystemChange(
    @JsonProperty("Path") String path,
    @JsonProperty("Kind") Integer kind) {

  /**
   * Returns {@link #kind()} as an enum.
   *
   * @return the type of change; {@link ChangeType#UNKNOWN} for a number this client does not
   *         know
   */
  public ChangeType changeType() {
    return ChangeType.of(kind);
  }
}
