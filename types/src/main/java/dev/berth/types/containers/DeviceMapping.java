package dev.berth.types.containers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A host device made available in a container, an item of {@link Resources#devices()}.
 *
 * @param pathOnHost        device path on the host, e.g. {@code /dev/fuse}
 * @param pathInContainer   path inside the container
 * @param cgroupPermissions access allowed, a combination of {@code r}, {@code w} and {@code m}
 *                          (mknod)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceMapping(
    @JsonProperty("PathOnHost") String pathOnHost,
    @JsonProperty("PathInContainer") String pathInContainer,
    @JsonProperty("CgroupPermissions") String cgroupPermissions) {
}
