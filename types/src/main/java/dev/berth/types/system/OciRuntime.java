package dev.berth.types.system;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.List;
import java.util.Map;

/**
 * An OCI runtime configured on the engine, a value of {@link SystemInfo#runtimes()}
 * ({@code GET /info}). Unlike most engine objects, its JSON keys are lower case.
 *
 * @param path        runtime binary; a bare name is looked up on the engine's {@code PATH}
 * @param runtimeArgs extra arguments passed to the runtime
 * @param status      informational key/value pairs about the runtime (API 1.44+)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OciRuntime(
    @JsonProperty("path") String path,
    @JsonProperty("runtimeArgs") List<String> runtimeArgs,
    @JsonProperty("status") Map<String, String> status) {

  // Normalises missing collections to empty ones.
  public OciRuntime {
    runtimeArgs = Normalize.list(runtimeArgs);
    status = Normalize.map(status);
  }
}
