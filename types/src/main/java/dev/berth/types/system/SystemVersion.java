package dev.berth.types.system;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.List;
import java.util.Map;

/**
 * Version information about the engine and its components, as returned by {@code GET /version}.
 *
 * @param platform      the product the engine belongs to
 * @param components    the engine's components (engine, containerd, runc, ...) and their versions
 * @param version       engine version, e.g. {@code 20.10.24}
 * @param apiVersion    highest (and default) API version the engine serves, e.g. {@code 1.41}
 * @param minApiVersion lowest API version the engine still serves
 * @param gitCommit     commit the engine was built from
 * @param goVersion     Go release the engine was built with
 * @param os            operating system the engine runs on, e.g. {@code linux}
 * @param arch          architecture of the engine binary, e.g. {@code amd64}
 * @param kernelVersion kernel version of the host
 * @param experimental  whether experimental features are enabled; absent when they are not
 * @param buildTime     when the engine was built, as reported by the engine
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SystemVersion(
    @JsonProperty("Platform") Platform platform,
    @JsonProperty("Components") List<Component> components,
    @JsonProperty("Version") String version,
    @JsonProperty("ApiVersion") String apiVersion,
    @JsonProperty("MinAPIVersion") String minApiVersion,
    @JsonProperty("GitCommit") String gitCommit,
    @JsonProperty("GoVersion") String goVersion,
    @JsonProperty("Os") String os,
    @JsonProperty("Arch") String arch,
    @JsonProperty("KernelVersion") String kernelVersion,
    @JsonProperty("Experimental") Boolean experimental,
    @JsonProperty("BuildTime") String buildTime) {

  // Normalises a missing component list to an empty one.
  public SystemVersion {
    components = Normalize.list(components);
  }

  /**
   * The product the engine belongs to.
   *
   * @param name product name, e.g. {@code Docker Engine - Community}
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Platform(@JsonProperty("Name") String name) {
  }

  /**
   * One component of the engine and its version.
   *
   * @param name    component name, e.g. {@code Engine} or {@code containerd}
   * @param version component version
   * @param details informational key/value pairs whose content the API does not define
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Component(
      @JsonProperty("Name") String name,
      @JsonProperty("Version") String version,
      @JsonProperty("Details") Map<String, String> details) {

    // Normalises missing details to an empty map.
    public Component {
      details = Normalize.map(details);
    }
  }
}
