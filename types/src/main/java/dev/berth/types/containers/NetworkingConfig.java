package dev.berth.types.containers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.Map;

/**
 * The networks to connect a new container to, with per-network settings: the
 * {@code NetworkingConfig} part of {@link ContainerCreateRequest}.
 *
 * <p>Engines before API 1.44 accept only one network here; connect further networks after
 * creation.
 *
 * @param endpointsConfig endpoint settings (aliases, addresses, ...) keyed by network name
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NetworkingConfig(
    @JsonProperty("EndpointsConfig")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    Map<String, EndpointSettings> endpointsConfig) {

  // Normalises a missing map to an empty one.
  public NetworkingConfig {
    endpointsConfig = Normalize.map(endpointsConfig);
  }
}
