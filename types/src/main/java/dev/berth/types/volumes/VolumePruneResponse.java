package dev.berth.types.volumes;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.List;

/**
 * The answer to {@code POST /volumes/prune}.
 *
 * @param volumesDeleted names of the removed volumes; empty when none matched
 * @param spaceReclaimed bytes freed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VolumePruneResponse(
    @JsonProperty("VolumesDeleted") List<String> volumesDeleted,
    @JsonProperty("SpaceReclaimed") Long spaceReclaimed) {

  // Normalises a missing list to an empty one.
  public VolumePruneResponse {
    volumesDeleted = Normalize.list(volumesDeleted);
  }
}
