package dev.berth.types.system;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.List;

/**
 * The engine's firewall backend, from {@code GET /info} (API 1.48+, Linux only).
 *
 * @param driver the backend's driver, e.g. {@code iptables} or {@code nftables}
 * @param info   label/value pairs about it (the engine does not promise their format); empty when none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FirewallInfo(
    @JsonProperty("Driver") String driver,
    @JsonProperty("Info") List<List<String>> info) {

  // Normalises missing pairs to an empty list.
  public FirewallInfo {
    info = info == null ? List.of() : info.stream().map(Normalize::list).toList();
  }
}
