package dev.berth.types.containers;

import static dev.berth.types.TestJson.ENGINE_20_10;
import static dev.berth.types.TestJson.parseTree;
import static dev.berth.types.TestJson.read;
import static dev.berth.types.TestJson.resource;
import static dev.berth.types.TestJson.roundTrip;
import static dev.berth.types.TestJson.tree;
import static dev.berth.types.TestJson.writtenTree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourcesTest {

  /** {@code container-update-request.json} is the update body the engine applied. */
  @Test
  void builderReproducesTheUpdateTheEngineApplied() {
    Resources update = Resources.builder()
        .memory(96 * 1024 * 1024)
        .memorySwap(192 * 1024 * 1024)
        .cpuShares(256)
        .pidsLimit(200)
        .restartPolicy(RestartPolicy.unlessStopped())
        .build();
    assertEquals(parseTree(resource(ENGINE_20_10 + "container-update-request.json")),
        writtenTree(update));
    assertEquals(update, roundTrip(update, Resources.class));

    // and the engine's record of the container afterwards agrees
    HostConfig after = read(resource(ENGINE_20_10 + "container-inspect-stopped.json"),
        ContainerInspect.class).hostConfig();
    assertEquals(update.memory(), after.resources().memory());
    assertEquals(update.memorySwap(), after.resources().memorySwap());
    assertEquals(update.cpuShares(), after.resources().cpuShares());
    assertEquals(update.pidsLimit(), after.resources().pidsLimit());
  }

  @Test
  void unsetFieldsAreNotSentSoTheEngineLeavesThemAlone() {
    JsonNode json = tree(Resources.builder().pidsLimit(0).build());
    assertEquals("{\"PidsLimit\":0}", json.toString(), "0 is a value (no limit), not absence");
    assertEquals("{}", tree(Resources.builder().build()).toString());
  }

  @Test
  void hostConfigResourcesViewCarriesTheResourceFieldsAndRestartPolicy() {
    HostConfig host = read(resource(ENGINE_20_10 + "container-inspect-running.json"),
        ContainerInspect.class).hostConfig();
    Resources r = host.resources();
    assertEquals(512L, r.cpuShares());
    assertEquals(67_108_864L, r.memory());
    assertEquals(List.of(new Ulimit("nofile", 1024L, 2048L)), r.ulimits());
    assertEquals(Boolean.TRUE, r.init());
    assertEquals(RestartPolicy.onFailure(2), r.restartPolicy());
    JsonNode json = tree(r);
    assertFalse(json.has("NetworkMode"), "host-only fields are not part of an update");
    assertFalse(json.has("Binds"));

    HostConfig copy = HostConfig.builder().networkMode("none").resources(r).build();
    assertEquals(r, copy.resources());
    assertEquals("none", copy.networkMode());
    assertEquals(List.of(), copy.binds());
    assertNull(copy.maskedPaths());
  }

  @Test
  void hostConfigBuilderCoversDevicesAndThrottles() {
    HostConfig h = HostConfig.builder()
        .resources(r -> r.device(new DeviceMapping("/dev/fuse", "/dev/fuse", "rwm")))
        .resources(r -> r.deviceRequest(new DeviceRequest("nvidia", -1, null,
            List.of(List.of("gpu", "compute")), null)))
        .resources(r -> r.blkioDeviceReadBps(new ThrottleDevice("/dev/sda", 1_048_576L)))
        .resources(r -> r.blkioWeightDevice(new WeightDevice("/dev/sda", 200)))
        .consoleSize(24, 80)
        .build();
    assertEquals(parseTree("""
        {"ConsoleSize": [24, 80],
         "Devices": [{"PathOnHost": "/dev/fuse", "PathInContainer": "/dev/fuse",
               "CgroupPermissions": "rwm"}],
         "DeviceRequests": [{"Driver": "nvidia", "Count": -1,
                   "Capabilities": [["gpu", "compute"]]}],
         "BlkioWeightDevice": [{"Path": "/dev/sda", "Weight": 200}],
         "BlkioDeviceReadBps": [{"Path": "/dev/sda", "Rate": 1048576}]}
        """), writtenTree(h));
    assertEquals(h, roundTrip(h, HostConfig.class));
  }

  @Test
  void decodesUpdateResponses() {
    ContainerUpdateResponse ok = read(resource(ENGINE_20_10 + "container-update-response.json"),
        ContainerUpdateResponse.class);
    assertEquals(List.of(), ok.warnings(), "Docker sends \"Warnings\": null");
    ContainerUpdateResponse warned = read(resource(ENGINE_20_10
        + "container-update-response-warnings.json"), ContainerUpdateResponse.class);
    assertEquals(List.of("Your kernel does not support Block I/O weight or the cgroup is not "
        + "mounted. Weight discarded."), warned.warnings());
  }
}
