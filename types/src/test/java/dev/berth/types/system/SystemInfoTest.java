package dev.berth.types.system;

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
import org.junit.jupiter.api.Test;

class SystemInfoTest {

  private final SystemInfo info = read(resource(ENGINE_20_10 + "info.json"), SystemInfo.class);

  @Test
  void decodesRealEngineInfo() {
    assertEquals("37GQ:ZBSL:4S5D:IYUW:DY5A:CG42:E2UR:SVFV:MZE3:M2I7:G37E:NBRZ", info.id());
    assertEquals(2, info.containers());
    assertEquals(1, info.containersRunning());
    assertEquals(0, info.containersPaused());
    assertEquals(1, info.containersStopped());
    assertEquals(1, info.images());
    assertEquals("overlay2", info.driver());
    assertEquals("/var/lib/docker", info.dockerRootDir());
    assertEquals("linux", info.osType());
    assertEquals("x86_64", info.architecture());
    assertEquals("Debian GNU/Linux 12 (bookworm)", info.operatingSystem());
    assertEquals("12", info.osVersion());
    assertEquals(2, info.ncpu());
    assertEquals(25_276_514_304L, info.memTotal());
    assertEquals(32, info.nfd());
    assertEquals(46, info.nGoroutines());
    assertEquals(0, info.nEventsListener());
    assertEquals("cgroupfs", info.cgroupDriver());
    assertEquals("1", info.cgroupVersion());
    assertEquals("json-file", info.loggingDriver());
    assertEquals("20.10.24+dfsg1", info.serverVersion());
    assertEquals("runc", info.defaultRuntime());
    assertEquals("docker-init", info.initBinary());
    assertEquals("", info.isolation());
    assertEquals("vm", info.name());
    assertEquals("https://index.docker.io/v1/", info.indexServerAddress());
    assertEquals("", info.httpProxy());
    assertEquals(Boolean.TRUE, info.memoryLimit());
    assertEquals(Boolean.TRUE, info.kernelMemoryTcp());
    assertEquals(Boolean.TRUE, info.cpuShares());
    assertEquals(Boolean.TRUE, info.ipv4Forwarding());
    assertEquals(Boolean.TRUE, info.bridgeNfIp6tables());
    assertEquals(Boolean.TRUE, info.oomKillDisable());
    assertEquals(Boolean.FALSE, info.debug());
    assertEquals(Boolean.FALSE, info.experimentalBuild());
    assertEquals(Boolean.FALSE, info.liveRestoreEnabled());
    assertEquals(List.of("name=seccomp,profile=default"), info.securityOptions());
    assertEquals(1, info.warnings().size());
    assertTrue(info.warnings().get(0).startsWith("WARNING: API is accessible"));
  }

  @Test
  void decodesNestedObjects() {
    assertEquals(List.of(
        List.of("Backing Filesystem", "extfs"),
        List.of("Supports d_type", "true"),
        List.of("Native Overlay Diff", "true"),
        List.of("userxattr", "false")), info.driverStatus());

    assertEquals(List.of("local"), info.plugins().volume());
    assertTrue(info.plugins().log().contains("json-file"));
    assertEquals(List.of(), info.plugins().authorization(), "null in the capture");

    RegistryServiceConfig registry = info.registryConfig();
    assertEquals(List.of("127.0.0.0/8"), registry.insecureRegistryCidrs());
    assertEquals(List.of(), registry.mirrors());
    IndexInfo hub = registry.indexConfigs().get("docker.io");
    assertEquals(new IndexInfo("docker.io", List.of(), true, true), hub);

    // keys keep the engine's (sorted) order
    assertEquals(List.of("io.containerd.runc.v2", "io.containerd.runtime.v1.linux", "runc"),
        List.copyOf(info.runtimes().keySet()));
    assertEquals(new OciRuntime("runc", List.of(), Map.of()), info.runtimes().get("runc"));

    SwarmInfo swarm = info.swarm();
    assertEquals("inactive", swarm.localNodeState());
    assertEquals("", swarm.nodeId());
    assertEquals(Boolean.FALSE, swarm.controlAvailable());
    assertEquals(List.of(), swarm.remoteManagers(), "null in the capture");
    assertNull(swarm.nodes());

    assertEquals(new Commit("1.6.20~ds1-1+deb12u3", "1.6.20~ds1-1+deb12u3"),
        info.containerdCommit());
    assertEquals(new Commit("", ""), info.initCommit());
  }

