package dev.berth.types.networks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.List;
import java.util.Map;

/**
 * A network, as returned by {@code GET /networks} and {@code GET /networks/{id}}.
 *
 * @param name       the network's name
 * @param id         ID of the network
 * @param created    when the network was created, RFC 3339 with nanoseconds
 * @param scope      {@code local} (this host), {@code swarm} or {@code global}
 * @param driver     network driver, e.g. {@code bridge}
 * @param enableIpv6 whether IPv6 is enabled
 * @param ipam       address management: driver, subnets, gateways
 * @param internal   whether the network has no route out of the host
 * @param attachable whether containers may attach to a swarm-scoped network by hand
 * @param ingress    whether the network is the swarm routing mesh
 * @param configOnly whether the network is a placeholder holding configuration only
 * @param containers endpoints on the network by container ID; Docker lists running containers only
 * @param options    driver options the network was created with
 * @param labels     user-defined metadata
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Network(
    @JsonProperty("Name") String name,
    @JsonProperty("Id") String id,
    @JsonProperty("Created") String created,
    @JsonProperty("Scope") String scope,
    @JsonProperty("Driver") String driver,
    @JsonProperty("EnableIPv6") Boolean enableIpv6,
    @JsonProperty("IPAM") Ipam ipam,
    @JsonProperty("Internal") Boolean internal,
    @JsonProperty("Attachable") Boolean attachable,
    @JsonProperty("Ingress") Boolean ingress,
    @JsonProperty("ConfigOnly") Boolean configOnly,
    @JsonProperty("Containers") Map<String, NetworkContainer> containers,
    @JsonProperty("Options") Map<String, String> options,
    @JsonProperty("Labels") Map<String, String> labels) {

  // Normalises missing maps to empty ones.
  public Network {
    containers = Normalize.map(containers);
    options = Normalize.map(options);
    labels = Normalize.map(labels);
  }

  /**
   * Address management of a network (API object {@code IPAM}).
   *
   * @param driver  IPAM driver, {@code default} unless chosen
   * @param config  address pools: subnets, ranges, gateways
   * @param options driver-specific options
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Ipam(
      @JsonProperty("Driver") String driver,
      @JsonProperty("Config") List<IpamConfig> config,
      @JsonProperty("Options") Map<String, String> options) {

    // Normalises missing collections to empty ones.
    public Ipam {
      config = Normalize.list(config);
      options = Normalize.map(options);
    }
  }
}
