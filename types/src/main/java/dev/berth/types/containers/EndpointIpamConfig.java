package dev.berth.types.containers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.List;

/**
 * Addresses requested for a container's endpoint on a network, part of {@link EndpointSettings}
 * (API object {@code EndpointIPAMConfig}).
 *
 * @param ipv4Address  requested IPv4 address
 * @param ipv6Address  requested IPv6 address
 * @param linkLocalIps requested link-local addresses
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EndpointIpamConfig(
    @JsonProperty("IPv4Address") String ipv4Address,
    @JsonProperty("IPv6Address") String ipv6Address,
    @JsonProperty("LinkLocalIPs")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<String> linkLocalIps) {

  // Normalises a missing address list to an empty one.
  public EndpointIpamConfig {
    linkLocalIps = Normalize.list(linkLocalIps);
  }
}
