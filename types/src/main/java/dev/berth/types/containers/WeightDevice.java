package dev.berth.types.containers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A relative block IO weight for one device, an item of {@link Resources#blkioWeightDevice()}.
 *
 * @param path   device path, e.g. {@code /dev/sda}
 * @param weight relative weight, 10 to 1000
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WeightDevice(
    @JsonProperty("Path") String path,
    @JsonProperty("Weight") Integer weight) {
}
