package dev.berth.types.containers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.List;
import java.util.Map;

/**
 * A mount requested for a container, an item of {@link HostConfig#mounts()}. (What a running
 * container actually mounts is reported as {@link MountPoint}.)
 *
 * <p>Start from {@link #bind}, {@link #volume} or {@link #tmpfs}, or from {@link #builder()}:
 * <pre>{@code
 * Mount.bind("/srv/data", "/data").readOnly(true).build()
 * }</pre>
 *
 * @param target        path inside the container
 * @param source        host path for {@code bind}, volume name for {@code volume} (empty for an
 *                      anonymous one), image reference for {@code image}; none for
 *                      {@code tmpfs}
 * @param type          {@code bind}, {@code volume}, {@code tmpfs} or {@code npipe} (newer
 *                      engines add {@code image} and {@code cluster})
 * @param readOnly      whether the mount is read-only
 * @param consistency   {@code default}, {@code consistent}, {@code cached} or {@code delegated};
 *                      only meaningful on Docker Desktop
 * @param bindOptions   options of a {@code bind} mount
 * @param volumeOptions options of a {@code volume} mount
 * @param tmpfsOptions  options of a {@code tmpfs} mount
 * @param imageOptions  options of an {@code image} mount (API 1.48+)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Mount(
    @JsonProperty("Target") String target,
    @JsonProperty("Source") String source,
    @JsonProperty("Type") String type,
    @JsonProperty("ReadOnly") Boolean readOnly,
    @JsonProperty("Consistency") String consistency,
    @JsonProperty("BindOptions") BindOptions bindOptions,
    @JsonProperty("VolumeOptions") VolumeOptions volumeOptions,
    @JsonProperty("TmpfsOptions") TmpfsOptions tmpfsOptions,
    @JsonProperty("ImageOptions") ImageOptions imageOptions) {

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a bind mount of a host path.
   *
   * @param hostPath host file or directory; it must exist
   * @param target   path inside the container
   * @return a builder with type, source and target set
   */
  public static Builder bind(String hostPath, String target) {
    return builder().type("bind").source(hostPath).target(target);
  }

  /**
   * Starts a volume mount; the engine creates the volume if it does not exist.
   *
   * @param name   volume name, or {@code null} for a new anonymous volume
   * @param target path inside the container
   * @return a builder with type, source and target set
   */
  public static Builder volume(String name, String target) {
    return builder().type("volume").source(name).target(target);
  }

  /**
   * Starts a tmpfs mount.
   *
   * @param target path inside the container
   * @return a builder with type and target set
   */
  public static Builder tmpfs(String target) {
    return builder().type("tmpfs").target(target);
  }

  /**
   * Returns a builder holding this record's values, to derive a changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return builder().target(target).source(source).type(type).readOnly(readOnly)
        .consistency(consistency).bindOptions(bindOptions).volumeOptions(volumeOptions)
        .tmpfsOptions(tmpfsOptions).imageOptions(imageOptions);
  }

  /**
   * Options of a bind mount.
   *
   * @param propagation            {@code private}, {@code rprivate}, {@code shared},
   *                               {@code rshared}, {@code slave} or {@code rslave}
   * @param nonRecursive           whether mounts below the source are left out
   * @param createMountpoint       whether to create the source path if missing (API 1.44+)
   * @param readOnlyNonRecursive   whether only the top mount is made read-only (API 1.44+)
   * @param readOnlyForceRecursive whether read-only must apply to all submounts, failing
   *                               otherwise (API 1.44+)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BindOptions(
      @JsonProperty("Propagation") String propagation,
      @JsonProperty("NonRecursive") Boolean nonRecursive,
      @JsonProperty("CreateMountpoint") Boolean createMountpoint,
      @JsonProperty("ReadOnlyNonRecursive") Boolean readOnlyNonRecursive,
      @JsonProperty("ReadOnlyForceRecursive") Boolean readOnlyForceRecursive) {
  }

  /**
   * Options of a volume mount.
   *
   * @param noCopy       whether to skip copying the image's files at the target into a new
   *                     volume
   * @param labels       labels for a volume created by this mount
   * @param driverConfig driver and options for a volume created by this mount
   * @param subpath      path inside the volume to mount instead of its root (API 1.45+)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record VolumeOptions(
      @JsonProperty("NoCopy") Boolean noCopy,
      @JsonProperty("Labels")
      @JsonInclude(JsonInclude.Include.NON_EMPTY)
      Map<String, String> labels,
      @JsonProperty("DriverConfig") DriverConfig driverConfig,
      @JsonProperty("Subpath") String subpath) {

    // Normalises missing labels to an empty map.
    public VolumeOptions {
      labels = Normalize.map(labels);
    }
  }

  /**
   * The volume driver for a volume a mount creates.
   *
   * @param name    driver name, e.g. {@code local}
   * @param options driver-specific options
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DriverConfig(
      @JsonProperty("Name") String name,
      @JsonProperty("Options")
      @JsonInclude(JsonInclude.Include.NON_EMPTY)
      Map<String, String> options) {

    // Normalises missing options to an empty map.
    public DriverConfig {
      options = Normalize.map(options);
    }
  }

  /**
   * Options of a tmpfs mount.
   *
   * @param sizeBytes size limit in bytes
   * @param mode      permission bits as a plain number (0755 octal is 493)
   * @param options   further mount options as {@code [name]} or {@code [name, value]} pairs
   *                  (API 1.46+)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TmpfsOptions(
      @JsonProperty("SizeBytes") Long sizeBytes,
      @JsonProperty("Mode") Long mode,
      @JsonProperty("Options")
      @JsonInclude(JsonInclude.Include.NON_EMPTY)
      List<List<String>> options) {

    // Normalises missing options to an empty list.
    public TmpfsOptions {
      options = Normalize.listOfLists(options);
    }
  }

  /**
   * Options of an image mount (API 1.48+).
   *
   * @param subpath path inside the image to mount instead of its root
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ImageOptions(
      @JsonProperty("Subpath") String subpath) {
  }

  /** Builds a {@link Mount}. Not thread-safe. */
  public static final class Builder {

    private String target;
    private String source;
    private String type;
    private Boolean readOnly;
    private String consistency;
    private BindOptions bindOptions;
    private VolumeOptions volumeOptions;
    private TmpfsOptions tmpfsOptions;
    private ImageOptions imageOptions;

    private Builder() {
    }

    /**
     * Sets {@code Target}, the path inside the container.
     *
     * @param target the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder target(String target) {
      this.target = target;
      return this;
    }

    /**
     * Sets {@code Source}: host path, volume name or image reference.
     *
     * @param source the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder source(String source) {
      this.source = source;
      return this;
    }

    /**
     * Sets {@code Type}: {@code bind}, {@code volume}, {@code tmpfs}, ...
     *
     * @param type the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder type(String type) {
      this.type = type;
      return this;
    }

    /**
     * Sets {@code ReadOnly}.
     *
     * @param readOnly the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder readOnly(Boolean readOnly) {
      this.readOnly = readOnly;
      return this;
    }

    /**
     * Sets {@code Consistency}.
     *
     * @param consistency the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder consistency(String consistency) {
      this.consistency = consistency;
      return this;
    }

    /**
     * Sets {@code BindOptions}.
     *
     * @param bindOptions the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder bindOptions(BindOptions bindOptions) {
      this.bindOptions = bindOptions;
      return this;
    }

    /**
     * Sets {@code VolumeOptions}.
     *
     * @param volumeOptions the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder volumeOptions(VolumeOptions volumeOptions) {
      this.volumeOptions = volumeOptions;
      return this;
    }

    /**
     * Sets {@code TmpfsOptions}.
     *
     * @param tmpfsOptions the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder tmpfsOptions(TmpfsOptions tmpfsOptions) {
      this.tmpfsOptions = tmpfsOptions;
      return this;
    }

    /**
     * Sets {@code ImageOptions} (API 1.48+).
     *
     * @param imageOptions the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder imageOptions(ImageOptions imageOptions) {
      this.imageOptions = imageOptions;
      return this;
    }

    /**
     * Returns the {@link Mount} with the values set so far.
     *
     * @return a new, immutable {@code Mount}
     */
    public Mount build() {
      return new Mount(target, source, type, readOnly, consistency, bindOptions,
          volumeOptions, tmpfsOptions, imageOptions);
    }
  }
}
