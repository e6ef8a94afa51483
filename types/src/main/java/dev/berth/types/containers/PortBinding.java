package dev.berth.types.containers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a container port is published on the host: a value of {@link HostConfig#portBindings()}
 * and of the {@code Ports} map in container inspection. The API carries the port as a string.
 *
 * @param hostIp   host address, e.g. {@code 127.0.0.1}; empty or absent for all addresses
 * @param hostPort host port, e.g. {@code 8080}; empty or absent for a random one (in
 *                 inspection, the port that was picked)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PortBinding(
    @JsonProperty("HostIp") String hostIp,
    @JsonProperty("HostPort") String hostPort) {

  /**
   * Publishes on {@code hostPort} of every host address.
   *
   * @param hostPort the host port
   * @return the binding
   */
  public static PortBinding of(int hostPort) {
    return new PortBinding(null, Integer.toString(hostPort));
  }

  /**
   * Publishes on {@code hostPort} of one host address.
   *
   * @param hostIp   the host address
   * @param hostPort the host port
   * @return the binding
   */
  public static PortBinding of(String hostIp, int hostPort) {
    return new PortBinding(hostIp, Integer.toString(hostPort));
  }
}
