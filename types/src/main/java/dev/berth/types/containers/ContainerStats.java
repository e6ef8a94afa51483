package dev.berth.types.containers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * One sample of a container's resource usage, {@code GET /containers/{id}/stats} (one object,
 * or one per line when streaming). Unlike most of the API, these fields are in snake case.
 *
 * <p>Which parts are filled depends on the host: on cgroup v2 the block IO lists other than
 * {@code io_service_bytes_recursive}, the per-CPU usage and {@code max_usage}/{@code failcnt}
 * are absent, and {@code memory_stats.stats} has different keys; {@code storage_stats} and the
 * {@code commit*} memory fields are Windows only; {@code networks} is absent for a container
 * without a network interface besides loopback. Counters are unsigned 64-bit values in the API;
 * they fit a {@code long} in practice, except {@link PidsStats#limit()}.
 *
 * @param name         the container's name, with a leading {@code /}
 * @param id           the container's ID
 * @param read         when this sample was taken, RFC 3339
 * @param preread      when the previous sample was taken; {@code 0001-01-01T00:00:00Z} with
 *                     {@code one-shot=true}
 * @param pidsStats    process count and limit
 * @param blkioStats   block IO counters
 * @param numProcs     number of processes (Windows only)
 * @param storageStats storage counters (Windows only)
 * @param cpuStats     CPU usage now
 * @param precpuStats  CPU usage at the previous sample, to compute a rate; empty with
 *                     {@code one-shot=true}
 * @param memoryStats  memory usage
 * @param networks     network counters per interface, e.g. {@code eth0}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerStats(
    @JsonProperty("name") String name,
    @JsonProperty("id") String id,
    @JsonProperty("read") String read,
    @JsonProperty("preread") String preread,
    @JsonProperty("pids_stats") PidsStats pidsStats,
    @JsonProperty("blkio_stats") BlkioStats blkioStats,
    @JsonProperty("num_procs") Integer numProcs,
    @JsonProperty("storage_stats") StorageStats storageStats,
    @JsonProperty("cpu_stats") CpuStats cpuStats,
    @JsonProperty("precpu_stats") CpuStats precpuStats,
    @JsonProperty("memory_stats") MemoryStats memoryStats,
    @JsonProperty("networks") Map<String, NetworkStats> networks) {

  // Normalises a missing network map to an empty one.
  public ContainerStats {
    networks = Normalize.map(networks);
  }

  /**
   * Computes CPU usage between the previous sample and this one the way {@code docker stats}
   * does: the container's share of the host's CPU time, times the number of CPUs, in percent
   * (so 200 means two CPUs fully used).
   *
   * @return the usage in percent; 0 when it cannot be computed: no previous sample (as with
   *         {@code one-shot=true}) or no progress of the host's counter
   */
  public double cpuPercent() {
    if (cpuStats == null || precpuStats == null || precpuStats.systemCpuUsage() == null) {
      return 0.0;
    }
    double cpuDelta = (double) total(cpuStats) - total(precpuStats);
    double systemDelta = (double) value(cpuStats.systemCpuUsage())
        - value(precpuStats.systemCpuUsage());
    double cpus = cpuStats.onlineCpus() != null && cpuStats.onlineCpus() > 0
        ? cpuStats.onlineCpus()
        : cpuStats.cpuUsage() == null ? 0 : cpuStats.cpuUsage().percpuUsage().size();
    if (cpuDelta <= 0.0 || systemDelta <= 0.0) {
      return 0.0;
    }
    return cpuDelta / systemDelta * cpus * 100.0;
  }

  private static long total(CpuStats stats) {
    return stats.cpuUsage() == null ? 0 : value(stats.cpuUsage().totalUsage());
  }

  private static long value(Long value) {
    return value == null ? 0 : value;
  }

  /**
   * Process counters.
   *
   * @param current number of processes
   * @param limit   process limit; cgroup v1 hosts omit it when there is none, cgroup v2 hosts
   *                send 2<sup>64</sup>-1, which is why this is a {@link BigInteger}
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PidsStats(
      @JsonProperty("current") Long current,
      @JsonProperty("limit") BigInteger limit) {

    private static final BigInteger NO_LIMIT =
        BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /**
     * Tells whether a real process limit applies, as opposed to none reported or the
     * "unlimited" value.
     *
     * @return {@code true} if {@link #limit()} is set, positive and below 2<sup>64</sup>-1
     */
    public boolean hasLimit() {
      return limit != null && limit.signum() > 0 && limit.compareTo(NO_LIMIT) < 0;
    }
  }

  /**
   * Block IO counters, each a list of per-device, per-operation entries.
   *
   * @param ioServiceBytesRecursive bytes transferred
   * @param ioServicedRecursive     operations done (cgroup v1)
   * @param ioQueueRecursive        operations queued (cgroup v1)
   * @param ioServiceTimeRecursive  time spent serving operations (cgroup v1)
   * @param ioWaitTimeRecursive     time operations waited in queues (cgroup v1)
   * @param ioMergedRecursive       operations merged (cgroup v1)
   * @param ioTimeRecursive         disk time used (cgroup v1)
   * @param sectorsRecursive        sectors transferred (cgroup v1)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BlkioStats(
      @JsonProperty("io_service_bytes_recursive")
      List<BlkioStatEntry> ioServiceBytesRecursive,
      @JsonProperty("io_serviced_recursive") List<BlkioStatEntry> ioServicedRecursive,
      @JsonProperty("io_queue_recursive") List<BlkioStatEntry> ioQueueRecursive,
      @JsonProperty("io_service_time_recursive") List<BlkioStatEntry> ioServiceTimeRecursive,
      @JsonProperty("io_wait_time_recursive") List<BlkioStatEntry> ioWaitTimeRecursive,
      @JsonProperty("io_merged_recursive") List<BlkioStatEntry> ioMergedRecursive,
      @JsonProperty("io_time_recursive") List<BlkioStatEntry> ioTimeRecursive,
      @JsonProperty("sectors_recursive") List<BlkioStatEntry> sectorsRecursive) {

    // Normalises missing lists (cgroup v2 sends null for most) to empty ones.
    public BlkioStats {
      ioServiceBytesRecursive = Normalize.list(ioServiceBytesRecursive);
      ioServicedRecursive = Normalize.list(ioServicedRecursive);
      ioQueueRecursive = Normalize.list(ioQueueRecursive);
      ioServiceTimeRecursive = Normalize.list(ioServiceTimeRecursive);
      ioWaitTimeRecursive = Normalize.list(ioWaitTimeRecursive);
      ioMergedRecursive = Normalize.list(ioMergedRecursive);
      ioTimeRecursive = Normalize.list(ioTimeRecursive);
      sectorsRecursive = Normalize.list(sectorsRecursive);
    }
  }

  /**
   * One block IO counter.
   *
   * @param major device major number
   * @param minor device minor number
   * @param op    operation, e.g. {@code read}, {@code write}, {@code sync}, {@code total}
   *              (capitalised on cgroup v1: {@code Read}, {@code Write}, ...)
   * @param value the count
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BlkioStatEntry(
      @JsonProperty("major") Long major,
      @JsonProperty("minor") Long minor,
      @JsonProperty("op") String op,
      @JsonProperty("value") Long value) {
  }

  /**
   * Storage counters (Windows only).
   *
   * @param readCountNormalized  reads, normalised
   * @param readSizeBytes        bytes read
   * @param writeCountNormalized writes, normalised
   * @param writeSizeBytes       bytes written
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record StorageStats(
      @JsonProperty("read_count_normalized") Long readCountNormalized,
      @JsonProperty("read_size_bytes") Long readSizeBytes,
      @JsonProperty("write_count_normalized") Long writeCountNormalized,
      @JsonProperty("write_size_bytes") Long writeSizeBytes) {
  }

  /**
   * CPU counters.
   *
   * @param cpuUsage       the container's CPU time
   * @param systemCpuUsage the host's total CPU time in nanoseconds (Linux only)
   * @param onlineCpus     CPUs online on the host
   * @param throttlingData CFS throttling counters
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CpuStats(
      @JsonProperty("cpu_usage") CpuUsage cpuUsage,
      @JsonProperty("system_cpu_usage") Long systemCpuUsage,
      @JsonProperty("online_cpus") Integer onlineCpus,
      @JsonProperty("throttling_data") ThrottlingData throttlingData) {
  }

  /**
   * A container's CPU time, in nanoseconds on Linux (units of 100 ns on Windows).
   *
   * @param totalUsage        total CPU time
   * @param percpuUsage       CPU time per host CPU (cgroup v1 only)
   * @param usageInKernelmode time in kernel mode
   * @param usageInUsermode   time in user mode
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CpuUsage(
      @JsonProperty("total_usage") Long totalUsage,
      @JsonProperty("percpu_usage") List<Long> percpuUsage,
      @JsonProperty("usage_in_kernelmode") Long usageInKernelmode,
      @JsonProperty("usage_in_usermode") Long usageInUsermode) {

    // Normalises a missing per-CPU list to an empty one.
    public CpuUsage {
      percpuUsage = Normalize.list(percpuUsage);
    }
  }

  /**
   * CFS throttling counters.
   *
   * @param periods          scheduling periods that have passed
   * @param throttledPeriods periods in which the container was throttled
   * @param throttledTime    total time throttled, in nanoseconds
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ThrottlingData(
      @JsonProperty("periods") Long periods,
      @JsonProperty("throttled_periods") Long throttledPeriods,
      @JsonProperty("throttled_time") Long throttledTime) {
  }

  /**
   * Memory counters.
   *
   * @param usage             memory in use, in bytes, page cache included
   * @param maxUsage          highest usage seen (cgroup v1 only)
   * @param stats             the kernel's detailed counters ({@code memory.stat}); keys differ
   *                          between cgroup v1 and v2
   * @param failcnt           how often the limit was hit (cgroup v1 only)
   * @param limit             the memory limit, or the host's memory when there is none
   * @param commitBytes       committed bytes (Windows only)
   * @param commitPeakBytes   peak committed bytes (Windows only)
   * @param privateWorkingSet private working set (Windows only)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record MemoryStats(
      @JsonProperty("usage") Long usage,
      @JsonProperty("max_usage") Long maxUsage,
      @JsonProperty("stats") Map<String, Long> stats,
      @JsonProperty("failcnt") Long failcnt,
      @JsonProperty("limit") Long limit,
      @JsonProperty("commitbytes") Long commitBytes,
      @JsonProperty("commitpeakbytes") Long commitPeakBytes,
      @JsonProperty("privateworkingset") Long privateWorkingSet) {

    // Normalises missing stats to an empty map.
    public MemoryStats {
      stats = Normalize.map(stats);
    }

    /**
     * Computes memory use without the inactive page cache, the figure {@code docker stats}
     * shows: {@code usage} minus {@code total_inactive_file} (cgroup v1) or
     * {@code inactive_file} (cgroup v2).
     *
     * @return bytes in use, or {@code null} when {@code usage} is absent
     */
    public Long usageWithoutCache() {
      if (usage == null) {
        return null;
      }
      Long inactive = stats.containsKey("total_inactive_file")
          ? stats.get("total_inactive_file")
          : stats.get("inactive_file");
      return inactive != null && inactive < usage ? usage - inactive : usage;
    }
  }

  /**
   * Counters of one network interface.
   *
   * @param rxBytes    bytes received
   * @param rxPackets  packets received
   * @param rxErrors   receive errors
   * @param rxDropped  incoming packets dropped
   * @param txBytes    bytes sent
   * @param txPackets  packets sent
   * @param txErrors   send errors
   * @param txDropped  outgoing packets dropped
   * @param endpointId endpoint ID (Windows only)
   * @param instanceId instance ID (Windows only)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record NetworkStats(
      @JsonProperty("rx_bytes") Long rxBytes,
      @JsonProperty("rx_packets") Long rxPackets,
      @JsonProperty("rx_errors") Long rxErrors,
      @JsonProperty("rx_dropped") Long rxDropped,
      @JsonProperty("tx_bytes") Long txBytes,
      @JsonProperty("tx_packets") Long txPackets,
      @JsonProperty("tx_errors") Long txErrors,
      @JsonProperty("tx_dropped") Long txDropped,
      @JsonProperty("endpoint_id") String endpointId,
      @JsonProperty("instance_id") String instanceId) {
  }
}
