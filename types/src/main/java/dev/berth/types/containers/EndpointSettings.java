package dev.berth.types.containers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.List;
import java.util.Map;

/**
 * A container's endpoint on one network: what was requested and what the engine assigned. A value
 * of the {@code Networks} map in {@code GET /containers/json} and container inspection.
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
        @JsonProperty("Links") List<String> links,
        @JsonProperty("Aliases") List<String> aliases,
        @JsonProperty("NetworkID") String networkId,
        @JsonProperty("EndpointID") String endpointId,
        @JsonProperty("Gateway") String gateway,
        @JsonProperty("IPAddress") String ipAddress,
        @JsonProperty("IPPrefixLen") Integer ipPrefixLen,
        @JsonProperty("IPv6Gateway") String ipv6Gateway,
        @JsonProperty("GlobalIPv6Address") String globalIpv6Address,
        @JsonProperty("GlobalIPv6PrefixLen") Integer globalIpv6PrefixLen,
        @JsonProperty("MacAddress") String macAddress,
        @JsonProperty("DriverOpts") Map<String, String> driverOpts,
        @JsonProperty("DNSNames") List<String> dnsNames,
        @JsonProperty("GwPriority") Integer gwPriority) {

    // Normalises missing collections to empty ones.
    public EndpointSettings {
        links = Normalize.list(links);
        aliases = Normalize.list(aliases);
        driverOpts = Normalize.map(driverOpts);
        dnsNames = Normalize.list(dnsNames);
    }
}
