package dev.berth.types.images;

import static dev.berth.types.TestJson.ENGINE_20_10;
import static dev.berth.types.TestJson.read;
import static dev.berth.types.TestJson.readList;
import static dev.berth.types.TestJson.resource;
import static dev.berth.types.TestJson.roundTrip;
import static dev.berth.types.TestJson.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageSummaryTest {

  private final List<ImageSummary> images =
      readList(resource(ENGINE_20_10 + "images-json.json"), ImageSummary.class);

  @Test
  void decodesRealImageList() {
    assertEquals(1, images.size());
    ImageSummary image = images.get(0);
    assertEquals("sha256:bb11827975c69aebeea06f558fd307440277b1f4795aa58538b728aad61b2f54",
        image.id());
    assertEquals("", image.parentId());
    assertEquals(List.of("busybox:local"), image.repoTags());
    assertEquals(1_795_730_982L, image.created());
    assertEquals(1_984_257L, image.size());
    assertEquals(1_984_257L, image.virtualSize());
    assertEquals(-1L, image.sharedSize(), "not computed by /images/json");
    assertEquals(-1, image.containers(), "not computed by /images/json");
    // the engine sends null for both although the spec calls them non-nullable
    assertEquals(List.of(), image.repoDigests());
    assertEquals(Map.of(), image.labels());
  }

  @Test
  void ignoresFieldsOfNewerEngines() {
    ImageSummary image = read("""
        {"Id": "sha256:ec3f", "RepoTags": ["example:1.0"], "Labels": {"a": "b"},
         "Manifests": [{"ID": "sha256:95869", "Available": true}],
         "Descriptor": {"mediaType": "application/vnd.oci.image.index.v1+json"}}
        """, ImageSummary.class);
    assertEquals("sha256:ec3f", image.id());
    assertEquals(Map.of("a", "b"), image.labels());
  }

  @Test
  void serialisesWithApiNames() {
    ImageSummary image = images.get(0);
    JsonNode json = tree(image);
    for (String name : List.of("Id", "ParentId", "RepoTags", "RepoDigests", "Created", "Size",
        "SharedSize", "VirtualSize", "Labels", "Containers")) {
      assertTrue(json.has(name), name);
    }
    assertEquals("busybox:local", json.get("RepoTags").get(0).asText());
    assertEquals(image, roundTrip(image, ImageSummary.class));
  }
}
