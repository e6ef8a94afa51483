package dev.berth.types.images;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.List;

/**
 * One layer of an image's history, an item of {@code GET /images/{name}/history} (newest first).
 *
 * @param id        the image ID of this step, or {@code <missing>} for steps of pulled images
 *                  that have no local image
 * @param created   when the step ran, in seconds since the epoch
 * @param createdBy the instruction that made the step, e.g. {@code /bin/sh -c #(nop)  CMD ["sh"]}
 * @param tags      names that refer to this step's image; empty for most steps
 * @param size      bytes the step added
 * @param comment   the step's commit or import message
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryItem(
    @JsonProperty("Id") String id,
    @JsonProperty("Created") Long created,
    @JsonProperty("CreatedBy") String createdBy,
    @JsonProperty("Tags") List<String> tags,
    @JsonProperty("Size") Long size,
    @JsonProperty("Comment") String comment) {

  // Normalises missing tags (Docker sends null) to an empty list.
  public HistoryItem {
    tags = Normalize.list(tags);
  }
}
