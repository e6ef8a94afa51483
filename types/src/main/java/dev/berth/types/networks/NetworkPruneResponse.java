package dev.berth.types.networks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.List;

/**
 * The answer to {@code POST /networks/prune}.
 *
 * @param networksDeleted names of the removed networks; empty when none matched
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NetworkPruneResponse(
    @JsonProperty("NetworksDeleted") List<String> networksDeleted) {

  // Normalises a missing list (Docker sends null when nothing was removed) to an empty one.
  public NetworkPruneResponse {
    networksDeleted = Normalize.list(networksDeleted);
  }
}
