package dev.berth.types.containers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.List;

/**
 * The answer to {@code POST /containers/prune}.
 *
 * @param containersDeleted IDs of the removed containers; empty when none matched
 * @param spaceReclaimed    bytes freed: the removed containers' writable layers
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerPruneResponse(
    @JsonProperty("ContainersDeleted") List<String> containersDeleted,
    @JsonProperty("SpaceReclaimed") Long spaceReclaimed) {

  // Normalises a missing list (Docker sends null when nothing was removed) to an empty one.
  public ContainerPruneResponse {
    containersDeleted = Normalize.list(containersDeleted);
  }
}
