package dev.berth.types.volumes;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.Map;

/**
 * A volume, as returned by the volume endpoints ({@code GET /volumes}, {@code GET
 * /volumes/{name}}) and {@code GET /system/df}.
 *
 * @param name       the volume's name
 * @param driver     volume driver, e.g. {@code local}
 * @param mountpoint where the volume is on the host
 * @param createdAt  when the volume was created, RFC 3339
 * @param status     driver-specific details; free-form, absent for most drivers
 * @param labels     user-defined metadata
 * @param scope      {@code local} (this host) or {@code global} (cluster-wide)
 * @param options    driver options the volume was created with
 * @param usageData  disk usage; only in {@code GET /system/df}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Volume(
    @JsonProperty("Name") String name,
    @JsonProperty("Driver") String driver,
    @JsonProperty("Mountpoint") String mountpoint,
    @JsonProperty("CreatedAt") String createdAt,
    @JsonProperty("Status") Map<String, Object> status,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("Scope") String scope,
    @JsonProperty("Options") Map<String, String> options,
    @JsonProperty("UsageData") UsageData usageData) {

  // Normalises missing maps to empty ones; status values may be null.
  public Volume {
    status = Normalize.mapAllowingNullValues(status);
    labels = Normalize.map(labels);
    options = Normalize.map(options);
  }

  /**
   * Disk usage of a volume.
   *
   * @param size     bytes used; {@code -1} when the driver cannot tell (only {@code local} can)
   * @param refCount containers using the volume; {@code -1} when unknown
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record UsageData(
      @JsonProperty("Size") Long size,
      @JsonProperty("RefCount") Long refCount) {
  }
}
