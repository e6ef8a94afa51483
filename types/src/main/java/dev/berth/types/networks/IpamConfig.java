package dev.berth.types.networks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.Map;

/**
 * One address pool of a network (API object {@code IPAMConfig}): reported by network inspection
 * and requested when creating one. Absent fields are left out of the JSON.
 *
 * @param subnet             the subnet in CIDR form, e.g. {@code 10.10.0.0/24}
 * @param ipRange            the range addresses are allocated from, in CIDR form
 * @param gateway            the gateway address
 * @param auxiliaryAddresses addresses the driver must not hand out, by name
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IpamConfig(
    @JsonProperty("Subnet") String subnet,
    @JsonProperty("IPRange") String ipRange,
    @JsonProperty("Gateway") String gateway,
    @JsonProperty("AuxiliaryAddresses")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    Map<String, String> auxiliaryAddresses) {

  // Normalises missing auxiliary addresses to an empty map.
  public IpamConfig {
    auxiliaryAddresses = Normalize.map(auxiliaryAddresses);
  }

  /**
   * A pool of {@code subnet} with {@code gateway}.
   *
   * @param subnet  the subnet in CIDR form
   * @param gateway the gateway address, or {@code null} for the engine's choice
   * @return the pool
   */
  public static IpamConfig of(String subnet, String gateway) {
    return new IpamConfig(subnet, null, gateway, null);
  }
}
