package dev.berth.types.system;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.Map;

/**
 * One message of the engine's event stream, {@code GET /events}.
 *
 * <p>Besides the documented fields, Docker also sends the undocumented legacy fields
 * {@code status}, {@code id} and {@code from} for container and image events; they are mapped for
 * completeness and may be absent.
 *
 * @param type     kind of object the event is about
 * @param action   what happened, e.g. {@code create}, {@code start}, {@code die},
 *                 {@code exec_start: sh}; the set of actions is open-ended
 * @param actor    the object the event is about
 * @param scope    {@code local} for engine events, {@code swarm} for cluster events
 * @param time     when it happened, in seconds since the epoch
 * @param timeNano when it happened, in nanoseconds since the epoch
 * @param status   legacy: same as {@code action}
 * @param id       legacy: same as the actor's ID
 * @param from     legacy: the container's image
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Event(
    @JsonProperty("Type") EventType type,
    @JsonProperty("Action") String action,
    @JsonProperty("Actor") Actor actor,
    @JsonProperty("scope") String scope,
    @JsonProperty("time") Long time,
    @JsonProperty("timeNano") Long timeNano,
    @JsonProperty("status") String status,
    @JsonProperty("id") String id,
    @JsonProperty("from") String from) {

  /**
   * The object an event is about.
   *
   * @param id         the object's ID (for some types, its name)
   * @param attributes details such as {@code name}, {@code image} and the object's labels
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Actor(
      @JsonProperty("ID") String id,
      @JsonProperty("Attributes") Map<String, String> attributes) {

    // Normalises missing attributes to an empty map.
    public Actor {
      attributes = Normalize.map(attributes);
    }
  }
}
