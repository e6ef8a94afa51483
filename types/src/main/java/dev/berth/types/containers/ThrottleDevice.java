package dev.berth.types.containers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A block IO rate limit for one device, an item of the {@code BlkioDevice*} lists of
 * {@link HostConfig} and {@link Resources}.
 *
 * @param path device path, e.g. {@code /dev/sda}
 * @param rate limit, in bytes or operations per second depending on the list
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ThrottleDevice(
    @JsonProperty("Path") String path,
    @JsonProperty("Rate") Long rate) {
}
