package dev.berth.types.containers;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.berth.types.internal.Builders;
import dev.berth.types.internal.ExtraFields;
import dev.berth.types.internal.Normalize;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A container's host-dependent settings: networking mode, mounts, published ports, restart
 * policy, namespaces, security options and resource limits. The {@code HostConfig} of
 * {@link ContainerCreateRequest} and of container inspection ({@code GET /containers/{id}/json}).
 *
 * <p>The resource fields ({@code Memory}, {@code CpuShares}, ...) sit directly in this object, as
 * in the API; berth keeps them in one {@link Resources} component ({@link #resources()}, marked
 * {@code @JsonUnwrapped}), the body that {@code POST /containers/{id}/update} takes. Set them
 * with {@link Builder#resources(java.util.function.Consumer)}.
 *
 * <p>Build one with {@link #builder()}. Collections are never {@code null}, except
 * {@link #maskedPaths()} and {@link #readonlyPaths()}, where an empty list differs from the
 * engine's default; empty collections and {@code null} values are left out of the JSON, which the
 * engine reads as "not set". Fields this record does not model are kept in {@link #extra()}.
 *
 * @param binds                bind mounts and named volumes as {@code source:target[:options]}
 * @param containerIdFile      file the container ID is written to
 * @param logConfig            logging driver and its options
 * @param networkMode          {@code bridge}, {@code host}, {@code none},
 *                             {@code container:<name|id>} or the name of a network
 * @param portBindings         published ports: container port ({@code 80/tcp}) to host bindings
 * @param autoRemove           whether the engine removes the container when it exits; ignored with
 *                             a restart policy
 * @param volumeDriver         volume driver for the container's volumes
 * @param volumesFrom          containers whose volumes to mount, {@code name[:ro|rw]}
 * @param mounts               mounts in the structured form
 * @param consoleSize          initial console size as {@code [height, width]}
 * @param annotations          key/value metadata passed to the OCI runtime (API 1.43+)
 * @param capAdd               kernel capabilities to add
 * @param capDrop              kernel capabilities to drop
 * @param cgroupnsMode         cgroup namespace: {@code private} or {@code host}; {@code null}
 *                             means the engine's default
 * @param dns                  DNS servers
 * @param dnsOptions           DNS resolver options
 * @param dnsSearch            DNS search domains
 * @param extraHosts           extra {@code /etc/hosts} lines as {@code name:address}
 * @param groupAdd             additional groups of the container's process
 * @param ipcMode              IPC namespace: {@code none}, {@code private}, {@code shareable},
 *                             {@code container:<name|id>} or {@code host}
 * @param cgroup               cgroup to use for the container
 * @param links                legacy links, {@code name:alias}
 * @param oomScoreAdj          adjustment of the OOM killer's score
 * @param pidMode              PID namespace: {@code container:<name|id>} or {@code host}
 * @param privileged           whether the container gets full access to the host
 * @param publishAllPorts      whether every exposed port is published on a random host port
 * @param readonlyRootfs       whether the root file system is read-only
 * @param securityOpt          security options, e.g. {@code no-new-privileges} or
 *                             {@code seccomp=unconfined}
 * @param storageOpt           storage-driver options, e.g. {@code size=10G}
 * @param tmpfs                tmpfs mounts: path to mount options
 * @param utsMode              UTS namespace, e.g. {@code host}
 * @param usernsMode           user namespace mode, e.g. {@code host}, when remapping is enabled
 * @param shmSize              size of {@code /dev/shm} in bytes
 * @param sysctls              kernel parameters to set
 * @param runtime              OCI runtime, e.g. {@code runc}
 * @param isolation            isolation technology (Windows only): {@code default},
 *                             {@code process} or {@code hyperv}
 * @param maskedPaths          paths masked inside the container; {@code null} means the engine's
 *                             default set, an empty list masks nothing
 * @param readonlyPaths        paths made read-only inside the container; {@code null} means the
 *                             engine's default set, an empty list none
 * @param resources          the resource limits ({@code Memory}, {@code CpuShares}, ...), with
 *                             {@code RestartPolicy}, {@code Init} and the fields berth does not
 *                             model; they sit directly in the JSON object, as in the API
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HostConfig(
    @JsonProperty("Binds")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<String> binds,
    @JsonProperty("ContainerIDFile") String containerIdFile,
    @JsonProperty("LogConfig") LogConfig logConfig,
    @JsonProperty("NetworkMode") String networkMode,
    @JsonProperty("PortBindings")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    Map<String, List<PortBinding>> portBindings,
    @JsonProperty("AutoRemove") Boolean autoRemove,
    @JsonProperty("VolumeDriver") String volumeDriver,
    @JsonProperty("VolumesFrom")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<String> volumesFrom,
    @JsonProperty("Mounts")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<Mount> mounts,
    @JsonProperty("ConsoleSize")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<Integer> consoleSize,
    @JsonProperty("Annotations")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    Map<String, String> annotations,
    @JsonProperty("CapAdd")
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<String> capAdd,
    @JsonProperty("CapDrop")
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<String> capDrop,
    @JsonProperty("CgroupnsMode") String cgroupnsMode,
    @JsonProperty("Dns")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<String> dns,
    @JsonProperty("DnsOptions")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<String> dnsOptions,
    @JsonProperty("DnsSearch")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<String> dnsSearch,
    @JsonProperty("ExtraHosts")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<String> extraHosts,
    @JsonProperty("GroupAdd")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<String> groupAdd,
    @JsonProperty("IpcMode") String ipcMode,
    @JsonProperty("Cgroup") String cgroup,
    @JsonProperty("Links")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<String> links,
    @JsonProperty("OomScoreAdj") Integer oomScoreAdj,
    @JsonProperty("PidMode") String pidMode,
    @JsonProperty("Privileged") Boolean privileged,
    @JsonProperty("PublishAllPorts") Boolean publishAllPorts,
    @JsonProperty("ReadonlyRootfs") Boolean readonlyRootfs,
    @JsonProperty("SecurityOpt")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<String> securityOpt,
    @JsonProperty("StorageOpt")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    Map<String, String> storageOpt,
    @JsonProperty("Tmpfs")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    Map<String, String> tmpfs,
    @JsonProperty("UTSMode") String utsMode,
    @JsonProperty("UsernsMode") String usernsMode,
    @JsonProperty("ShmSize") Long shmSize,
    @JsonProperty("Sysctls")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    Map<String, String> sysctls,
    @JsonProperty("Runtime") String runtime,
    @JsonProperty("Isolation") String isolation,
    @JsonProperty("MaskedPaths") List<String> maskedPaths,
    @JsonProperty("ReadonlyPaths") List<String> readonlyPaths,
    @JsonUnwrapped Resources resources) {

  // Normalises missing collections to empty ones (but keeps the paths lists' null, which means
  // "the engine's default") and checks the extra fields.
  public HostConfig {
    binds = Normalize.list(binds);
    portBindings = Normalize.mapOfLists(portBindings);
    volumesFrom = Normalize.list(volumesFrom);
    mounts = Normalize.list(mounts);
    consoleSize = Normalize.list(consoleSize);
    annotations = Normalize.map(annotations);
    capAdd = Normalize.list(capAdd);
    capDrop = Normalize.list(capDrop);
    dns = Normalize.list(dns);
    dnsOptions = Normalize.list(dnsOptions);
    dnsSearch = Normalize.list(dnsSearch);
    extraHosts = Normalize.list(extraHosts);
    groupAdd = Normalize.list(groupAdd);
    links = Normalize.list(links);
    securityOpt = Normalize.list(securityOpt);
    storageOpt = Normalize.map(storageOpt);
    tmpfs = Normalize.map(tmpfs);
    sysctls = Normalize.map(sysctls);
    maskedPaths = Normalize.listOrNull(maskedPaths);
    readonlyPaths = Normalize.listOrNull(readonlyPaths);
    resources = resources == null ? Resources.builder().build() : resources;
    ExtraFields.copy(HostConfig.class, resources.extra());
  }

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this record's values, to derive a changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.binds = new ArrayList<>(binds);
    b.containerIdFile = containerIdFile;
    b.logConfig = logConfig;
    b.networkMode = networkMode;
    b.portBindings = new LinkedHashMap<>(portBindings);
    b.autoRemove = autoRemove;
    b.volumeDriver = volumeDriver;
    b.volumesFrom = new ArrayList<>(volumesFrom);
    b.mounts = new ArrayList<>(mounts);
    b.consoleSize = new ArrayList<>(consoleSize);
    b.annotations = new LinkedHashMap<>(annotations);
    b.capAdd = new ArrayList<>(capAdd);
    b.capDrop = new ArrayList<>(capDrop);
    b.cgroupnsMode = cgroupnsMode;
    b.dns = new ArrayList<>(dns);
    b.dnsOptions = new ArrayList<>(dnsOptions);
    b.dnsSearch = new ArrayList<>(dnsSearch);
    b.extraHosts = new ArrayList<>(extraHosts);
    b.groupAdd = new ArrayList<>(groupAdd);
    b.ipcMode = ipcMode;
    b.cgroup = cgroup;
    b.links = new ArrayList<>(links);
    b.oomScoreAdj = oomScoreAdj;
    b.pidMode = pidMode;
    b.privileged = privileged;
    b.publishAllPorts = publishAllPorts;
    b.readonlyRootfs = readonlyRootfs;
    b.securityOpt = new ArrayList<>(securityOpt);
    b.storageOpt = new LinkedHashMap<>(storageOpt);
    b.tmpfs = new LinkedHashMap<>(tmpfs);
    b.utsMode = utsMode;
    b.usernsMode = usernsMode;
    b.shmSize = shmSize;
    b.sysctls = new LinkedHashMap<>(sysctls);
    b.runtime = runtime;
    b.isolation = isolation;
    b.maskedPaths = maskedPaths == null ? null : new ArrayList<>(maskedPaths);
    b.readonlyPaths = readonlyPaths == null ? null : new ArrayList<>(readonlyPaths);
    b.resources = resources.toBuilder();
    return b;
  }

  /**
   * Returns {@code RestartPolicy}, which lives in {@link #resources()}.
   *
   * @return what to do when the container exits, or {@code null}
   */
  public RestartPolicy restartPolicy() {
    return resources.restartPolicy();
  }

  /**
   * Returns {@code Init}, which lives in {@link #resources()}.
   *
   * @return whether an init process runs as PID 1; {@code null} means the engine's default
   */
  public Boolean init() {
    return resources.init();
  }

  /**
   * Returns the fields berth does not model. They are kept in {@link #resources()}, the part of
   * the object Jackson hands every field that the other components do not take.
   *
   * @return an unmodifiable map, never {@code null}
   */
  public Map<String, Object> extra() {
    return resources.extra();
  }

  /**
   * Where a container's log goes ({@code LogConfig}).
   *
   * @param type   logging driver: {@code json-file}, {@code local}, {@code syslog},
   *               {@code journald}, {@code none}, ...
   * @param config driver options, e.g. {@code max-size}
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record LogConfig(
      @JsonProperty("Type") String type,
      @JsonProperty("Config")
      @JsonInclude(JsonInclude.Include.NON_EMPTY)
      Map<String, String> config) {

    // Normalises missing options to an empty map.
    public LogConfig {
      config = Normalize.map(config);
    }
  }

  /**
   * Builds a {@link HostConfig}. Setters taking a list or map replace the current value; the
   * singular ones ({@code label(key, value)}, ...) add to it. Not thread-safe.
   */
  public static final class Builder {

    private List<String> binds;
    private String containerIdFile;
    private LogConfig logConfig;
    private String networkMode;
    private Map<String, List<PortBinding>> portBindings;
    private Boolean autoRemove;
    private String volumeDriver;
    private List<String> volumesFrom;
    private List<Mount> mounts;
    private List<Integer> consoleSize;
    private Map<String, String> annotations;
    private List<String> capAdd;
    private List<String> capDrop;
    private String cgroupnsMode;
    private List<String> dns;
    private List<String> dnsOptions;
    private List<String> dnsSearch;
    private List<String> extraHosts;
    private List<String> groupAdd;
    private String ipcMode;
    private String cgroup;
    private List<String> links;
    private Integer oomScoreAdj;
    private String pidMode;
    private Boolean privileged;
    private Boolean publishAllPorts;
    private Boolean readonlyRootfs;
    private List<String> securityOpt;
    private Map<String, String> storageOpt;
    private Map<String, String> tmpfs;
    private String utsMode;
    private String usernsMode;
    private Long shmSize;
    private Map<String, String> sysctls;
    private String runtime;
    private String isolation;
    private List<String> maskedPaths;
    private List<String> readonlyPaths;
    private Resources.Builder resources = Resources.builder();

    private Builder() {
    }

    /**
     * Sets {@code Binds}: bind mounts and named volumes as {@code source:target[:options]}.
     *
     * @param binds the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder binds(List<String> binds) {
      this.binds = Builders.mutableList(binds);
      return this;
    }

    /**
     * Sets {@code Binds}: bind mounts and named volumes as {@code source:target[:options]}.
     *
     * @param binds the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder binds(String... binds) {
      return binds(Builders.asList(binds));
    }

    /**
     * Sets {@code ContainerIDFile}: file the container ID is written to.
     *
     * @param containerIdFile the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder containerIdFile(String containerIdFile) {
      this.containerIdFile = containerIdFile;
      return this;
    }

    /**
     * Sets {@code LogConfig}: logging driver and its options.
     *
     * @param logConfig the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder logConfig(LogConfig logConfig) {
      this.logConfig = logConfig;
      return this;
    }

    /**
     * Sets {@code NetworkMode}: {@code bridge}, {@code host}, {@code none},
     * {@code container:<name|id>} or the name of a network.
     *
     * @param networkMode the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder networkMode(String networkMode) {
      this.networkMode = networkMode;
      return this;
    }

    /**
     * Sets {@code PortBindings}: published ports: container port ({@code 80/tcp}) to host
     * bindings.
     *
     * @param portBindings the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder portBindings(Map<String, List<PortBinding>> portBindings) {
      this.portBindings = Builders.mutableMap(portBindings);
      return this;
    }

    /**
     * Adds a host binding for a container port (e.g. {@code 80/tcp}) to {@code PortBindings}.
     *
     * @param port    the container port with protocol, e.g. {@code 80/tcp}
     * @param binding the host binding
     * @return this builder
     */
    public Builder portBinding(String port, PortBinding binding) {
      portBindings = Builders.append(portBindings, port, binding);
      return this;
    }

    /**
     * Sets {@code RestartPolicy}: what to do when the container exits.
     *
     * @param restartPolicy the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder restartPolicy(RestartPolicy restartPolicy) {
      resources.restartPolicy(restartPolicy);
      return this;
    }

    /**
     * Sets {@code AutoRemove}: whether the engine removes the container when it exits; ignored
     * with a restart policy.
     *
     * @param autoRemove the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder autoRemove(Boolean autoRemove) {
      this.autoRemove = autoRemove;
      return this;
    }

    /**
     * Sets {@code VolumeDriver}: volume driver for the container's volumes.
     *
     * @param volumeDriver the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder volumeDriver(String volumeDriver) {
      this.volumeDriver = volumeDriver;
      return this;
    }

    /**
     * Sets {@code VolumesFrom}: containers whose volumes to mount, {@code name[:ro|rw]}.
     *
     * @param volumesFrom the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder volumesFrom(List<String> volumesFrom) {
      this.volumesFrom = Builders.mutableList(volumesFrom);
      return this;
    }

    /**
     * Sets {@code VolumesFrom}: containers whose volumes to mount, {@code name[:ro|rw]}.
     *
     * @param volumesFrom the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder volumesFrom(String... volumesFrom) {
      return volumesFrom(Builders.asList(volumesFrom));
    }

    /**
     * Sets {@code Mounts}: mounts in the structured form.
     *
     * @param mounts the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder mounts(List<Mount> mounts) {
      this.mounts = Builders.mutableList(mounts);
      return this;
    }

    /**
     * Sets {@code Mounts}: mounts in the structured form.
     *
     * @param mounts the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder mounts(Mount... mounts) {
      return mounts(Builders.asList(mounts));
    }

    /**
     * Adds one entry to {@code Mounts}.
     *
     * @param mount the entry to add
     * @return this builder
     */
    public Builder mount(Mount mount) {
      mounts = Builders.add(mounts, mount);
      return this;
    }

    /**
     * Sets {@code ConsoleSize}: initial console size as {@code [height, width]}.
     *
     * @param consoleSize the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder consoleSize(List<Integer> consoleSize) {
      this.consoleSize = Builders.mutableList(consoleSize);
      return this;
    }

    /**
     * Sets {@code ConsoleSize} to {@code [height, width]}.
     *
     * @param height rows
     * @param width  columns
     * @return this builder
     */
    public Builder consoleSize(int height, int width) {
      return consoleSize(List.of(height, width));
    }

    /**
     * Sets {@code Annotations}: key/value metadata passed to the OCI runtime (API 1.43+).
     *
     * @param annotations the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder annotations(Map<String, String> annotations) {
      this.annotations = Builders.mutableMap(annotations);
      return this;
    }

    /**
     * Adds one entry to {@code Annotations}, replacing any with the same key.
     *
     * @param key   the key
     * @param value the value
     * @return this builder
     */
    public Builder annotation(String key, String value) {
      annotations = Builders.put(annotations, key, value);
      return this;
    }

    /**
     * Sets {@code CapAdd}: kernel capabilities to add.
     *
     * @param capAdd the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder capAdd(List<String> capAdd) {
      this.capAdd = Builders.mutableList(capAdd);
      return this;
    }

    /**
     * Sets {@code CapAdd}: kernel capabilities to add.
     *
     * @param capAdd the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder capAdd(String... capAdd) {
      return capAdd(Builders.asList(capAdd));
    }

    /**
     * Sets {@code CapDrop}: kernel capabilities to drop.
     *
     * @param capDrop the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder capDrop(List<String> capDrop) {
      this.capDrop = Builders.mutableList(capDrop);
      return this;
    }

    /**
     * Sets {@code CapDrop}: kernel capabilities to drop.
     *
     * @param capDrop the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder capDrop(String... capDrop) {
      return capDrop(Builders.asList(capDrop));
    }

    /**
     * Sets {@code CgroupnsMode}: cgroup namespace: {@code private} or {@code host};
     * {@code null} means the engine's default.
     *
     * @param cgroupnsMode the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder cgroupnsMode(String cgroupnsMode) {
      this.cgroupnsMode = cgroupnsMode;
      return this;
    }

    /**
     * Sets {@code Dns}: DNS servers.
     *
     * @param dns the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder dns(List<String> dns) {
      this.dns = Builders.mutableList(dns);
      return this;
    }

    /**
     * Sets {@code Dns}: DNS servers.
     *
     * @param dns the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder dns(String... dns) {
      return dns(Builders.asList(dns));
    }

    /**
     * Sets {@code DnsOptions}: DNS resolver options.
     *
     * @param dnsOptions the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder dnsOptions(List<String> dnsOptions) {
      this.dnsOptions = Builders.mutableList(dnsOptions);
      return this;
    }

    /**
     * Sets {@code DnsOptions}: DNS resolver options.
     *
     * @param dnsOptions the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder dnsOptions(String... dnsOptions) {
      return dnsOptions(Builders.asList(dnsOptions));
    }

    /**
     * Sets {@code DnsSearch}: DNS search domains.
     *
     * @param dnsSearch the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder dnsSearch(List<String> dnsSearch) {
      this.dnsSearch = Builders.mutableList(dnsSearch);
      return this;
    }

    /**
     * Sets {@code DnsSearch}: DNS search domains.
     *
     * @param dnsSearch the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder dnsSearch(String... dnsSearch) {
      return dnsSearch(Builders.asList(dnsSearch));
    }

    /**
     * Sets {@code ExtraHosts}: extra {@code /etc/hosts} lines as {@code name:address}.
     *
     * @param extraHosts the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder extraHosts(List<String> extraHosts) {
      this.extraHosts = Builders.mutableList(extraHosts);
      return this;
    }

    /**
     * Sets {@code ExtraHosts}: extra {@code /etc/hosts} lines as {@code name:address}.
     *
     * @param extraHosts the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder extraHosts(String... extraHosts) {
      return extraHosts(Builders.asList(extraHosts));
    }

    /**
     * Sets {@code GroupAdd}: additional groups of the container's process.
     *
     * @param groupAdd the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder groupAdd(List<String> groupAdd) {
      this.groupAdd = Builders.mutableList(groupAdd);
      return this;
    }

    /**
     * Sets {@code GroupAdd}: additional groups of the container's process.
     *
     * @param groupAdd the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder groupAdd(String... groupAdd) {
      return groupAdd(Builders.asList(groupAdd));
    }

    /**
     * Sets {@code IpcMode}: IPC namespace: {@code none}, {@code private}, {@code shareable},
     * {@code container:<name|id>} or {@code host}.
     *
     * @param ipcMode the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder ipcMode(String ipcMode) {
      this.ipcMode = ipcMode;
      return this;
    }

    /**
     * Sets {@code Cgroup}: cgroup to use for the container.
     *
     * @param cgroup the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder cgroup(String cgroup) {
      this.cgroup = cgroup;
      return this;
    }

    /**
     * Sets {@code Links}: legacy links, {@code name:alias}.
     *
     * @param links the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder links(List<String> links) {
      this.links = Builders.mutableList(links);
      return this;
    }

    /**
     * Sets {@code Links}: legacy links, {@code name:alias}.
     *
     * @param links the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder links(String... links) {
      return links(Builders.asList(links));
    }

    /**
     * Sets {@code OomScoreAdj}: adjustment of the OOM killer's score.
     *
     * @param oomScoreAdj the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder oomScoreAdj(Integer oomScoreAdj) {
      this.oomScoreAdj = oomScoreAdj;
      return this;
    }

    /**
     * Sets {@code PidMode}: PID namespace: {@code container:<name|id>} or {@code host}.
     *
     * @param pidMode the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder pidMode(String pidMode) {
      this.pidMode = pidMode;
      return this;
    }

    /**
     * Sets {@code Privileged}: whether the container gets full access to the host.
     *
     * @param privileged the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder privileged(Boolean privileged) {
      this.privileged = privileged;
      return this;
    }

    /**
     * Sets {@code PublishAllPorts}: whether every exposed port is published on a random host
     * port.
     *
     * @param publishAllPorts the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder publishAllPorts(Boolean publishAllPorts) {
      this.publishAllPorts = publishAllPorts;
      return this;
    }

    /**
     * Sets {@code ReadonlyRootfs}: whether the root file system is read-only.
     *
     * @param readonlyRootfs the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder readonlyRootfs(Boolean readonlyRootfs) {
      this.readonlyRootfs = readonlyRootfs;
      return this;
    }

    /**
     * Sets {@code SecurityOpt}: security options, e.g. {@code no-new-privileges} or
     * {@code seccomp=unconfined}.
     *
     * @param securityOpt the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder securityOpt(List<String> securityOpt) {
      this.securityOpt = Builders.mutableList(securityOpt);
      return this;
    }

    /**
     * Sets {@code SecurityOpt}: security options, e.g. {@code no-new-privileges} or
     * {@code seccomp=unconfined}.
     *
     * @param securityOpt the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder securityOpt(String... securityOpt) {
      return securityOpt(Builders.asList(securityOpt));
    }

    /**
     * Sets {@code StorageOpt}: storage-driver options, e.g. {@code size=10G}.
     *
     * @param storageOpt the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder storageOpt(Map<String, String> storageOpt) {
      this.storageOpt = Builders.mutableMap(storageOpt);
      return this;
    }

    /**
     * Adds one entry to {@code StorageOpt}, replacing any with the same key.
     *
     * @param key   the key
     * @param value the value
     * @return this builder
     */
    public Builder storageOpt(String key, String value) {
      storageOpt = Builders.put(storageOpt, key, value);
      return this;
    }

    /**
     * Sets {@code Tmpfs}: tmpfs mounts: path to mount options.
     *
     * @param tmpfs the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder tmpfs(Map<String, String> tmpfs) {
      this.tmpfs = Builders.mutableMap(tmpfs);
      return this;
    }

    /**
     * Adds one entry to {@code Tmpfs}, replacing any with the same key.
     *
     * @param key   the key
     * @param value the value
     * @return this builder
     */
    public Builder tmpfs(String key, String value) {
      tmpfs = Builders.put(tmpfs, key, value);
      return this;
    }

    /**
     * Sets {@code UTSMode}: UTS namespace, e.g. {@code host}.
     *
     * @param utsMode the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder utsMode(String utsMode) {
      this.utsMode = utsMode;
      return this;
    }

    /**
     * Sets {@code UsernsMode}: user namespace mode, e.g. {@code host}, when remapping is
     * enabled.
     *
     * @param usernsMode the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder usernsMode(String usernsMode) {
      this.usernsMode = usernsMode;
      return this;
    }

    /**
     * Sets {@code ShmSize}: size of {@code /dev/shm} in bytes.
     *
     * @param shmSize the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder shmSize(Long shmSize) {
      this.shmSize = shmSize;
      return this;
    }

    /**
     * Sets {@code ShmSize}; see {@link #shmSize(Long)}.
     *
     * @param shmSize the value
     * @return this builder
     */
    public Builder shmSize(long shmSize) {
      return shmSize(Long.valueOf(shmSize));
    }

    /**
     * Sets {@code Sysctls}: kernel parameters to set.
     *
     * @param sysctls the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder sysctls(Map<String, String> sysctls) {
      this.sysctls = Builders.mutableMap(sysctls);
      return this;
    }

    /**
     * Adds one entry to {@code Sysctls}, replacing any with the same key.
     *
     * @param key   the key
     * @param value the value
     * @return this builder
     */
    public Builder sysctl(String key, String value) {
      sysctls = Builders.put(sysctls, key, value);
      return this;
    }

    /**
     * Sets {@code Runtime}: OCI runtime, e.g. {@code runc}.
     *
     * @param runtime the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder runtime(String runtime) {
      this.runtime = runtime;
      return this;
    }

    /**
     * Sets {@code Isolation}: isolation technology (Windows only): {@code default},
     * {@code process} or {@code hyperv}.
     *
     * @param isolation the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder isolation(String isolation) {
      this.isolation = isolation;
      return this;
    }

    /**
     * Sets {@code MaskedPaths}: paths masked inside the container; {@code null} means the
     * engine's default set, an empty list masks nothing.
     *
     * @param maskedPaths the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder maskedPaths(List<String> maskedPaths) {
      this.maskedPaths = Builders.mutableList(maskedPaths);
      return this;
    }

    /**
     * Sets {@code MaskedPaths}: paths masked inside the container; {@code null} means the
     * engine's default set, an empty list masks nothing.
     *
     * @param maskedPaths the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder maskedPaths(String... maskedPaths) {
      return maskedPaths(Builders.asList(maskedPaths));
    }

    /**
     * Sets {@code ReadonlyPaths}: paths made read-only inside the container; {@code null} means
     * the engine's default set, an empty list none.
     *
     * @param readonlyPaths the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder readonlyPaths(List<String> readonlyPaths) {
      this.readonlyPaths = Builders.mutableList(readonlyPaths);
      return this;
    }

    /**
     * Sets {@code ReadonlyPaths}: paths made read-only inside the container; {@code null} means
     * the engine's default set, an empty list none.
     *
     * @param readonlyPaths the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder readonlyPaths(String... readonlyPaths) {
      return readonlyPaths(Builders.asList(readonlyPaths));
    }

    /**
     * Sets {@code Init}: whether an init process runs as PID 1; {@code null} means the engine's
     * default.
     *
     * @param init the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder init(Boolean init) {
      resources.init(init);
      return this;
    }

    /**
     * Adds a field berth does not model, written into the JSON as it is (a {@code null} value
     * is written as JSON {@code null}).
     *
     * @param name  the field's name as the API spells it
     * @param value any value Jackson can write
     * @return this builder
     * @throws IllegalArgumentException if a component of this record already maps {@code name};
     *                                  names are compared ignoring case, as the engine does
     */
    public Builder extra(String name, Object value) {
      ExtraFields.checkName(HostConfig.class, name);
      resources.extra(name, value);
      return this;
    }

    /**
     * Replaces all unmodelled fields; see {@link #extra(String, Object)}.
     *
     * @param extra the fields; {@code null} clears them
     * @return this builder
     * @throws IllegalArgumentException if a component of this record already maps a name
     */
    public Builder extra(Map<String, ?> extra) {
      resources.extra(Map.of());
      if (extra != null) {
        extra.forEach(this::extra);
      }
      return this;
    }

    /**
     * Replaces the resource limits, {@code RestartPolicy}, {@code Init} and the extra fields with
     * those of {@code resources}.
     *
     * @param resources the new values; {@code null} clears them
     * @return this builder
     */
    public Builder resources(Resources resources) {
      this.resources = resources == null ? Resources.builder() : resources.toBuilder();
      return this;
    }

    /**
     * Edits the resource limits, {@code RestartPolicy}, {@code Init} and the extra fields in
     * place, e.g. {@code resources(r -> r.memory(64 * 1024 * 1024).cpuShares(512))}.
     *
     * @param edit changes to apply to the current values
     * @return this builder
     */
    public Builder resources(Consumer<Resources.Builder> edit) {
      edit.accept(resources);
      return this;
    }

    /**
     * Returns the {@link HostConfig} with the values set so far.
     *
     * @return a new, immutable {@code HostConfig}
     */
    public HostConfig build() {
      return new HostConfig(binds, containerIdFile, logConfig, networkMode, portBindings,
        autoRemove, volumeDriver, volumesFrom, mounts, consoleSize, annotations, capAdd,
        capDrop, cgroupnsMode, dns, dnsOptions, dnsSearch, extraHosts, groupAdd, ipcMode,
        cgroup, links, oomScoreAdj, pidMode, privileged, publishAllPorts, readonlyRootfs,
        securityOpt, storageOpt, tmpfs, utsMode, usernsMode, shmSize, sysctls, runtime,
        isolation, maskedPaths, readonlyPaths, resources.build());
    }
  }
}
