package dev.berth.types.containers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.List;

/**
 * The answer to {@code POST /containers/create}.
 *
 * @param id       ID of the new container
 * @param warnings problems the engine noticed but created the container anyway, e.g. a limit
 *                 the kernel cannot enforce
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerCreateResponse(
    @JsonProperty("Id") String id,
    @JsonProperty("Warnings") List<String> warnings) {

  // Normalises missing warnings to an empty list.
  public ContainerCreateResponse {
    warnings = Normalize.list(warnings);
  }
}
