package dev.berth.types.images;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.List;

/**
 * The answer to {@code POST /images/prune}.
 *
 * @param imagesDeleted  names removed and images deleted; empty when nothing matched
 * @param spaceReclaimed bytes freed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImagePruneResponse(
    @JsonProperty("ImagesDeleted") List<ImageDeleteResponseItem> imagesDeleted,
    @JsonProperty("SpaceReclaimed") Long spaceReclaimed) {

  // Normalises a missing list (Docker sends null when nothing was removed) to an empty one.
  public ImagePruneResponse {
    imagesDeleted = Normalize.list(imagesDeleted);
  }
}
