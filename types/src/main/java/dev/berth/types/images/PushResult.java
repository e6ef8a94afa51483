package dev.berth.types.images;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code aux} object a push's progress stream ({@code POST /images/{name}/push}) ends a tag
 * with: {@code {"aux":{"Tag":"1","Digest":"sha256:...","Size":523}}}.
 *
 * @param tag    the tag pushed
 * @param digest the digest of the manifest the registry stored, {@code sha256:...}
 * @param size   the manifest's size in bytes
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PushResult(
    @JsonProperty("Tag") String tag,
    @JsonProperty("Digest") String digest,
    @JsonProperty("Size") Long size) {
}
