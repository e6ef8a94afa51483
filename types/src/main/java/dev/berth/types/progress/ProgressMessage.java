package dev.berth.types.progress;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.Map;

/**
 * One line of the JSON progress stream that pull, push, build, load and import answer with.
 * Which components are set depends on the operation: pulls and pushes report {@code status},
 * {@code id} and {@code progressDetail}; builds report {@code stream} text and an {@code aux}
 * image id; a failure reports {@code error} and {@code errorDetail}.
 *
 * @param id             the layer or object the line is about
 * @param status         a short status, e.g. {@code Downloading} or {@code Pushed}
 * @param progress       a human-readable progress bar
 * @param progressDetail bytes done and total
 * @param stream         build output text
 * @param error          the error text (deprecated by the engine in favour of errorDetail)
 * @param errorDetail    the error with its optional code
 * @param aux            operation-specific extra data, e.g. {@code {"ID":"sha256:…"}} after a build
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgressMessage(
    @JsonProperty("id") String id,
    @JsonProperty("status") String status,
    @JsonProperty("progress") String progress,
    @JsonProperty("progressDetail") ProgressDetail progressDetail,
    @JsonProperty("stream") String stream,
    @JsonProperty("error") String error,
    @JsonProperty("errorDetail") ErrorDetail errorDetail,
    @JsonProperty("aux") Map<String, Object> aux) {

  // Normalises a missing aux map to an empty one.
  public ProgressMessage {
    aux = Normalize.mapAllowingNullValues(aux);
  }

  /**
   * Progress counters of a transfer.
   *
   * @param current bytes done
   * @param total   bytes in all; absent or 0 when unknown
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ProgressDetail(
      @JsonProperty("current") Long current,
      @JsonProperty("total") Long total) {
  }

  /**
   * An error inside the stream.
   *
   * @param code    a numeric code, often absent
   * @param message the engine's message
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ErrorDetail(
      @JsonProperty("code") Integer code,
      @JsonProperty("message") String message) {
  }
}
