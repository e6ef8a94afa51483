package dev.berth.types.containers;

import static dev.berth.types.TestJson.ENGINE_20_10;
import static dev.berth.types.TestJson.read;
import static dev.berth.types.TestJson.readList;
import static dev.berth.types.TestJson.resource;
import static dev.berth.types.TestJson.roundTrip;
import static dev.berth.types.TestJson.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerSummaryTest {

  private final List<ContainerSummary> containers =
      readList(resource(ENGINE_20_10 + "containers-json.json"), ContainerSummary.class);

  @Test
  void decodesRealRunningContainer() {
    assertEquals(2, containers.size());
    ContainerSummary c = containers.get(0);
    assertEquals("0170bbf124a89068594b6dd792b56f206b81cf5708c87cc597821ef576825270", c.id());
    assertEquals(List.of("/berth-sample-running"), c.names());
    assertEquals("busybox:local", c.image());
    assertEquals("sha256:bb11827975c69aebeea06f558fd307440277b1f4795aa58538b728aad61b2f54",
        c.imageId());
    assertEquals("sleep 900", c.command());
    assertEquals(1_795_731_009L, c.created());
    assertEquals("running", c.state());
    assertEquals("Up 6 seconds", c.status());
    assertEquals(Map.of("dev.berth.sample", "running"), c.labels());
    assertEquals(List.of(), c.ports(), "this engine runs without a bridge, so none published");
    assertNull(c.sizeRw(), "only sent with size=true");
    assertNull(c.health(), "added in API 1.52");
    assertEquals("default", c.hostConfig().networkMode());
    assertEquals(Map.of(), c.hostConfig().annotations());

    assertEquals(List.of(new MountPoint("bind", null, "/tmp", "/host-tmp", null, "ro", false,
        "rprivate")), c.mounts());
  }

  @Test
  void decodesNetworkEndpoint() {
    Map<String, EndpointSettings> networks = containers.get(0).networkSettings().networks();
    assertEquals(List.of("bridge"), List.copyOf(networks.keySet()));
    EndpointSettings bridge = networks.get("bridge");
    assertNull(bridge.ipamConfig());
    assertEquals(List.of(), bridge.links());
    assertEquals(List.of(), bridge.aliases());
    assertEquals(Map.of(), bridge.driverOpts());
    assertEquals(List.of(), bridge.dnsNames());
    assertEquals("", bridge.ipAddress());
    assertEquals(0, bridge.ipPrefixLen());
    assertEquals(0, bridge.globalIpv6PrefixLen());
    assertNull(bridge.gwPriority());
  }

  @Test
  void decodesRealExitedContainerWithVolume() {
    ContainerSummary c = containers.get(1);
    assertEquals("exited", c.state());
    assertEquals("Exited (0) 6 seconds ago", c.status());
    assertEquals("sh -c 'echo hi > /data/f'", c.command());
    MountPoint mount = c.mounts().get(0);
    assertEquals("volume", mount.type());
    assertEquals("berth-sample-vol", mount.name());
    assertEquals("/var/lib/docker/volumes/berth-sample-vol/_data", mount.source());
    assertEquals("/data", mount.destination());
    assertEquals("local", mount.driver());
    assertEquals("z", mount.mode());
    assertEquals(Boolean.TRUE, mount.rw());
    assertEquals("", mount.propagation());
  }

  @Test
  void decodesFieldsTheCaptureLacks() {
    ContainerSummary c = read("""
        {"Id": "8dfafdbc3a40", "Names": ["/web"],
         "Ports": [{"IP": "0.0.0.0", "PrivatePort": 8080, "PublicPort": 80, "Type": "tcp"},
              {"PrivatePort": 53, "Type": "udp"}],
         "SizeRw": 12288, "SizeRootFs": 0,
         "HostConfig": {"NetworkMode": "mynet",
                "Annotations": {"io.kubernetes.docker.type": "container"}},
         "NetworkSettings": {"Networks": {"mynet": {
           "IPAMConfig": {"IPv4Address": "172.20.30.33",
                  "LinkLocalIPs": ["169.254.34.68"]},
           "Aliases": ["web"], "DNSNames": ["web", "8dfafdbc3a40"], "GwPriority": 10,
           "IPAddress": "172.20.30.33", "IPPrefixLen": 16,
           "MacAddress": "02:42:ac:14:1e:21",
           "DriverOpts": {"com.example.opt": "1"}}}},
         "Health": {"Status": "healthy", "FailingStreak": 0},
         "ImageManifestDescriptor": {
           "mediaType": "application/vnd.oci.image.manifest.v1+json"}}
        """, ContainerSummary.class);
    assertEquals(List.of(new Port("0.0.0.0", 8080, 80, "tcp"), new Port(null, 53, null, "udp")),
        c.ports());
    assertEquals(12_288L, c.sizeRw());
    assertEquals(Map.of("io.kubernetes.docker.type", "container"),
        c.hostConfig().annotations());
    EndpointSettings mynet = c.networkSettings().networks().get("mynet");
    assertEquals(new EndpointIpamConfig("172.20.30.33", null, List.of("169.254.34.68")),
        mynet.ipamConfig());
    assertEquals(List.of("web", "8dfafdbc3a40"), mynet.dnsNames());
    assertEquals(10, mynet.gwPriority());
    assertEquals(16, mynet.ipPrefixLen());
    assertEquals(Map.of("com.example.opt", "1"), mynet.driverOpts());
    assertEquals(new ContainerSummary.Health("healthy", 0), c.health());
    assertEquals(List.of(), c.mounts());
    assertEquals(Map.of(), c.labels());
  }

  @Test
  void collectionsAreImmutable() {
    ContainerSummary c = containers.get(0);
    assertThrows(UnsupportedOperationException.class, () -> c.names().add("/x"));
    assertThrows(UnsupportedOperationException.class, () -> c.labels().put("k", "v"));
    assertThrows(UnsupportedOperationException.class,
        () -> c.networkSettings().networks().clear());
  }

  @Test
  void serialisesWithApiNames() {
    ContainerSummary c = containers.get(1);
    JsonNode json = tree(c);
    assertEquals(c.id(), json.get("Id").asText());
    assertEquals(c.imageId(), json.get("ImageID").asText());
    assertTrue(json.get("Mounts").get(0).get("RW").asBoolean());
    assertEquals("default", json.get("HostConfig").get("NetworkMode").asText());
    JsonNode bridge = json.get("NetworkSettings").get("Networks").get("bridge");
    for (String name : List.of("NetworkID", "EndpointID", "IPAddress", "IPPrefixLen",
        "IPv6Gateway", "GlobalIPv6Address", "GlobalIPv6PrefixLen", "MacAddress")) {
      assertTrue(bridge.has(name), name);
    }
    assertFalse(bridge.has("IPAMConfig"), "null fields are left out");
    JsonNode port = tree(new Port("::", 80, 8080, "tcp"));
    assertEquals("::", port.get("IP").asText());
    assertEquals(80, port.get("PrivatePort").asInt());
    assertEquals(8080, port.get("PublicPort").asInt());
    assertEquals("tcp", port.get("Type").asText());
    assertEquals(c, roundTrip(c, ContainerSummary.class));
  }
}
