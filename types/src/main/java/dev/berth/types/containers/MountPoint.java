package dev.berth.types.containers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A mount in use by a container, as reported by {@code GET /containers/json} and container
 * inspection.
 *
 * @param type        mount type: {@code bind}, {@code volume}, {@code tmpfs}, {@code npipe}
 *                    (newer engines add more, e.g. {@code image}, {@code cluster})
 * @param name        volume name, for volume mounts
 * @param source      where the data lives on the host: the bind source or the volume's
 *                    directory; empty for tmpfs
 * @param destination path inside the container
 * @param driver      volume driver, for volume mounts
 * @param mode        options given when the mount was requested, comma-separated, e.g. {@code z}
 * @param rw          whether the mount is writable
 * @param propagation bind propagation, e.g. {@code rprivate}; Linux only
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MountPoint(
    @JsonProperty("Type") String type,
    @JsonProperty("Name") String name,
    @JsonProperty("Source") String source,
    @JsonProperty("Destination") String destination,
    @JsonProperty("Driver") String driver,
    @JsonProperty("Mode") String mode,
    @JsonProperty("RW") Boolean rw,
    @JsonProperty("Propagation") String propagation) {
}
