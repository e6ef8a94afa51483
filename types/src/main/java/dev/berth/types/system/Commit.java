package dev.berth.types.system;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The source commit of a tool the engine depends on (containerd, runc, init), part of
 * {@link SystemInfo} ({@code GET /info}).
 *
 * @param id       commit the installed binary reports
 * @param expected commit the engine was built against; gone from the API in 1.51
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Commit(
    @JsonProperty("ID") String id,
    @JsonProperty("Expected") String expected) {
}
