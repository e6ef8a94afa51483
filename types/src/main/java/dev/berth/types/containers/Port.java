package dev.berth.types.containers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A port of a container and, if published, where it is reachable on the host; an item of
 * {@link ContainerSummary#ports()} ({@code GET /containers/json}).
 *
 * @param ip          host address the port is published on, e.g. {@code 0.0.0.0} or {@code ::};
 *                    absent when not published
 * @param privatePort port inside the container
 * @param publicPort  port on the host; absent when not published
 * @param type        protocol: {@code tcp}, {@code udp} or {@code sctp}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Port(
    @JsonProperty("IP") String ip,
    @JsonProperty("PrivatePort") Integer privatePort,
    @JsonProperty("PublicPort") Integer publicPort,
    @JsonProperty("Type") String type) {
}
