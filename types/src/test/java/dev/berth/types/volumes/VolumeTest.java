package dev.berth.types.volumes;

import static dev.berth.types.TestJson.ENGINE_20_10;
import static dev.berth.types.TestJson.MAPPER;
import static dev.berth.types.TestJson.read;
import static dev.berth.types.TestJson.resource;
import static dev.berth.types.TestJson.roundTrip;
import static dev.berth.types.TestJson.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VolumeTest {

  @Test
  void decodesRealVolumeFromVolumeList() throws Exception {
    // GET /volumes wraps the volumes: {"Volumes": [...], "Warnings": null}
    JsonNode list = MAPPER.readTree(resource(ENGINE_20_10 + "volumes.json"));
    Volume volume = MAPPER.treeToValue(list.get("Volumes").get(0), Volume.class);
    assertEquals("berth-sample-vol", volume.name());
    assertEquals("local", volume.driver());
    assertEquals("/var/lib/docker/volumes/berth-sample-vol/_data", volume.mountpoint());
    assertEquals("2026-11-26T22:10:09Z", volume.createdAt());
    assertEquals("local", volume.scope());
    assertEquals(Map.of("dev.berth.sample", "volume"), volume.labels());
    assertEquals(Map.of(), volume.options(), "null in the capture");
    assertEquals(Map.of(), volume.status(), "absent in the capture");
    assertNull(volume.usageData(), "only sent by /system/df");
  }

  @Test
  void statusIsFreeFormAndMayHoldNulls() {
    Volume volume = read("""
        {"Name": "tardis", "Driver": "custom", "Scope": "global",
         "Status": {"hello": "world", "size": 42, "nested": {"a": [1, 2]}, "none": null},
         "Options": {"device": "tmpfs", "o": "size=100m,uid=1000", "type": "tmpfs"},
         "UsageData": {"Size": -1, "RefCount": -1},
         "ClusterVolume": {"ID": "x"}}
        """, Volume.class);
    assertEquals("world", volume.status().get("hello"));
    assertEquals(42, volume.status().get("size"));
    assertEquals(Map.of("a", java.util.List.of(1, 2)), volume.status().get("nested"));
    assertTrue(volume.status().containsKey("none"));
    assertNull(volume.status().get("none"));
    assertEquals("size=100m,uid=1000", volume.options().get("o"));
    assertEquals(new Volume.UsageData(-1L, -1L), volume.usageData());
    assertThrows(UnsupportedOperationException.class, () -> volume.status().put("k", "v"));
  }

  @Test
  void constructorCopiesItsMaps() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("a", "1");
    Volume volume = new Volume("v", "local", null, null, null, labels, "local", null, null);
    labels.put("b", "2");
    assertEquals(Map.of("a", "1"), volume.labels());
    assertEquals(Map.of(), volume.status());
    assertEquals(Map.of(), volume.options());
  }

  @Test
  void serialisesWithApiNames() {
    Volume volume = new Volume("v", "local", "/var/lib/docker/volumes/v/_data",
        "2026-11-26T22:10:09Z", null, Map.of("k", "v"), "local", null,
        new Volume.UsageData(3L, 1L));
    JsonNode json = tree(volume);
    assertEquals("v", json.get("Name").asText());
    assertEquals("/var/lib/docker/volumes/v/_data", json.get("Mountpoint").asText());
    assertEquals("2026-11-26T22:10:09Z", json.get("CreatedAt").asText());
    assertEquals(1, json.get("UsageData").get("RefCount").asInt());
    assertEquals("v", json.get("Labels").get("k").asText());
    assertFalse(json.has("name"));
    assertEquals(volume, roundTrip(volume, Volume.class));
  }
}
