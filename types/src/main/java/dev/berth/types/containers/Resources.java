package dev.berth.types.containers;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
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
 * New resource limits and restart policy for a container, the body of
 * {@code POST /containers/{id}/update}. Only the fields that are set change; {@code null} values
 * and empty collections are left out of the JSON.
 *
 * <p>Build one with {@link #builder()}, or take a container's current values from
 * {@link HostConfig#resources()}. The engine refuses some changes on a running container (for
 * example lowering {@code Memory} below the current usage) and ignores others on some hosts; it
 * reports the latter in {@link ContainerUpdateResponse#warnings()}.
 *
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
 * @param init                 whether an init process runs as PID 1; not changed by an update
 * @param restartPolicy        what to do when the container exits
 * @param extra                fields berth does not model, written into the JSON as they are; when
 *                             decoding, fields this record does not know land here
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Resources(
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
    @JsonProperty("Init") Boolean init,
    @JsonProperty("RestartPolicy") RestartPolicy restartPolicy,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

  // Normalises missing collections to empty ones and checks the extra fields.
  public Resources {
    blkioWeightDevice = Normalize.list(blkioWeightDevice);
    blkioDeviceReadBps = Normalize.list(blkioDeviceReadBps);
    blkioDeviceWriteBps = Normalize.list(blkioDeviceWriteBps);
    blkioDeviceReadIops = Normalize.list(blkioDeviceReadIops);
    blkioDeviceWriteIops = Normalize.list(blkioDeviceWriteIops);
    devices = Normalize.list(devices);
    deviceCgroupRules = Normalize.list(deviceCgroupRules);
    deviceRequests = Normalize.list(deviceRequests);
    ulimits = Normalize.list(ulimits);
    extra = ExtraFields.copy(Resources.class, extra);
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
    b.init = init;
    b.restartPolicy = restartPolicy;
    b.extra = new LinkedHashMap<>(extra);
    return b;
  }

  /**
   * Builds a {@link Resources}. Setters taking a list or map replace the current value; the
   * singular ones ({@code label(key, value)}, ...) add to it. Not thread-safe.
   */
  public static final class Builder {

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
    private Boolean init;
    private RestartPolicy restartPolicy;
    private Map<String, Object> extra = new LinkedHashMap<>();

    private Builder() {
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
     * Sets {@code Init}: whether an init process runs as PID 1; not changed by an update.
     *
     * @param init the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder init(Boolean init) {
      this.init = init;
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
      ExtraFields.checkName(Resources.class, name);
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
     * Returns the {@link Resources} with the values set so far.
     *
     * @return a new, immutable {@code Resources}
     */
    public Resources build() {
      return new Resources(cpuShares, memory, cgroupParent, blkioWeight, blkioWeightDevice,
        blkioDeviceReadBps, blkioDeviceWriteBps, blkioDeviceReadIops, blkioDeviceWriteIops,
        cpuPeriod, cpuQuota, cpuRealtimePeriod, cpuRealtimeRuntime, cpusetCpus, cpusetMems,
        devices, deviceCgroupRules, deviceRequests, kernelMemory, kernelMemoryTcp,
        memoryReservation, memorySwap, memorySwappiness, nanoCpus, oomKillDisable,
        pidsLimit, ulimits, cpuCount, cpuPercent, ioMaximumIops, ioMaximumBandwidth, init,
        restartPolicy, extra);
    }
  }
}
