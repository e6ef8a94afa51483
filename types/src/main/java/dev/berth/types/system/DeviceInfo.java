package dev.berth.types.system;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A device a container may use, as discovered by a device driver ({@code DiscoveredDevices} of
 * {@code GET /info}, API 1.50+).
 *
 * @param source the device driver that found it, e.g. {@code cdi}
 * @param id     its id within that driver, e.g. {@code vendor.com/gpu=0} for CDI
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceInfo(
    @JsonProperty("Source") String source,
    @JsonProperty("ID") String id) {
}
