package dev.berth.types.containers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to {@code POST /containers/{id}/wait}, sent once the container reached the
 * requested condition.
 *
 * @param statusCode the container's exit code
 * @param error      a problem while waiting (for example when removing an auto-remove
 *                   container failed); {@code null} when there was none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerWaitResponse(
    @JsonProperty("StatusCode") Long statusCode,
    @JsonProperty("Error") ExitError error) {

  /**
   * A problem reported by a wait.
   *
   * @param message the engine's message
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ExitError(
      @JsonProperty("Message") String message) {
  }
}
