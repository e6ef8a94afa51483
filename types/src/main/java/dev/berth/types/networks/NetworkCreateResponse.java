package dev.berth.types.networks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to {@code POST /networks/create}.
 *
 * @param id      ID of the new network
 * @param warning a problem the engine noticed but created the network anyway; empty or
 *                {@code null} when none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NetworkCreateResponse(
    @JsonProperty("Id") String id,
    @JsonProperty("Warning") String warning) {
}