  @Test
  void absentAndNullCollectionsAreEmpty() {
    assertEquals(List.of(), info.genericResources(), "null in the capture");
    assertEquals(List.of(), info.labels(), "empty in the capture");
    assertEquals(List.of(), info.defaultAddressPools(), "absent in the capture");
    assertEquals(List.of(), info.cdiSpecDirs(), "absent before API 1.44");
    assertNull(info.productLicense(), "absent in the capture");

    SystemInfo empty = read("{}", SystemInfo.class);
    assertEquals(List.of(), empty.driverStatus());
    assertEquals(Map.of(), empty.runtimes());
    assertEquals(List.of(), empty.warnings());
    assertNull(empty.swarm());
    assertNull(empty.ncpu());
  }

  @Test
  void decodesFieldsTheCaptureLacks() {
    String json = """
        {
         "DefaultAddressPools": [{"Base": "10.10.0.0/16", "Size": 24}],
         "GenericResources": [
          {"DiscreteResourceSpec": {"Kind": "SSD", "Value": 3}},
          {"NamedResourceSpec": {"Kind": "GPU", "Value": "UUID1"}}
         ],
         "Runtimes": {"crun": {
          "path": "/usr/bin/crun", "runtimeArgs": ["--debug"],
          "status": {"org.opencontainers.runtime-spec.features": "{}"}}},
         "Swarm": {"NodeID": "k67qz4598weg5unwwffg6z1m1", "LocalNodeState": "active",
              "ControlAvailable": true, "Nodes": 4, "Managers": 3,
              "RemoteManagers": [{"NodeID": "71izy0goik036k48jg985xnds",
                        "Addr": "10.0.0.158:2377"}],
              "Cluster": {"ID": "abajmipo7b4xz5ip2nrla6b11"}},
         "CDISpecDirs": ["/etc/cdi", "/var/run/cdi"],
         "Containerd": {"Address": "/run/containerd/containerd.sock"},
         "ProductLicense": "Community Engine"
        }
        """;
    SystemInfo i = read(json, SystemInfo.class);
    assertEquals(List.of(new SystemInfo.AddressPool("10.10.0.0/16", 24)),
        i.defaultAddressPools());
    assertEquals(new GenericResource(null, new GenericResource.Discrete("SSD", 3L)),
        i.genericResources().get(0));
    assertEquals(new GenericResource(new GenericResource.Named("GPU", "UUID1"), null),
        i.genericResources().get(1));
    OciRuntime crun = i.runtimes().get("crun");
    assertEquals(List.of("--debug"), crun.runtimeArgs());
    assertEquals("{}", crun.status().get("org.opencontainers.runtime-spec.features"));
    assertEquals(4, i.swarm().nodes());
    assertEquals(3, i.swarm().managers());
    assertEquals(
        List.of(new SwarmInfo.PeerNode("71izy0goik036k48jg985xnds", "10.0.0.158:2377")),
        i.swarm().remoteManagers());
    assertEquals(List.of("/etc/cdi", "/var/run/cdi"), i.cdiSpecDirs());
    assertEquals("Community Engine", i.productLicense());
  }

  @Test
  void serialisesWithApiNames() {
    JsonNode json = tree(info);
    for (String name : List.of("ID", "NCPU", "NFd", "NGoroutines", "NEventsListener", "OSType",
        "OSVersion", "CPUShares", "CPUSet", "CpuCfsPeriod", "IPv4Forwarding",
        "KernelMemoryTCP", "BridgeNfIp6tables", "MemTotal", "DockerRootDir",
        "ContainerdCommit", "SecurityOptions")) {
      assertTrue(json.has(name), name);
    }
    assertTrue(json.get("RegistryConfig").has("InsecureRegistryCIDRs"));
    assertTrue(json.get("RegistryConfig").has("AllowNondistributableArtifactsCIDRs"));
    assertEquals("runc", json.get("Runtimes").get("runc").get("path").asText());
    assertEquals("inactive", json.get("Swarm").get("LocalNodeState").asText());
    assertFalse(json.has("ProductLicense"), "null fields are left out");
    assertFalse(json.has("ncpu"));
    assertEquals(info, roundTrip(info, SystemInfo.class));
  }
}
