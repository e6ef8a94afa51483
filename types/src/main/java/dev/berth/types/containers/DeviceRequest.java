package dev.berth.types.containers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.List;
import java.util.Map;

/**
 * A request for devices (typically GPUs) that a device driver provides, an item of
 * {@link Resources#deviceRequests()}.
 *
 * @param driver       device driver, e.g. {@code nvidia}; empty to let the engine pick by
 *                     capabilities
 * @param count        how many devices; -1 for all
 * @param deviceIds    specific devices, by ID or index; not combined with {@code count}
 * @param capabilities capability sets, any one of which a device must offer in full, e.g.
 *                     {@code [["gpu", "compute"]]}
 * @param options      driver-specific options
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceRequest(
    @JsonProperty("Driver") String driver,
    @JsonProperty("Count") Integer count,
    @JsonProperty("DeviceIDs")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<String> deviceIds,
    @JsonProperty("Capabilities")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<List<String>> capabilities,
    @JsonProperty("Options")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    Map<String, String> options) {

  // Normalises missing collections to empty ones.
  public DeviceRequest {
    deviceIds = Normalize.list(deviceIds);
    capabilities = Normalize.listOfLists(capabilities);
    options = Normalize.map(options);
  }
}
