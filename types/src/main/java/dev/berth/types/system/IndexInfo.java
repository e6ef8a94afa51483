package dev.berth.types.system;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.List;

/**
 * Settings for one image registry, an entry of {@link RegistryServiceConfig#indexConfigs()}
 * ({@code GET /info}).
 *
 * @param name     registry name, e.g. {@code docker.io}
 * @param mirrors  mirrors used for this registry
 * @param secure   {@code false} when the registry is reached without TLS verification
 * @param official whether this is the official registry (Docker Hub)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IndexInfo(
    @JsonProperty("Name") String name,
    @JsonProperty("Mirrors") List<String> mirrors,
    @JsonProperty("Secure") Boolean secure,
    @JsonProperty("Official") Boolean official) {

  // Normalises a missing mirror list to an empty one.
  public IndexInfo {
    mirrors = Normalize.list(mirrors);
  }
}
