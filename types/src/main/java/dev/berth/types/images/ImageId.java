package dev.berth.types.images;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code aux} object of a build's progress stream ({@code POST /build}) that names the built
 * image: {@code {"aux":{"ID":"sha256:..."}}}. The API calls it {@code ImageID}.
 *
 * @param id the image ID, {@code sha256:...}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageId(
    @JsonProperty("ID") String id) {
}
