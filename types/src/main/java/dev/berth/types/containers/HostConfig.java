package dev.berth.types.containers;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Builders;
import dev.berth.types.internal.ExtraFields;
import dev.berth.types.internal.Normalize;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container's host-dependent settings: networking mode, mounts, published ports, restart
 * policy, namespaces, security options and resource limits. The {@code HostConfig} of
 * {@link ContainerCreateRequest} and of container inspection ({@code GET /containers/{id}/json}).
 *
 * <p>The resource fields ({@code Memory}, {@code CpuShares}, ...) sit directly in this object, as
 * in the API; {@link #resources()} returns them as the {@link Resources} that
 * {@code POST /containers/{id}/update} takes.
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
 * @param restartPolicy        what to do when the container exits
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
 * @param init                 whether an init process runs as PID 1; {@code null} means the
 *                             engine's default
 * @param cpuShares            relative CPU weight
 * @param memory               memory limit in bytes; 0 for none
 * @param cgroupParent         parent cgroup of the container's cgroup
 * @param blkioWeight          relative block IO weight, 10 to 1000
 * @param blkioWeightDevice    block IO weight per device
 * @param blkioDeviceReadBps   read limit per device, in bytes per second
 * @param blkioDeviceWriteBps  write limit per device, in bytes per second
 * @param blkioDeviceReadIops  read limit per device, in operations per second
 * @param blkioDeviceWriteIops write limit per device, in operations per second
 * @param cpuPeriod            CFS period in microseconds
 * @param cpuQuota             CPU time in microseconds the container may use per CFS period
 * @param cpuRealtimePeriod    real-time scheduling period in microseconds
 * @param cpuRealtimeRuntime   real-time runtime in microseconds per period
 * @param cpusetCpus           CPUs the container may run on, e.g. {@code 0-3} or {@code 0,1}
 * @param cpusetMems           memory nodes the container may use (NUMA)
 * @param devices              host devices to add
 * @param deviceCgroupRules    device cgroup rules, e.g. {@code c 13:* rwm}
 * @param deviceRequests       requests for devices from device drivers (e.g. GPUs)
 * @param kernelMemory         kernel memory limit in bytes; deprecated, and no longer in the API
 *                             by 1.44
 * @param kernelMemoryTcp      kernel TCP buffer limit in bytes; deprecated in API 1.51, removed in
 *                             1.52
 * @param memoryReservation    soft memory limit in bytes
 * @param memorySwap           memory plus swap limit in bytes; -1 for unlimited swap
 * @param memorySwappiness     swappiness, 0 to 100; {@code null} means the host's
 * @param nanoCpus             CPU limit in billionths of a CPU
 * @param oomKillDisable       whether the OOM killer is disabled for the container
 * @param pidsLimit            process limit; 0 or -1 for none, {@code null} to leave it unchanged
 * @param ulimits              resource limits ({@code setrlimit})
 * @param cpuCount             usable CPUs (Windows only)
 * @param cpuPercent           usable percentage of the CPUs (Windows only)
 * @param ioMaximumIops        IO operations per second limit of the system drive (Windows only)
 * @param ioMaximumBandwidth   IO bytes per second limit of the system drive (Windows only)
 * @param extra                fields berth does not model, written into the JSON as they are; when
 *                             decoding, fields this record does not know land here
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
    @JsonProperty("RestartPolicy") RestartPolicy restartPolicy,
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
    @JsonProperty("Init") Boolean init,
    @JsonProperty("CpuShares") Long cpuShares,
    @JsonProperty("Memory") Long memory,
    @JsonProperty("CgroupParent") String cgroupParent,
    @JsonProperty("BlkioWeight") Integer blkioWeight,
    @JsonProperty("BlkioWeightDevice")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<WeightDevice> blkioWeightDevice,
    @JsonProperty("BlkioDeviceReadBps")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<ThrottleDevice> blkioDeviceReadBps,
    @JsonProperty("BlkioDeviceWriteBps")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<ThrottleDevice> blkioDeviceWriteBps,
    @JsonProperty("BlkioDeviceReadIOps")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<ThrottleDevice> blkioDeviceReadIops,
    @JsonProperty("BlkioDeviceWriteIOps")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<ThrottleDevice> blkioDeviceWriteIops,
    @JsonProperty("CpuPeriod") Long cpuPeriod,
    @JsonProperty("CpuQuota") Long cpuQuota,
    @JsonProperty("CpuRealtimePeriod") Long cpuRealtimePeriod,
    @JsonProperty("CpuRealtimeRuntime") Long cpuRealtimeRuntime,
    @JsonProperty("CpusetCpus") String cpusetCpus,
    @JsonProperty("CpusetMems") String cpusetMems,
    @JsonProperty("Devices")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<DeviceMapping> devices,
    @JsonProperty("DeviceCgroupRules")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<String> deviceCgroupRules,
    @JsonProperty("DeviceRequests")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<DeviceRequest> deviceRequests,
    @JsonProperty("KernelMemory") Long kernelMemory,
    @JsonProperty("KernelMemoryTCP") Long kernelMemoryTcp,
    @JsonProperty("MemoryReservation") Long memoryReservation,
    @JsonProperty("MemorySwap") Long memorySwap,
    @JsonProperty("MemorySwappiness") Long memorySwappiness,
    @JsonProperty("NanoCpus") Long nanoCpus,
    @JsonProperty("OomKillDisable") Boolean oomKillDisable,
    @JsonProperty("PidsLimit") Long pidsLimit,
    @JsonProperty("Ulimits")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<Ulimit> ulimits,
    @JsonProperty("CpuCount") Long cpuCount,
    @JsonProperty("CpuPercent") Long cpuPercent,
    @JsonProperty("IOMaximumIOps") Long ioMaximumIops,
    @JsonProperty("IOMaximumBandwidth") Long ioMaximumBandwidth,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

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
    blkioWeightDevice = Normalize.list(blkioWeightDevice);
    blkioDeviceReadBps = Normalize.list(blkioDeviceReadBps);
    blkioDeviceWriteBps = Normalize.list(blkioDeviceWriteBps);
    blkioDeviceReadIops = Normalize.list(blkioDeviceReadIops);
    blkioDeviceWriteIops = Normalize.list(blkioDeviceWriteIops);
    devices = Normalize.list(devices);
    deviceCgroupRules = Normalize.list(deviceCgroupRules);
    deviceRequests = Normalize.list(deviceRequests);
    ulimits = Normalize.list(ulimits);
    extra = ExtraFields.copy(HostConfig.class, extra);
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
    b.restartPolicy = restartPolicy;
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
    b.init = init;
    b.cpuShares = cpuShares;
    b.memory = memory;
    b.cgroupParent = cgroupParent;
    b.blkioWeight = blkioWeight;
    b.blkioWeightDevice = new ArrayList<>(blkioWeightDevice);
    b.blkioDeviceReadBps = new ArrayList<>(blkioDeviceReadBps);
    b.blkioDeviceWriteBps = new ArrayList<>(blkioDeviceWriteBps);
    b.blkioDeviceReadIops = new ArrayList<>(blkioDeviceReadIops);
    b.blkioDeviceWriteIops = new ArrayList<>(blkioDeviceWriteIops);
    b.cpuPeriod = cpuPeriod;
    b.cpuQuota = cpuQuota;
    b.cpuRealtimePeriod = cpuRealtimePeriod;
    b.cpuRealtimeRuntime = cpuRealtimeRuntime;
    b.cpusetCpus = cpusetCpus;
    b.cpusetMems = cpusetMems;
    b.devices = new ArrayList<>(devices);
    b.deviceCgroupRules = new ArrayList<>(deviceCgroupRules);
    b.deviceRequests = new ArrayList<>(deviceRequests);
    b.kernelMemory = kernelMemory;
    b.kernelMemoryTcp = kernelMemoryTcp;
    b.memoryReservation = memoryReservation;
    b.memorySwap = memorySwap;
    b.memorySwappiness = memorySwappiness;
    b.nanoCpus = nanoCpus;
    b.oomKillDisable = oomKillDisable;
    b.pidsLimit = pidsLimit;
    b.ulimits = new ArrayList<>(ulimits);
    b.cpuCount = cpuCount;
    b.cpuPercent = cpuPercent;
    b.ioMaximumIops = ioMaximumIops;
    b.ioMaximumBandwidth = ioMaximumBandwidth;
    b.extra = new LinkedHashMap<>(extra);
    return b;
  }

  /**
   * Returns the resource fields, with the restart policy and init flag, as the body of a
   * container update ({@code POST /containers/{id}/update}).
   *
   * @return the resources; its extra fields are empty
   */
  public Resources resources() {
    return new Resources(cpuShares, memory, cgroupParent, blkioWeight, blkioWeightDevice,
        blkioDeviceReadBps, blkioDeviceWriteBps, blkioDeviceReadIops, blkioDeviceWriteIops,
        cpuPeriod, cpuQuota, cpuRealtimePeriod, cpuRealtimeRuntime, cpusetCpus, cpusetMems,
        devices, deviceCgroupRules, deviceRequests, kernelMemory, kernelMemoryTcp,
        memoryReservation, memorySwap, memorySwappiness, nanoCpus, oomKillDisable,
        pidsLimit, ulimits, cpuCount, cpuPercent, ioMaximumIops, ioMaximumBandwidth, init,
        restartPolicy, Map.of());
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
    private RestartPolicy restartPolicy;
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
    private Boolean init;
    private Long cpuShares;
    private Long memory;
    private String cgroupParent;
    private Integer blkioWeight;
    private List<WeightDevice> blkioWeightDevice;
    private List<ThrottleDevice> blkioDeviceReadBps;
    private List<ThrottleDevice> blkioDeviceWriteBps;
    private List<ThrottleDevice> blkioDeviceReadIops;
    private List<ThrottleDevice> blkioDeviceWriteIops;
    private Long cpuPeriod;
    private Long cpuQuota;
    private Long cpuRealtimePeriod;
    private Long cpuRealtimeRuntime;
    private String cpusetCpus;
    private String cpusetMems;
    private List<DeviceMapping> devices;
    private List<String> deviceCgroupRules;
    private List<DeviceRequest> deviceRequests;
    private Long kernelMemory;
    private Long kernelMemoryTcp;
    private Long memoryReservation;
    private Long memorySwap;
    private Long memorySwappiness;
    private Long nanoCpus;
    private Boolean oomKillDisable;
    private Long pidsLimit;
    private List<Ulimit> ulimits;
    private Long cpuCount;
    private Long cpuPercent;
    private Long ioMaximumIops;
    private Long ioMaximumBandwidth;
    private Map<String, Object> extra = new LinkedHashMap<>();

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
      this.restartPolicy = restartPolicy;
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
      this.init = init;
      return this;
    }

    /**
     * Sets {@code CpuShares}: relative CPU weight.
     *
     * @param cpuShares the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder cpuShares(Long cpuShares) {
      this.cpuShares = cpuShares;
      return this;
    }

    /**
     * Sets {@code CpuShares}; see {@link #cpuShares(Long)}.
     *
     * @param cpuShares the value
     * @return this builder
     */
    public Builder cpuShares(long cpuShares) {
      return cpuShares(Long.valueOf(cpuShares));
    }

    /**
     * Sets {@code Memory}: memory limit in bytes; 0 for none.
     *
     * @param memory the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder memory(Long memory) {
      this.memory = memory;
      return this;
    }

    /**
     * Sets {@code Memory}; see {@link #memory(Long)}.
     *
     * @param memory the value
     * @return this builder
     */
    public Builder memory(long memory) {
      return memory(Long.valueOf(memory));
    }

    /**
     * Sets {@code CgroupParent}: parent cgroup of the container's cgroup.
     *
     * @param cgroupParent the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder cgroupParent(String cgroupParent) {
      this.cgroupParent = cgroupParent;
      return this;
    }

    /**
     * Sets {@code BlkioWeight}: relative block IO weight, 10 to 1000.
     *
     * @param blkioWeight the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder blkioWeight(Integer blkioWeight) {
      this.blkioWeight = blkioWeight;
      return this;
    }

    /**
     * Sets {@code BlkioWeightDevice}: block IO weight per device.
     *
     * @param blkioWeightDevice the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder blkioWeightDevice(List<WeightDevice> blkioWeightDevice) {
      this.blkioWeightDevice = Builders.mutableList(blkioWeightDevice);
      return this;
    }

    /**
     * Sets {@code BlkioWeightDevice}: block IO weight per device.
     *
     * @param blkioWeightDevice the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder blkioWeightDevice(WeightDevice... blkioWeightDevice) {
      return blkioWeightDevice(Builders.asList(blkioWeightDevice));
    }

    /**
     * Sets {@code BlkioDeviceReadBps}: read limit per device, in bytes per second.
     *
     * @param blkioDeviceReadBps the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder blkioDeviceReadBps(List<ThrottleDevice> blkioDeviceReadBps) {
      this.blkioDeviceReadBps = Builders.mutableList(blkioDeviceReadBps);
      return this;
    }

    /**
     * Sets {@code BlkioDeviceReadBps}: read limit per device, in bytes per second.
     *
     * @param blkioDeviceReadBps the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder blkioDeviceReadBps(ThrottleDevice... blkioDeviceReadBps) {
      return blkioDeviceReadBps(Builders.asList(blkioDeviceReadBps));
    }

    /**
     * Sets {@code BlkioDeviceWriteBps}: write limit per device, in bytes per second.
     *
     * @param blkioDeviceWriteBps the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder blkioDeviceWriteBps(List<ThrottleDevice> blkioDeviceWriteBps) {
      this.blkioDeviceWriteBps = Builders.mutableList(blkioDeviceWriteBps);
      return this;
    }

    /**
     * Sets {@code BlkioDeviceWriteBps}: write limit per device, in bytes per second.
     *
     * @param blkioDeviceWriteBps the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder blkioDeviceWriteBps(ThrottleDevice... blkioDeviceWriteBps) {
      return blkioDeviceWriteBps(Builders.asList(blkioDeviceWriteBps));
    }

    /**
     * Sets {@code BlkioDeviceReadIOps}: read limit per device, in operations per second.
     *
     * @param blkioDeviceReadIops the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder blkioDeviceReadIops(List<ThrottleDevice> blkioDeviceReadIops) {
      this.blkioDeviceReadIops = Builders.mutableList(blkioDeviceReadIops);
      return this;
    }

    /**
     * Sets {@code BlkioDeviceReadIOps}: read limit per device, in operations per second.
     *
     * @param blkioDeviceReadIops the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder blkioDeviceReadIops(ThrottleDevice... blkioDeviceReadIops) {
      return blkioDeviceReadIops(Builders.asList(blkioDeviceReadIops));
    }

    /**
     * Sets {@code BlkioDeviceWriteIOps}: write limit per device, in operations per second.
     *
     * @param blkioDeviceWriteIops the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder blkioDeviceWriteIops(List<ThrottleDevice> blkioDeviceWriteIops) {
      this.blkioDeviceWriteIops = Builders.mutableList(blkioDeviceWriteIops);
      return this;
    }

    /**
     * Sets {@code BlkioDeviceWriteIOps}: write limit per device, in operations per second.
     *
     * @param blkioDeviceWriteIops the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder blkioDeviceWriteIops(ThrottleDevice... blkioDeviceWriteIops) {
      return blkioDeviceWriteIops(Builders.asList(blkioDeviceWriteIops));
    }

    /**
     * Sets {@code CpuPeriod}: CFS period in microseconds.
     *
     * @param cpuPeriod the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder cpuPeriod(Long cpuPeriod) {
      this.cpuPeriod = cpuPeriod;
      return this;
    }

    /**
     * Sets {@code CpuPeriod}; see {@link #cpuPeriod(Long)}.
     *
     * @param cpuPeriod the value
     * @return this builder
     */
    public Builder cpuPeriod(long cpuPeriod) {
      return cpuPeriod(Long.valueOf(cpuPeriod));
    }

    /**
     * Sets {@code CpuQuota}: CPU time in microseconds the container may use per CFS period.
     *
     * @param cpuQuota the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder cpuQuota(Long cpuQuota) {
      this.cpuQuota = cpuQuota;
      return this;
    }

    /**
     * Sets {@code CpuQuota}; see {@link #cpuQuota(Long)}.
     *
     * @param cpuQuota the value
     * @return this builder
     */
    public Builder cpuQuota(long cpuQuota) {
      return cpuQuota(Long.valueOf(cpuQuota));
    }

    /**
     * Sets {@code CpuRealtimePeriod}: real-time scheduling period in microseconds.
     *
     * @param cpuRealtimePeriod the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder cpuRealtimePeriod(Long cpuRealtimePeriod) {
      this.cpuRealtimePeriod = cpuRealtimePeriod;
      return this;
    }

    /**
     * Sets {@code CpuRealtimePeriod}; see {@link #cpuRealtimePeriod(Long)}.
     *
     * @param cpuRealtimePeriod the value
     * @return this builder
     */
    public Builder cpuRealtimePeriod(long cpuRealtimePeriod) {
      return cpuRealtimePeriod(Long.valueOf(cpuRealtimePeriod));
    }

    /**
     * Sets {@code CpuRealtimeRuntime}: real-time runtime in microseconds per period.
     *
     * @param cpuRealtimeRuntime the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder cpuRealtimeRuntime(Long cpuRealtimeRuntime) {
      this.cpuRealtimeRuntime = cpuRealtimeRuntime;
      return this;
    }

    /**
     * Sets {@code CpuRealtimeRuntime}; see {@link #cpuRealtimeRuntime(Long)}.
     *
     * @param cpuRealtimeRuntime the value
     * @return this builder
     */
    public Builder cpuRealtimeRuntime(long cpuRealtimeRuntime) {
      return cpuRealtimeRuntime(Long.valueOf(cpuRealtimeRuntime));
    }

    /**
     * Sets {@code CpusetCpus}: CPUs the container may run on, e.g. {@code 0-3} or {@code 0,1}.
     *
     * @param cpusetCpus the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder cpusetCpus(String cpusetCpus) {
      this.cpusetCpus = cpusetCpus;
      return this;
    }

    /**
     * Sets {@code CpusetMems}: memory nodes the container may use (NUMA).
     *
     * @param cpusetMems the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder cpusetMems(String cpusetMems) {
      this.cpusetMems = cpusetMems;
      return this;
    }

    /**
     * Sets {@code Devices}: host devices to add.
     *
     * @param devices the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder devices(List<DeviceMapping> devices) {
      this.devices = Builders.mutableList(devices);
      return this;
    }

    /**
     * Sets {@code Devices}: host devices to add.
     *
     * @param devices the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder devices(DeviceMapping... devices) {
      return devices(Builders.asList(devices));
    }

    /**
     * Adds one entry to {@code Devices}.
     *
     * @param device the entry to add
     * @return this builder
     */
    public Builder device(DeviceMapping device) {
      devices = Builders.add(devices, device);
      return this;
    }

    /**
     * Sets {@code DeviceCgroupRules}: device cgroup rules, e.g. {@code c 13:* rwm}.
     *
     * @param deviceCgroupRules the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder deviceCgroupRules(List<String> deviceCgroupRules) {
      this.deviceCgroupRules = Builders.mutableList(deviceCgroupRules);
      return this;
    }

    /**
     * Sets {@code DeviceCgroupRules}: device cgroup rules, e.g. {@code c 13:* rwm}.
     *
     * @param deviceCgroupRules the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder deviceCgroupRules(String... deviceCgroupRules) {
      return deviceCgroupRules(Builders.asList(deviceCgroupRules));
    }

    /**
     * Sets {@code DeviceRequests}: requests for devices from device drivers (e.g. GPUs).
     *
     * @param deviceRequests the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder deviceRequests(List<DeviceRequest> deviceRequests) {
      this.deviceRequests = Builders.mutableList(deviceRequests);
      return this;
    }

    /**
     * Sets {@code DeviceRequests}: requests for devices from device drivers (e.g. GPUs).
     *
     * @param deviceRequests the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder deviceRequests(DeviceRequest... deviceRequests) {
      return deviceRequests(Builders.asList(deviceRequests));
    }

    /**
     * Adds one entry to {@code DeviceRequests}.
     *
     * @param deviceRequest the entry to add
     * @return this builder
     */
    public Builder deviceRequest(DeviceRequest deviceRequest) {
      deviceRequests = Builders.add(deviceRequests, deviceRequest);
      return this;
    }

    /**
     * Sets {@code KernelMemory}: kernel memory limit in bytes; deprecated, and no longer in the
     * API by 1.44.
     *
     * @param kernelMemory the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder kernelMemory(Long kernelMemory) {
      this.kernelMemory = kernelMemory;
      return this;
    }

    /**
     * Sets {@code KernelMemory}; see {@link #kernelMemory(Long)}.
     *
     * @param kernelMemory the value
     * @return this builder
     */
    public Builder kernelMemory(long kernelMemory) {
      return kernelMemory(Long.valueOf(kernelMemory));
    }

    /**
     * Sets {@code KernelMemoryTCP}: kernel TCP buffer limit in bytes; deprecated in API 1.51,
     * removed in 1.52.
     *
     * @param kernelMemoryTcp the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder kernelMemoryTcp(Long kernelMemoryTcp) {
      this.kernelMemoryTcp = kernelMemoryTcp;
      return this;
    }

    /**
     * Sets {@code KernelMemoryTCP}; see {@link #kernelMemoryTcp(Long)}.
     *
     * @param kernelMemoryTcp the value
     * @return this builder
     */
    public Builder kernelMemoryTcp(long kernelMemoryTcp) {
      return kernelMemoryTcp(Long.valueOf(kernelMemoryTcp));
    }

    /**
     * Sets {@code MemoryReservation}: soft memory limit in bytes.
     *
     * @param memoryReservation the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder memoryReservation(Long memoryReservation) {
      this.memoryReservation = memoryReservation;
      return this;
    }

    /**
     * Sets {@code MemoryReservation}; see {@link #memoryReservation(Long)}.
     *
     * @param memoryReservation the value
     * @return this builder
     */
    public Builder memoryReservation(long memoryReservation) {
      return memoryReservation(Long.valueOf(memoryReservation));
    }

    /**
     * Sets {@code MemorySwap}: memory plus swap limit in bytes; -1 for unlimited swap.
     *
     * @param memorySwap the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder memorySwap(Long memorySwap) {
      this.memorySwap = memorySwap;
      return this;
    }

    /**
     * Sets {@code MemorySwap}; see {@link #memorySwap(Long)}.
     *
     * @param memorySwap the value
     * @return this builder
     */
    public Builder memorySwap(long memorySwap) {
      return memorySwap(Long.valueOf(memorySwap));
    }

    /**
     * Sets {@code MemorySwappiness}: swappiness, 0 to 100; {@code null} means the host's.
     *
     * @param memorySwappiness the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder memorySwappiness(Long memorySwappiness) {
      this.memorySwappiness = memorySwappiness;
      return this;
    }

    /**
     * Sets {@code MemorySwappiness}; see {@link #memorySwappiness(Long)}.
     *
     * @param memorySwappiness the value
     * @return this builder
     */
    public Builder memorySwappiness(long memorySwappiness) {
      return memorySwappiness(Long.valueOf(memorySwappiness));
    }

    /**
     * Sets {@code NanoCpus}: CPU limit in billionths of a CPU.
     *
     * @param nanoCpus the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder nanoCpus(Long nanoCpus) {
      this.nanoCpus = nanoCpus;
      return this;
    }

    /**
     * Sets {@code NanoCpus}; see {@link #nanoCpus(Long)}.
     *
     * @param nanoCpus the value
     * @return this builder
     */
    public Builder nanoCpus(long nanoCpus) {
      return nanoCpus(Long.valueOf(nanoCpus));
    }

    /**
     * Sets {@code OomKillDisable}: whether the OOM killer is disabled for the container.
     *
     * @param oomKillDisable the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder oomKillDisable(Boolean oomKillDisable) {
      this.oomKillDisable = oomKillDisable;
      return this;
    }

    /**
     * Sets {@code PidsLimit}: process limit; 0 or -1 for none, {@code null} to leave it
     * unchanged.
     *
     * @param pidsLimit the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder pidsLimit(Long pidsLimit) {
      this.pidsLimit = pidsLimit;
      return this;
    }

    /**
     * Sets {@code PidsLimit}; see {@link #pidsLimit(Long)}.
     *
     * @param pidsLimit the value
     * @return this builder
     */
    public Builder pidsLimit(long pidsLimit) {
      return pidsLimit(Long.valueOf(pidsLimit));
    }

    /**
     * Sets {@code Ulimits}: resource limits ({@code setrlimit}).
     *
     * @param ulimits the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder ulimits(List<Ulimit> ulimits) {
      this.ulimits = Builders.mutableList(ulimits);
      return this;
    }

    /**
     * Sets {@code Ulimits}: resource limits ({@code setrlimit}).
     *
     * @param ulimits the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder ulimits(Ulimit... ulimits) {
      return ulimits(Builders.asList(ulimits));
    }

    /**
     * Adds one entry to {@code Ulimits}.
     *
     * @param ulimit the entry to add
     * @return this builder
     */
    public Builder ulimit(Ulimit ulimit) {
      ulimits = Builders.add(ulimits, ulimit);
      return this;
    }

    /**
     * Sets {@code CpuCount}: usable CPUs (Windows only).
     *
     * @param cpuCount the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder cpuCount(Long cpuCount) {
      this.cpuCount = cpuCount;
      return this;
    }

    /**
     * Sets {@code CpuCount}; see {@link #cpuCount(Long)}.
     *
     * @param cpuCount the value
     * @return this builder
     */
    public Builder cpuCount(long cpuCount) {
      return cpuCount(Long.valueOf(cpuCount));
    }

    /**
     * Sets {@code CpuPercent}: usable percentage of the CPUs (Windows only).
     *
     * @param cpuPercent the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder cpuPercent(Long cpuPercent) {
      this.cpuPercent = cpuPercent;
      return this;
    }

    /**
     * Sets {@code CpuPercent}; see {@link #cpuPercent(Long)}.
     *
     * @param cpuPercent the value
     * @return this builder
     */
    public Builder cpuPercent(long cpuPercent) {
      return cpuPercent(Long.valueOf(cpuPercent));
    }

    /**
     * Sets {@code IOMaximumIOps}: IO operations per second limit of the system drive (Windows
     * only).
     *
     * @param ioMaximumIops the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder ioMaximumIops(Long ioMaximumIops) {
      this.ioMaximumIops = ioMaximumIops;
      return this;
    }

    /**
     * Sets {@code IOMaximumIOps}; see {@link #ioMaximumIops(Long)}.
     *
     * @param ioMaximumIops the value
     * @return this builder
     */
    public Builder ioMaximumIops(long ioMaximumIops) {
      return ioMaximumIops(Long.valueOf(ioMaximumIops));
    }

    /**
     * Sets {@code IOMaximumBandwidth}: IO bytes per second limit of the system drive (Windows
     * only).
     *
     * @param ioMaximumBandwidth the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder ioMaximumBandwidth(Long ioMaximumBandwidth) {
      this.ioMaximumBandwidth = ioMaximumBandwidth;
      return this;
    }

    /**
     * Sets {@code IOMaximumBandwidth}; see {@link #ioMaximumBandwidth(Long)}.
     *
     * @param ioMaximumBandwidth the value
     * @return this builder
     */
    public Builder ioMaximumBandwidth(long ioMaximumBandwidth) {
      return ioMaximumBandwidth(Long.valueOf(ioMaximumBandwidth));
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
      extra.put(name, value);
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
      this.extra = new LinkedHashMap<>();
      if (extra != null) {
        extra.forEach(this::extra);
      }
      return this;
    }

    /**
     * Copies every resource field of {@code resources} ({@code Memory}, {@code CpuShares},
     * ...), replacing the current values, and its {@code Init} and {@code RestartPolicy} when
     * they are set. Its extra fields are not copied.
     *
     * @param resources the resources to copy
     * @return this builder
     */
    public Builder resources(Resources resources) {
      cpuShares(resources.cpuShares());
      memory(resources.memory());
      cgroupParent(resources.cgroupParent());
      blkioWeight(resources.blkioWeight());
      blkioWeightDevice(resources.blkioWeightDevice());
      blkioDeviceReadBps(resources.blkioDeviceReadBps());
      blkioDeviceWriteBps(resources.blkioDeviceWriteBps());
      blkioDeviceReadIops(resources.blkioDeviceReadIops());
      blkioDeviceWriteIops(resources.blkioDeviceWriteIops());
      cpuPeriod(resources.cpuPeriod());
      cpuQuota(resources.cpuQuota());
      cpuRealtimePeriod(resources.cpuRealtimePeriod());
      cpuRealtimeRuntime(resources.cpuRealtimeRuntime());
      cpusetCpus(resources.cpusetCpus());
      cpusetMems(resources.cpusetMems());
      devices(resources.devices());
      deviceCgroupRules(resources.deviceCgroupRules());
      deviceRequests(resources.deviceRequests());
      kernelMemory(resources.kernelMemory());
      kernelMemoryTcp(resources.kernelMemoryTcp());
      memoryReservation(resources.memoryReservation());
      memorySwap(resources.memorySwap());
      memorySwappiness(resources.memorySwappiness());
      nanoCpus(resources.nanoCpus());
      oomKillDisable(resources.oomKillDisable());
      pidsLimit(resources.pidsLimit());
      ulimits(resources.ulimits());
      cpuCount(resources.cpuCount());
      cpuPercent(resources.cpuPercent());
      ioMaximumIops(resources.ioMaximumIops());
      ioMaximumBandwidth(resources.ioMaximumBandwidth());
      if (resources.init() != null) {
        init(resources.init());
      }
      if (resources.restartPolicy() != null) {
        restartPolicy(resources.restartPolicy());
      }
      return this;
    }

    /**
     * Returns the {@link HostConfig} with the values set so far.
     *
     * @return a new, immutable {@code HostConfig}
     */
    public HostConfig build() {
      return new HostConfig(binds, containerIdFile, logConfig, networkMode, portBindings,
        restartPolicy, autoRemove, volumeDriver, volumesFrom, mounts, consoleSize,
        annotations, capAdd, capDrop, cgroupnsMode, dns, dnsOptions, dnsSearch, extraHosts,
        groupAdd, ipcMode, cgroup, links, oomScoreAdj, pidMode, privileged, publishAllPorts,
        readonlyRootfs, securityOpt, storageOpt, tmpfs, utsMode, usernsMode, shmSize,
        sysctls, runtime, isolation, maskedPaths, readonlyPaths, init, cpuShares, memory,
        cgroupParent, blkioWeight, blkioWeightDevice, blkioDeviceReadBps,
        blkioDeviceWriteBps, blkioDeviceReadIops, blkioDeviceWriteIops, cpuPeriod, cpuQuota,
        cpuRealtimePeriod, cpuRealtimeRuntime, cpusetCpus, cpusetMems, devices,
        deviceCgroupRules, deviceRequests, kernelMemory, kernelMemoryTcp, memoryReservation,
        memorySwap, memorySwappiness, nanoCpus, oomKillDisable, pidsLimit, ulimits,
        cpuCount, cpuPercent, ioMaximumIops, ioMaximumBandwidth, extra);
    }
  }
}
