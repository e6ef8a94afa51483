package dev.berth.types.exec;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.ExtraFields;
import dev.berth.types.internal.Normalize;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /exec/{id}/start}. Without {@code Detach} the engine hijacks the
 * connection and streams the process's output (and takes its input); with it, the call returns
 * at once.
 *
 * @param detach      whether to start the process without attaching to it
 * @param tty         whether a pseudo-terminal is used; should match the exec's creation
 * @param consoleSize initial console size as {@code [height, width]} (API 1.42+)
 * @param extra       fields berth does not model, written into the JSON as they are; when
 *                    decoding, fields this record does not know land here
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExecStartRequest(
    @JsonProperty("Detach") Boolean detach,
    @JsonProperty("Tty") Boolean tty,
    @JsonProperty("ConsoleSize")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<Integer> consoleSize,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

  // Normalises a missing console size to an empty list and checks the extra fields.
  public ExecStartRequest {
    consoleSize = Normalize.list(consoleSize);
    extra = ExtraFields.copy(ExecStartRequest.class, extra);
  }

  /**
   * A request that starts the process detached.
   *
   * @return a request with {@code Detach} set
   */
  public static ExecStartRequest detached() {
    return builder().detach(true).build();
  }

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this record's values, to derive a changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.detach = detach;
    b.tty = tty;
    b.consoleSize = consoleSize;
    b.extra = new LinkedHashMap<>(extra);
    return b;
  }

  /** Builds an {@link ExecStartRequest}. Not thread-safe. */
  public static final class Builder {

    private Boolean detach;
    private Boolean tty;
    private List<Integer> consoleSize;
    private Map<String, Object> extra = new LinkedHashMap<>();

    private Builder() {
    }

    /**
     * Sets {@code Detach}: whether to start the process without attaching to it.
     *
     * @param detach the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder detach(Boolean detach) {
      this.detach = detach;
      return this;
    }

    /**
     * Sets {@code Tty}: whether a pseudo-terminal is used.
     *
     * @param tty the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder tty(Boolean tty) {
      this.tty = tty;
      return this;
    }

    /**
     * Sets {@code ConsoleSize} to {@code [height, width]} (API 1.42+).
     *
     * @param height rows
     * @param width  columns
     * @return this builder
     */
    public Builder consoleSize(int height, int width) {
      this.consoleSize = List.of(height, width);
      return this;
    }

    /**
     * Adds a field berth does not model, written into the JSON as it is.
     *
     * @param name  the field's name as the API spells it
     * @param value any value Jackson can write
     * @return this builder
     * @throws IllegalArgumentException if a component of this record already maps
     *                                  {@code name}, ignoring case
     */
    public Builder extra(String name, Object value) {
      ExtraFields.checkName(ExecStartRequest.class, name);
      extra.put(name, value);
      return this;
    }

    /**
     * Returns the {@link ExecStartRequest} with the values set so far.
     *
     * @return a new, immutable {@code ExecStartRequest}
     */
    public ExecStartRequest build() {
      return new ExecStartRequest(detach, tty, consoleSize, extra);
    }
  }
}
