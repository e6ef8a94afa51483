package dev.berth.types.system;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A user-defined resource a node offers, either named ({@code GPU=UUID1}) or a count
 * ({@code SSD=3}); exactly one of the two components is set. Appears in
 * {@link SystemInfo#genericResources()} ({@code GET /info}) and in Swarm node and task objects.
 *
 * @param namedResourceSpec    a resource identified by name
 * @param discreteResourceSpec a resource identified by a count
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GenericResource(
    @JsonProperty("NamedResourceSpec") Named namedResourceSpec,
    @JsonProperty("DiscreteResourceSpec") Discrete discreteResourceSpec) {

  /**
   * A named resource.
   *
   * @param kind  resource kind, e.g. {@code GPU}
   * @param value resource name, e.g. a device UUID
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Named(
      @JsonProperty("Kind") String kind,
      @JsonProperty("Value") String value) {
  }

  /**
   * A counted resource.
   *
   * @param kind  resource kind, e.g. {@code SSD}
   * @param value how many are available
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Discrete(
      @JsonProperty("Kind") String kind,
      @JsonProperty("Value") Long value) {
  }
}
