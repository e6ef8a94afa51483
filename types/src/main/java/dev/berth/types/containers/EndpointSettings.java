package dev.berth.types.containers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Builders;
import dev.berth.types.internal.Normalize;
import java.util.List;
import java.util.Map;

/**
 * A container's endpoint on one network: what was requested and what the engine assigned. A value
 * of the {@code Networks} map in {@code GET /containers/json} and container inspection, and of
 * {@link NetworkingConfig#endpointsConfig()} when creating a container, where
 * {@link #builder()} sets the fields a request can carry. Empty collections are left out of the
 * JSON.
 *
 * @param ipamConfig          requested addresses; {@code null} when none were requested
 * @param links               legacy container links
 * @param aliases             DNS aliases of the container on this network
 * @param networkId           ID of the network
 * @param endpointId          ID of the endpoint
 * @param gateway             IPv4 gateway
 * @param ipAddress           IPv4 address
 * @param ipPrefixLen         prefix length of the IPv4 address
 * @param ipv6Gateway         IPv6 gateway
 * @param globalIpv6Address   global IPv6 address
 * @param globalIpv6PrefixLen prefix length of the global IPv6 address
 * @param macAddress          MAC address
 * @param driverOpts          options passed to the network driver
 * @param dnsNames            names the container resolves to on this network (API 1.44+)
 * @param gwPriority          priority of this network's gateway as default gateway (API 1.48+)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EndpointSettings(
    @JsonProperty("IPAMConfig") EndpointIpamConfig ipamConfig,
    @JsonProperty("Links")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<String> links,
    @JsonProperty("Aliases")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<String> aliases,
    @JsonProperty("NetworkID") String networkId,
    @JsonProperty("EndpointID") String endpointId,
    @JsonProperty("Gateway") String gateway,
    @JsonProperty("IPAddress") String ipAddress,
    @JsonProperty("IPPrefixLen") Integer ipPrefixLen,
    @JsonProperty("IPv6Gateway") String ipv6Gateway,
    @JsonProperty("GlobalIPv6Address") String globalIpv6Address,
    @JsonProperty("GlobalIPv6PrefixLen") Integer globalIpv6PrefixLen,
    @JsonProperty("MacAddress") String macAddress,
    @JsonProperty("DriverOpts")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    Map<String, String> driverOpts,
    @JsonProperty("DNSNames")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<String> dnsNames,
    @JsonProperty("GwPriority") Integer gwPriority) {

  // Normalises missing collections to empty ones.
  public EndpointSettings {
    links = Normalize.list(links);
    aliases = Normalize.list(aliases);
    driverOpts = Normalize.map(driverOpts);
    dnsNames = Normalize.list(dnsNames);
  }

  /**
   * Returns a builder for the settings a request can carry (addresses, aliases, links, MAC
   * address, driver options, gateway priority); the other fields are reported by the engine.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link EndpointSettings} for a request. Not thread-safe. */
  public static final class Builder {

    private EndpointIpamConfig ipamConfig;
    private List<String> links;
    private List<String> aliases;
    private String macAddress;
    private Map<String, String> driverOpts;
    private Integer gwPriority;

    private Builder() {
    }

    /**
     * Sets {@code IPAMConfig}, the addresses to request.
     *
     * @param ipamConfig the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder ipamConfig(EndpointIpamConfig ipamConfig) {
      this.ipamConfig = ipamConfig;
      return this;
    }

    /**
     * Sets {@code IPAMConfig} to request an IPv4 address.
     *
     * @param ipv4Address the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder ipv4Address(String ipv4Address) {
      return ipamConfig(new EndpointIpamConfig(ipv4Address, null, null));
    }

    /**
     * Sets {@code Links}, legacy links as {@code name:alias}.
     *
     * @param links the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder links(String... links) {
      this.links = Builders.asList(links);
      return this;
    }

    /**
     * Sets {@code Aliases}, DNS names of the container on this network.
     *
     * @param aliases the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder aliases(String... aliases) {
      this.aliases = Builders.asList(aliases);
      return this;
    }

    /**
     * Sets {@code Aliases}, DNS names of the container on this network.
     *
     * @param aliases the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder aliases(List<String> aliases) {
      this.aliases = Builders.mutableList(aliases);
      return this;
    }

    /**
     * Sets {@code MacAddress} (honoured on create from API 1.44).
     *
     * @param macAddress the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder macAddress(String macAddress) {
      this.macAddress = macAddress;
      return this;
    }

    /**
     * Sets {@code DriverOpts}, options for the network driver.
     *
     * @param driverOpts the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder driverOpts(Map<String, String> driverOpts) {
      this.driverOpts = Builders.mutableMap(driverOpts);
      return this;
    }

    /**
     * Sets {@code GwPriority} (API 1.48+).
     *
     * @param gwPriority the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder gwPriority(Integer gwPriority) {
      this.gwPriority = gwPriority;
      return this;
    }

    /**
     * Returns the {@link EndpointSettings} with the values set so far.
     *
     * @return a new, immutable {@code EndpointSettings}
     */
    public EndpointSettings build() {
      return new EndpointSettings(ipamConfig, links, aliases, null, null, null, null, null,
          null, null, null, macAddress, driverOpts, null, gwPriority);
    }
  }
}
