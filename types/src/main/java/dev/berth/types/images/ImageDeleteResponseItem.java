package dev.berth.types.images;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One effect of removing an image ({@code DELETE /images/{name}}) or pruning images: a name
 * that was removed, or an image (or parent layer image) that was deleted. Exactly one of the
 * two is set.
 *
 * @param untagged a name ({@code repo:tag} or {@code repo@digest}) that no longer refers to the
 *                 image
 * @param deleted  the ID of an image that was deleted
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageDeleteResponseItem(
    @JsonProperty("Untagged") String untagged,
    @JsonProperty("Deleted") String deleted) {
}
