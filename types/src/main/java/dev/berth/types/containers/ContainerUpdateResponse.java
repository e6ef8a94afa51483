package dev.berth.types.containers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.List;

/**
 * The answer to {@code POST /containers/{id}/update}.
 *
 * @param warnings changes the engine accepted but could not apply, e.g. a block IO weight the
 *                 kernel does not support; empty when all went well
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerUpdateResponse(
    @JsonProperty("Warnings") List<String> warnings) {

  // Normalises missing warnings (Docker sends null) to an empty list.
  public ContainerUpdateResponse {
    warnings = Normalize.list(warnings);
  }
}
