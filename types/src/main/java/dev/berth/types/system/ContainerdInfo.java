package dev.berth.types.system;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The containerd instance the engine uses, from {@code GET /info} (API 1.47+; for debugging).
 *
 * @param address    the containerd socket's path
 * @param namespaces the containerd namespaces the engine uses exclusively
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerdInfo(
    @JsonProperty("Address") String address,
    @JsonProperty("Namespaces") Namespaces namespaces) {

  /**
   * The engine's containerd namespaces.
   *
   * @param containers namespace of the containers, by default {@code moby}
   * @param plugins    namespace of the plugins, by default {@code plugins.moby}
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Namespaces(
      @JsonProperty("Containers") String containers,
      @JsonProperty("Plugins") String plugins) {
  }
}
