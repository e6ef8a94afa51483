package dev.berth.types.exec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to {@code POST /containers/{id}/exec}.
 *
 * @param id ID of the new exec instance, for {@code POST /exec/{id}/start} and
 *           {@code GET /exec/{id}/json}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExecCreateResponse(
    @JsonProperty("Id") String id) {
}
