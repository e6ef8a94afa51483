package dev.berth.types.containers;

import static dev.berth.types.TestJson.ENGINE_20_10;
import static dev.berth.types.TestJson.read;
import static dev.berth.types.TestJson.resource;
import static dev.berth.types.TestJson.roundTrip;
import static dev.berth.types.TestJson.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerStatsTest {

  private final ContainerStats stats =
      read(resource(ENGINE_20_10 + "container-stats.json"), ContainerStats.class);

  @Test
  void decodesRealSampleFromCgroupV1Host() {
    assertEquals("/berth-ctypes-a", stats.name());
    assertEquals("4e8e8622c573b3a8d51252a4dcd26e3c752e9f8f9e45f862f554e972cc5d7fdb", stats.id());
    assertEquals("2026-11-26T22:34:05.195548537Z", stats.read());
    assertEquals("2026-11-26T22:34:04.190715576Z", stats.preread());
    assertEquals(new ContainerStats.PidsStats(3L, BigInteger.valueOf(100)), stats.pidsStats());
    assertTrue(stats.pidsStats().hasLimit());
    assertEquals(0, stats.numProcs());
    assertEquals(new ContainerStats.StorageStats(null, null, null, null),
        stats.storageStats(), "sent as {} on Linux");
    assertEquals(Map.of(), stats.networks(), "no key at all for a container without network");

    ContainerStats.CpuStats cpu = stats.cpuStats();
    assertEquals(new ContainerStats.CpuUsage(201_287_588L, List.of(147_049_130L, 54_238_458L),
        60_000_000L, 130_000_000L), cpu.cpuUsage());
    assertEquals(3_636_250_000_000L, cpu.systemCpuUsage());
    assertEquals(2, cpu.onlineCpus());
    assertEquals(new ContainerStats.ThrottlingData(0L, 0L, 0L), cpu.throttlingData());
    assertEquals(183_121_119L, stats.precpuStats().cpuUsage().totalUsage());

    ContainerStats.BlkioStats blkio = stats.blkioStats();
    assertEquals(List.of(), blkio.ioServiceBytesRecursive(), "sent as [] by this engine");
    assertEquals(List.of(), blkio.sectorsRecursive());

    ContainerStats.MemoryStats memory = stats.memoryStats();
    assertEquals(864_256L, memory.usage());
    assertEquals(4_341_760L, memory.maxUsage());
    assertEquals(67_108_864L, memory.limit(), "the container's limit");
    assertNull(memory.failcnt(), "omitted when 0, although the spec lists it");
    assertEquals(94_208L, memory.stats().get("cache"));
    assertEquals(67_108_864L, memory.stats().get("hierarchical_memory_limit"));
    assertEquals(32, memory.stats().size());
    assertNull(memory.commitBytes(), "Windows only");
    assertEquals(864_256L - 8_192L, memory.usageWithoutCache(),
        "usage minus total_inactive_file");
  }

  @Test
  void computesCpuPercentLikeDockerStats() {
    // (201287588 - 183121119) / (3636250000000 - 3634270000000) * 2 CPUs * 100
    assertEquals(1.834_996_868_686_868_7, stats.cpuPercent(), 1e-12);
  }

  @Test
  void decodesOneShotSampleWithoutPreviousCpuStats() {
    ContainerStats oneShot = read(resource(ENGINE_20_10 + "container-stats-one-shot.json"),
        ContainerStats.class);
    assertEquals("0001-01-01T00:00:00Z", oneShot.preread());
    ContainerStats.CpuStats pre = oneShot.precpuStats();
    assertEquals(0L, pre.cpuUsage().totalUsage());
    assertEquals(List.of(), pre.cpuUsage().percpuUsage(), "omitted");
    assertNull(pre.systemCpuUsage(), "omitted");
    assertNull(pre.onlineCpus(), "omitted");
    assertEquals(0.0, oneShot.cpuPercent(), "no previous sample, no rate");
    assertEquals(221_174_629L, oneShot.cpuStats().cpuUsage().totalUsage());
  }

  @Test
  void decodesSampleOfContainerWithoutLimits() {
    ContainerStats unlimited = read(resource(ENGINE_20_10 + "container-stats-unlimited.json"),
        ContainerStats.class);
    assertEquals("/berth-ctypes-c", unlimited.name());
    assertEquals(1L, unlimited.pidsStats().current());
    assertNull(unlimited.pidsStats().limit(), "cgroup v1 omits a missing limit");
    assertFalse(unlimited.pidsStats().hasLimit());
    assertEquals(25_276_514_304L, unlimited.memoryStats().limit(), "the host's memory");
    assertEquals(9_223_372_036_854_771_712L,
        unlimited.memoryStats().stats().get("hierarchical_memory_limit"),
        "the kernel's 'unlimited', rounded to a page, still fits a long");
    assertEquals(0.0, unlimited.cpuPercent(), "it did no work between the two samples");
  }

  @Test
  void decodesCgroupV2SampleWithNetworksAndUnlimitedPids() {
    // shaped like the API 1.51 example; a cgroup v2 host reports "no limit" as 2^64-1
    ContainerStats v2 = read("""
        {"name": "/web", "id": "ede54ee1afda",
         "pids_stats": {"current": 5, "limit": 18446744073709551615},
         "blkio_stats": {"io_service_bytes_recursive": [
           {"major": 254, "minor": 0, "op": "read", "value": 7593984},
           {"major": 254, "minor": 0, "op": "write", "value": 100}],
          "io_serviced_recursive": null, "sectors_recursive": null},
         "cpu_stats": {"cpu_usage": {"total_usage": 29912000, "usage_in_kernelmode": 21994000,
                       "usage_in_usermode": 7918000},
                "system_cpu_usage": 5, "online_cpus": 5},
         "memory_stats": {"usage": 7626752, "limit": 8217579520,
                 "stats": {"inactive_file": 2510848, "anon": 1572864}},
         "networks": {"eth0": {"rx_bytes": 5338, "rx_packets": 36, "rx_errors": 0,
                    "rx_dropped": 0, "tx_bytes": 1200, "tx_packets": 12,
                    "tx_errors": 0, "tx_dropped": 0}}}
        """, ContainerStats.class);
    assertEquals(new BigInteger("18446744073709551615"), v2.pidsStats().limit());
    assertFalse(v2.pidsStats().hasLimit(), "2^64-1 means unlimited");
    assertEquals(new ContainerStats.BlkioStatEntry(254L, 0L, "read", 7_593_984L),
        v2.blkioStats().ioServiceBytesRecursive().get(0));
    assertEquals(List.of(), v2.blkioStats().ioServicedRecursive());
    assertEquals(List.of(), v2.cpuStats().cpuUsage().percpuUsage());
    assertEquals(7_626_752L - 2_510_848L, v2.memoryStats().usageWithoutCache(),
        "usage minus inactive_file on cgroup v2");
    assertNull(v2.memoryStats().maxUsage());
    assertEquals(new ContainerStats.NetworkStats(5338L, 36L, 0L, 0L, 1200L, 12L, 0L, 0L,
        null, null), v2.networks().get("eth0"));
    assertEquals(0.0, v2.cpuPercent(), "no precpu_stats");
    assertEquals(v2, roundTrip(v2, ContainerStats.class));
    assertEquals("18446744073709551615",
        tree(v2).get("pids_stats").get("limit").asText());
  }

  @Test
  void serialisesWithSnakeCaseNames() {
    JsonNode json = tree(stats);
    for (String name : List.of("read", "preread", "pids_stats", "blkio_stats", "num_procs",
        "storage_stats", "cpu_stats", "precpu_stats", "memory_stats", "name", "id")) {
      assertTrue(json.has(name), name);
    }
    JsonNode usage = json.get("cpu_stats").get("cpu_usage");
    assertEquals(201_287_588L, usage.get("total_usage").asLong());
    assertEquals(2, usage.get("percpu_usage").size());
    assertTrue(json.get("cpu_stats").get("throttling_data").has("throttled_periods"));
    assertTrue(json.get("memory_stats").has("max_usage"));
    assertFalse(json.has("cpuPercent"), "helpers are not properties");
    assertFalse(json.get("pids_stats").has("hasLimit"));
    assertFalse(json.get("memory_stats").has("usageWithoutCache"));
    assertEquals(stats, roundTrip(stats, ContainerStats.class));
  }
}
