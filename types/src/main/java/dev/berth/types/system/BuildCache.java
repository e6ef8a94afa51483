package dev.berth.types.system;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.List;

/**
 * One build-cache record, an item of {@link DiskUsage#buildCache()} ({@code GET /system/df}).
 *
 * @param id          the record's ID
 * @param parent      ID of the parent record; replaced by {@code parents} in API 1.42
 * @param parents     IDs of the parent records (API 1.42+)
 * @param type        record type, e.g. {@code regular}, {@code internal}, {@code frontend},
 *                    {@code source.local}, {@code source.git.checkout}, {@code exec.cachemount}
 * @param description the build step that produced the record
 * @param inUse       whether the record is in use
 * @param shared      whether the record is shared
 * @param size        disk space used, in bytes
 * @param createdAt   when the record was created, RFC 3339 with nanoseconds
 * @param lastUsedAt  when the record was last used, RFC 3339 with nanoseconds; may be absent
 * @param usageCount  how often the record was used
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BuildCache(
    @JsonProperty("ID") String id,
    @JsonProperty("Parent") String parent,
    @JsonProperty("Parents") List<String> parents,
    @JsonProperty("Type") String type,
    @JsonProperty("Description") String description,
    @JsonProperty("InUse") Boolean inUse,
    @JsonProperty("Shared") Boolean shared,
    @JsonProperty("Size") Long size,
    @JsonProperty("CreatedAt") String createdAt,
    @JsonProperty("LastUsedAt") String lastUsedAt,
    @JsonProperty("UsageCount") Integer usageCount) {

  // Normalises a missing parent list to an empty one.
  public BuildCache {
    parents = Normalize.list(parents);
  }
}
