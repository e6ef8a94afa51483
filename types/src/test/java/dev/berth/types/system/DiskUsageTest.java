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
import dev.berth.types.containers.ContainerSummary;
import dev.berth.types.images.ImageSummary;
import dev.berth.types.volumes.Volume;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiskUsageTest {

  private final DiskUsage df = read(resource(ENGINE_20_10 + "system-df.json"), DiskUsage.class);

  @Test
  void decodesRealDiskUsage() {
    assertEquals(1_984_257L, df.layersSize());

    ImageSummary image = df.images().get(0);
    assertEquals(List.of("busybox:local"), image.repoTags());
    assertEquals(2, image.containers(), "computed in /system/df, -1 in /images/json");
    assertEquals(0L, image.sharedSize());

    assertEquals(2, df.containers().size());
    ContainerSummary running = df.containers().get(0);
    assertEquals(List.of("/berth-sample-running"), running.names());
    assertEquals(1_984_257L, running.sizeRootFs());
    assertNull(running.sizeRw(), "left out by the engine when zero");

    Volume volume = df.volumes().get(0);
    assertEquals("berth-sample-vol", volume.name());
    assertEquals(new Volume.UsageData(3L, 1L), volume.usageData());

    // "BuildCache": null, and the undocumented "BuilderSize" is ignored
    assertEquals(List.of(), df.buildCache());
  }

  @Test
  void decodesBuildCacheRecords() {
    DiskUsage d = read("""
        {"LayersSize": 0, "BuildCache": [{
         "ID": "hw53o5aio51xtltp5xjp8v7fx", "Parents": ["ndlpt0hhvkqcdfkputsk4cq9c"],
         "Type": "regular", "Description": "pulled from docker.io/library/alpine:latest",
         "InUse": false, "Shared": true, "Size": 51,
         "CreatedAt": "2021-06-28T13:31:01.474619385Z",
         "LastUsedAt": "2021-07-07T22:02:32.738075951Z", "UsageCount": 26}]}
        """, DiskUsage.class);
    BuildCache record = d.buildCache().get(0);
    assertEquals("hw53o5aio51xtltp5xjp8v7fx", record.id());
    assertEquals(List.of("ndlpt0hhvkqcdfkputsk4cq9c"), record.parents());
    assertNull(record.parent());
    assertEquals("regular", record.type());
    assertEquals(Boolean.FALSE, record.inUse());
    assertEquals(Boolean.TRUE, record.shared());
    assertEquals(51L, record.size());
    assertEquals("2021-07-07T22:02:32.738075951Z", record.lastUsedAt());
    assertEquals(26, record.usageCount());
    assertEquals(List.of(), d.images());
    BuildCache legacy = read("{\"ID\":\"x\",\"Parent\":\"y\"}", BuildCache.class);
    assertEquals("y", legacy.parent());
    assertEquals(List.of(), legacy.parents());
    assertEquals("ID", tree(record).fieldNames().next());
    assertTrue(tree(record).has("LastUsedAt"));
  }

  @Test
  void serialisesWithApiNames() {
    JsonNode json = tree(df);
    assertEquals(1_984_257L, json.get("LayersSize").asLong());
    assertEquals(2, json.get("Images").get(0).get("Containers").asInt());
    assertEquals(3L, json.get("Volumes").get(0).get("UsageData").get("Size").asLong());
    assertTrue(json.get("Containers").get(0).has("SizeRootFs"));
    assertFalse(json.has("BuilderSize"));
    assertTrue(json.get("BuildCache").isArray());
    assertEquals(df, roundTrip(df, DiskUsage.class));
    assertEquals(Map.of(), df.volumes().get(0).options());
  }
}
