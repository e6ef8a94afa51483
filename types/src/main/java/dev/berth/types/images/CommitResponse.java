package dev.berth.types.images;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to {@code POST /commit} (the API's {@code IdResponse}).
 *
 * @param id the ID of the new image, {@code sha256:...}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommitResponse(
    @JsonProperty("Id") String id) {
}
