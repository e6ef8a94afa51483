package dev.berth.types.system;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.List;
import java.util.Map;

/**
 * The engine's registry settings, part of {@link SystemInfo} ({@code GET /info}).
 *
 * @param allowNondistributableArtifactsCidrs     networks (CIDR) that may receive nondistributable
 *                                                artifacts; gone from the API in 1.51
 * @param allowNondistributableArtifactsHostnames registries that may receive nondistributable
 *                                                artifacts; gone from the API in 1.51
 * @param insecureRegistryCidrs                   networks (CIDR) whose registries are reached
 *                                                without TLS verification
 * @param indexConfigs                            per-registry settings, keyed by registry name
 * @param mirrors                                 mirrors configured for Docker Hub
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegistryServiceConfig(
    @JsonProperty("AllowNondistributableArtifactsCIDRs")
    List<String> allowNondistributableArtifactsCidrs,
    @JsonProperty("AllowNondistributableArtifactsHostnames")
    List<String> allowNondistributableArtifactsHostnames,
    @JsonProperty("InsecureRegistryCIDRs") List<String> insecureRegistryCidrs,
    @JsonProperty("IndexConfigs") Map<String, IndexInfo> indexConfigs,
    @JsonProperty("Mirrors") List<String> mirrors) {

  // Normalises missing collections to empty ones.
  public RegistryServiceConfig {
    allowNondistributableArtifactsCidrs = Normalize.list(allowNondistributableArtifactsCidrs);
    allowNondistributableArtifactsHostnames =
        Normalize.list(allowNondistributableArtifactsHostnames);
    insecureRegistryCidrs = Normalize.list(insecureRegistryCidrs);
    indexConfigs = Normalize.map(indexConfigs);
    mirrors = Normalize.list(mirrors);
  }
}
