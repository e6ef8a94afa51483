package dev.berth.types.images;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.List;

/**
 * The answer to {@code POST /build/prune}.
 *
 * @param cachesDeleted  IDs of the build cache records removed; empty when none (the classic
 *                       builder keeps no such records)
 * @param spaceReclaimed bytes freed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BuildPruneResponse(
    @JsonProperty("CachesDeleted") List<String> cachesDeleted,
    @JsonProperty("SpaceReclaimed") Long spaceReclaimed) {

  // Normalises a missing list (Docker sends null) to an empty one.
  public BuildPruneResponse {
    cachesDeleted = Normalize.list(cachesDeleted);
  }
}
