package dev.berth.types.images;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One repository found by {@code GET /images/search} in a registry's (v1) search index.
 *
 * @param name        the repository name
 * @param description its short description
 * @param official    whether it is an official image
 * @param automated   whether it is an automated build (deprecated by Docker Hub)
 * @param starCount   how many stars it has
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageSearchResult(
    @JsonProperty("name") String name,
    @JsonProperty("description") String description,
    @JsonProperty("is_official") Boolean official,
    @JsonProperty("is_automated") Boolean automated,
    @JsonProperty("star_count") Integer starCount) {
}
