package dev.berth.types.system;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.List;

/**
 * Names of the plugins and built-in drivers available to the engine, part of {@link SystemInfo}
 * ({@code GET /info}). Only legacy (v1) plugins that are in use are listed, not managed ones.
 *
 * @param volume        volume drivers
 * @param network       network drivers
 * @param authorization authorization plugins
 * @param log           logging drivers
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PluginsInfo(
    @JsonProperty("Volume") List<String> volume,
    @JsonProperty("Network") List<String> network,
    @JsonProperty("Authorization") List<String> authorization,
    @JsonProperty("Log") List<String> log) {

  // Normalises missing lists to empty ones.
  public PluginsInfo {
    volume = Normalize.list(volume);
    network = Normalize.list(network);
    authorization = Normalize.list(authorization);
    log = Normalize.list(log);
  }
}
