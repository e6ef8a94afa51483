package dev.berth.types.volumes;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.List;

/**
 * The answer to {@code GET /volumes}.
 *
 * @param volumes  the volumes that matched; empty when none
 * @param warnings problems the engine noticed while listing, e.g. a driver that did not answer
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VolumeListResponse(
    @JsonProperty("Volumes") List<Volume> volumes,
    @JsonProperty("Warnings") List<String> warnings) {

  // Normalises missing lists (Docker sends null warnings) to empty ones.
  public VolumeListResponse {
    volumes = Normalize.list(volumes);
    warnings = Normalize.list(warnings);
  }
}
