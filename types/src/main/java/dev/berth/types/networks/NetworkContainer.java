package dev.berth.types.networks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A container's endpoint as listed in {@link Network#containers()}.
 *
 * @param name        the container's name
 * @param endpointId  ID of the endpoint
 * @param macAddress  MAC address
 * @param ipv4Address IPv4 address with prefix length, e.g. {@code 10.10.0.5/24}
 * @param ipv6Address IPv6 address with prefix length; empty when none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NetworkContainer(
    @JsonProperty("Name") String name,
    @JsonProperty("EndpointID") String endpointId,
    @JsonProperty("MacAddress") String macAddress,
    @JsonProperty("IPv4Address") String ipv4Address,
    @JsonProperty("IPv6Address") String ipv6Address) {
}
