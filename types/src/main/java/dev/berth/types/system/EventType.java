package dev.berth.types.system;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The kind of object an {@link Event} is about ({@code GET /events}, field {@code Type}).
 *
 * <p>Values the engine adds later decode as {@link #UNKNOWN} when Jackson's
 * {@code READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE} is enabled.
 */
public enum EventType {
  /** A container. */
  @JsonProperty("container") CONTAINER("container"),
  /** An image. */
  @JsonProperty("image") IMAGE("image"),
  /** A volume. */
  @JsonProperty("volume") VOLUME("volume"),
  /** A network. */
  @JsonProperty("network") NETWORK("network"),
  /** The engine itself. */
  @JsonProperty("daemon") DAEMON("daemon"),
  /** A managed plugin. */
  @JsonProperty("plugin") PLUGIN("plugin"),
  /** A Swarm node. */
  @JsonProperty("node") NODE("node"),
  /** A Swarm service. */
  @JsonProperty("service") SERVICE("service"),
  /** A Swarm secret. */
  @JsonProperty("secret") SECRET("secret"),
  /** A Swarm config. */
  @JsonProperty("config") CONFIG("config"),
  /** The image builder (build cache). */
  @JsonProperty("builder") BUILDER("builder"),
  /** A type this client does not know. */
  @JsonEnumDefaultValue @JsonProperty("unknown") UNKNOWN("unknown");

  private final String value;

  EventType(String value) {
    this.value = value;
  }

  /**
   * Returns the name the API uses for this type, as needed for the {@code type} filter of
   * {@code GET /events}.
   *
   * @return the API's name, e.g. {@code container}; for {@link #UNKNOWN} it is {@code unknown},
   *         which the engine does not define
   */
  public String value() {
    return value;
  }
}
