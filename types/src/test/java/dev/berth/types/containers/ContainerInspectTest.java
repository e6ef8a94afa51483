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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContainerInspectTest {

  private static final String RUNNING_ID =
      "4e8e8622c573b3a8d51252a4dcd26e3c752e9f8f9e45f862f554e972cc5d7fdb";

  private final ContainerInspect running =
      read(resource(ENGINE_20_10 + "container-inspect-running.json"), ContainerInspect.class);
  private final ContainerInspect exited =
      read(resource(ENGINE_20_10 + "container-inspect-exited.json"), ContainerInspect.class);
  private final ContainerInspect stopped =
      read(resource(ENGINE_20_10 + "container-inspect-stopped.json"), ContainerInspect.class);

  @Test
  void decodesTopLevelFieldsOfRealRunningContainer() {
    assertEquals(RUNNING_ID, running.id());
    assertEquals("2026-11-26T22:33:53.859379373Z", running.created());
    assertEquals("sh", running.path());
    assertEquals("-c", running.args().get(0));
    assertEquals(2, running.args().size());
    assertEquals("sha256:bb11827975c69aebeea06f558fd307440277b1f4795aa58538b728aad61b2f54",
        running.image());
    assertEquals("/berth-ctypes-a", running.name());
    assertEquals(0, running.restartCount());
    assertEquals("overlay2", running.driver());
    assertEquals("linux", running.platform());
    assertEquals("", running.appArmorProfile());
    assertEquals("/var/lib/docker/containers/" + RUNNING_ID + "/" + RUNNING_ID + "-json.log",
        running.logPath());
    assertEquals(List.of("06babfd9309d64eb35306592153a27cde3190d8ecd2c07bad950a73c4f28ee0c"),
        running.execIds(), "the exec started while capturing is listed");
    assertNull(running.sizeRw(), "only with size=true");
    assertEquals("overlay2", running.graphDriver().name());
    assertEquals(Set.of("LowerDir", "MergedDir", "UpperDir", "WorkDir"),
        running.graphDriver().data().keySet());
  }

  @Test
  void decodesRunningStateWithHealthLog() {
    ContainerInspect.State state = running.state();
    assertEquals("running", state.status());
    assertEquals(Boolean.TRUE, state.running());
    assertEquals(Boolean.FALSE, state.paused());
    assertEquals(Boolean.FALSE, state.oomKilled());
    assertEquals(12_221, state.pid());
    assertEquals(0, state.exitCode());
    assertEquals("", state.error());
    assertEquals("2026-11-26T22:33:55.275307221Z", state.startedAt());
    assertEquals("0001-01-01T00:00:00Z", state.finishedAt(), "Go's zero time: never exited");

    ContainerInspect.Health health = state.health();
    assertEquals("healthy", health.status());
    assertEquals(0, health.failingStreak());
    assertEquals(5, health.log().size(), "the engine keeps the last five results");
    assertEquals(new ContainerInspect.HealthcheckResult("2026-11-26T22:34:16.722648293Z",
        "2026-11-26T22:34:16.775375564Z", 0, "probe\n"), health.log().get(4));
  }

  @Test
  void decodesHostConfigAsCreatedWithEngineDefaultsFilledIn() {
    HostConfig h = running.hostConfig();
    assertEquals("none", h.networkMode());
    assertEquals(List.of("/tmp/ctypes-scratch/bind:/host:ro"), h.binds());
    assertEquals(new HostConfig.LogConfig("json-file", Map.of("max-size", "1m")),
        h.logConfig());
    assertEquals(RestartPolicy.onFailure(2), h.restartPolicy());
    assertEquals(Map.of(), h.portBindings(), "sent as null");
    assertEquals(List.of("SYS_PTRACE"), h.capAdd());
    assertEquals(List.of("NET_RAW"), h.capDrop());
    assertEquals("host", h.cgroupnsMode(), "the default on this cgroup v1 host");
    assertEquals("private", h.ipcMode());
    assertEquals(100, h.oomScoreAdj());
    assertEquals(Map.of("/run", "rw,size=65536k"), h.tmpfs());
    assertEquals(33_554_432L, h.shmSize());
    assertEquals(Map.of("kernel.shm_rmid_forced", "1"), h.sysctls());
    assertEquals("runc", h.runtime());
    assertEquals(List.of(0, 0), h.consoleSize());
    assertEquals(Boolean.TRUE, h.init());
    assertEquals(List.of(Mount.tmpfs("/scratch")
        .tmpfsOptions(new Mount.TmpfsOptions(1_048_576L, 493L, null)).build()), h.mounts());
    assertEquals(10, h.maskedPaths().size());
    assertEquals("/proc/asound", h.maskedPaths().get(0));
    assertEquals(List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys",
        "/proc/sysrq-trigger"), h.readonlyPaths());
    // resources
    assertEquals(512L, h.resources().cpuShares());
    assertEquals(67_108_864L, h.resources().memory());
    assertEquals(134_217_728L, h.resources().memorySwap());
    assertEquals(0, h.resources().blkioWeight(), "requested 300, discarded: the kernel lacks the knob");
    assertEquals(100L, h.resources().pidsLimit());
    assertEquals(List.of(new Ulimit("nofile", 1024L, 2048L)), h.resources().ulimits());
    assertEquals(0L, h.resources().kernelMemory());
    assertNull(h.resources().memorySwappiness(), "sent as null");
    assertEquals(Boolean.FALSE, h.resources().oomKillDisable());
    assertEquals(List.of(), h.resources().devices());
    assertEquals(Map.of(), h.extra(), "20.10 sends no field unknown to this record");
  }

  @Test
  void decodesMountsAndConfig() {
    assertEquals(List.of(
        new MountPoint("bind", null, "/tmp/ctypes-scratch/bind", "/host", null, "ro", false,
            "rprivate"),
        new MountPoint("tmpfs", null, "", "/scratch", null, "", true, ""),
        new MountPoint("volume",
            "d7c2a274ff64d697a6119dc350e69dd261e56ed2bfe6fbe2f5b08eac79ce3d1e",
            "/var/lib/docker/volumes/"
                + "d7c2a274ff64d697a6119dc350e69dd261e56ed2bfe6fbe2f5b08eac79ce3d1e/_data",
            "/data", "local", "", true, "")), running.mounts());

    ContainerConfig c = running.config();
    assertEquals("berth-a", c.hostname());
    assertEquals("0:0", c.user());
    assertEquals(Boolean.FALSE, c.attachStdout(), "created without attaching");
    assertEquals(Set.of("8080/tcp"), c.exposedPorts().keySet());
    assertEquals(Map.of(), c.exposedPorts().get("8080/tcp"));
    assertEquals(List.of("GREETING=hello", "EMPTY="), c.env());
    assertEquals(new HealthConfig(List.of("CMD-SHELL", "echo probe; test -d /newdir"),
        1_000_000_000L, 2_000_000_000L, 3, null, null), c.healthcheck(),
        "a zero StartPeriod is omitted by the engine");
    assertEquals("busybox:local", c.image());
    assertEquals(Set.of("/data"), c.volumes().keySet());
    assertEquals("/tmp", c.workingDir());
    assertEquals(List.of(), c.entrypoint(), "sent as null");
    assertEquals(Map.of("dev.berth.role", "running", "dev.berth.test", "ctypes"), c.labels());
    assertEquals("SIGTERM", c.stopSignal());
    assertEquals(5, c.stopTimeout());
    assertNull(c.macAddress(), "omitted when empty");
    assertEquals(Map.of(), c.extra());
  }

  @Test
  void decodesNetworkSettingsOfContainerWithoutNetwork() {
    ContainerInspect.NetworkSettings n = running.networkSettings();
    assertEquals("56e001026bd81b8dc8984f6ace4c85f390da15e121dd11d831585c5cad53eb60",
        n.sandboxId());
    assertEquals("/var/run/docker/netns/56e001026bd8", n.sandboxKey());
    assertEquals(Map.of(), n.ports(), "8080/tcp is exposed, but with no network not listed");
    assertEquals(List.of(), n.secondaryIpAddresses());
    assertEquals("", n.ipAddress());
    assertEquals(0, n.ipPrefixLen());
    assertEquals(Boolean.FALSE, n.hairpinMode());
    assertEquals(Set.of("none"), n.networks().keySet());
    EndpointSettings none = n.networks().get("none");
    assertEquals("e5da83afe0c3824b2f36ea3d3b6e1c394e5ec5411c0db6ad5c42ba05623848f1",
        none.networkId());
    assertEquals("7c1f6bd71ff860e7d37c72c2626c9211be6fc88b46fca411aacb12acef8bb48b",
        none.endpointId());
  }

  @Test
  void decodesPublishedPortsIncludingUnpublishedOnes() {
    ContainerInspect.NetworkSettings n = read("""
        {"Ports": {"80/tcp": [{"HostIp": "0.0.0.0", "HostPort": "8080"},
                   {"HostIp": "::", "HostPort": "8080"}],
              "2377/tcp": null},
         "SecondaryIPAddresses": [{"Addr": "172.17.0.9", "PrefixLen": 16}]}
        """, ContainerInspect.NetworkSettings.class);
    assertEquals(List.of(new PortBinding("0.0.0.0", "8080"), new PortBinding("::", "8080")),
        n.ports().get("80/tcp"));
    assertEquals(List.of(), n.ports().get("2377/tcp"), "null: exposed but not published");
    assertEquals(List.of(new ContainerInspect.Address("172.17.0.9", 16)),
        n.secondaryIpAddresses());
  }

  @Test
  void decodesExitedContainer() {
    ContainerInspect.State state = exited.state();
    assertEquals("exited", state.status());
    assertEquals(Boolean.FALSE, state.running());
    assertEquals(7, state.exitCode());
    assertEquals(0, state.pid());
    assertNull(state.health(), "no health check, no Health object");
    // a real quirk: the engine recorded the exit 0.5 ms before the start
    assertEquals("2026-11-26T22:34:41.784145088Z", state.startedAt());
    assertEquals("2026-11-26T22:34:41.783638442Z", state.finishedAt());
    assertEquals(List.of(), exited.execIds());
    assertEquals(List.of(), exited.mounts());
    assertEquals(List.of(), exited.config().env(), "sent as null");
    assertEquals(Map.of(), exited.config().volumes());
    assertEquals(new HostConfig.LogConfig("json-file", Map.of()), exited.hostConfig().logConfig());
    assertEquals(List.of(), exited.hostConfig().binds());
    assertEquals(new RestartPolicy("", 0), exited.hostConfig().restartPolicy(),
        "the default policy has an empty name, not \"no\"");
  }

  @Test
  void decodesStoppedContainerAfterUpdates() {
    ContainerInspect.State state = stopped.state();
    assertEquals("exited", state.status());
    assertEquals(0, state.exitCode(), "its TERM trap exits 0");
    // the engine marks a stopped container unhealthy although every check passed
    assertEquals("unhealthy", state.health().status());
    assertEquals(0, state.health().failingStreak());
    assertTrue(state.health().log().stream().allMatch(r -> r.exitCode() == 0));

    HostConfig h = stopped.hostConfig();
    assertEquals(100_663_296L, h.resources().memory(), "from the update");
    assertEquals(201_326_592L, h.resources().memorySwap());
    assertEquals(256L, h.resources().cpuShares());
    assertEquals(200L, h.resources().pidsLimit());
    assertEquals(52_428_800L, h.resources().kernelMemory(), "a deprecated update is still applied");
    assertEquals(RestartPolicy.unlessStopped().name(), h.restartPolicy().name());
    assertEquals(0, h.restartPolicy().maximumRetryCount());
    assertEquals(List.of(), stopped.execIds(), "exec instances are gone once it stopped");
  }

  @Test
  void unknownFieldsOfNewerEnginesAreKeptOrIgnored() {
    ContainerInspect inspect = read("""
        {"Id": "abc", "ImageManifestDescriptor": {"mediaType": "x"},
         "State": {"Status": "running", "Health": {"Status": "starting", "Log": null}},
         "HostConfig": {"Annotations": {"a": "b"}, "NewHostField": 1},
         "Config": {"Image": "x", "NewConfigField": "y"}}
        """, ContainerInspect.class);
    assertEquals("abc", inspect.id());
    assertEquals(List.of(), inspect.state().health().log());
    assertEquals(Map.of("a", "b"), inspect.hostConfig().annotations());
    assertEquals(Map.of("NewHostField", 1), inspect.hostConfig().extra());
    assertEquals(Map.of("NewConfigField", "y"), inspect.config().extra());
  }

  @Test
  void roundTripsAndUsesApiNames() {
    assertEquals(running, roundTrip(running, ContainerInspect.class));
    assertEquals(exited, roundTrip(exited, ContainerInspect.class));
    JsonNode json = tree(running);
    assertEquals(RUNNING_ID, json.get("Id").asText());
    assertTrue(json.get("State").get("Running").asBoolean());
    assertEquals("healthy", json.get("State").get("Health").get("Status").asText());
    assertEquals(1, json.get("ExecIDs").size());
    assertEquals(67_108_864L, json.get("HostConfig").get("Memory").asLong());
    assertEquals("overlay2", json.get("GraphDriver").get("Name").asText());
    assertTrue(json.get("NetworkSettings").has("SandboxID"));
    assertFalse(json.has("SizeRw"));
    assertFalse(json.get("HostConfig").has("resources"), "helper methods are not properties");
  }
}
