package dev.berth.types.containers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A resource limit ({@code setrlimit}) of a container's processes, an item of
 * {@link Resources#ulimits()}.
 *
 * @param name resource name without the {@code RLIMIT_} prefix, lower case, e.g. {@code nofile}
 * @param soft soft limit
 * @param hard hard limit
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Ulimit(
    @JsonProperty("Name") String name,
    @JsonProperty("Soft") Long soft,
    @JsonProperty("Hard") Long hard) {
}
