package dev.berth.types.images;

import static dev.berth.types.TestJson.ENGINE_20_10;
import static dev.berth.types.TestJson.MAPPER;
import static dev.berth.types.TestJson.read;
import static dev.berth.types.TestJson.readList;
import static dev.berth.types.TestJson.resource;
import static dev.berth.types.TestJson.roundTrip;
import static dev.berth.types.TestJson.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.types.progress.ProgressMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The image endpoints' answers, decoded from real Docker 20.10 output. */
class ImageRecordsTest {

  private static List<ProgressMessage> lines(String resource) {
    List<ProgressMessage> out = new ArrayList<>();
    for (String line : resource(ENGINE_20_10 + resource).split("\n")) {
      if (!line.isBlank()) {
        out.add(read(line, ProgressMessage.class));
      }
    }
    return out;
  }

  @Test
  void decodesInspectOfBuiltImage() {
    ImageInspect image = read(resource(ENGINE_20_10 + "image-inspect-built.json"),
        ImageInspect.class);
    assertEquals("sha256:e2196f645b948e6a90077a28d8c6ee948091fa040d0aada088edf851a91a0411",
        image.id());
    assertEquals(List.of("berth-fx:1"), image.repoTags());
    assertEquals(List.of(), image.repoDigests());
    assertEquals("sha256:554fb47edcd4516a30c5b99b44e76e4fe35a85d3bd7a8bf39f155bef70a629db",
        image.parent());
    assertEquals("2026-11-26T23:02:01.325221714Z", image.created());
    assertEquals("nobody", image.config().user());
    assertEquals(List.of("sh", "-c"), image.config().entrypoint());
    assertEquals(List.of("cat /app/x"), image.config().cmd());
    assertEquals("/app", image.config().workingDir());
    assertTrue(image.config().env().contains("GREETING=hi"));
    assertEquals(Map.of("8080/tcp", Map.of()), image.config().exposedPorts());
    assertEquals(Map.of("/data", Map.of()), image.config().volumes());
    assertEquals(Map.of("a", "b", "dev.berth.test", "fixture"), image.config().labels());
    assertEquals("9bff28cfbe21", image.containerConfig().hostname(), "legacy field");
    assertEquals("amd64", image.architecture());
    assertEquals("linux", image.os());
    assertNull(image.variant(), "sent only when set");
    assertEquals(1_984_260L, image.size());
    assertEquals("overlay2", image.graphDriver().name());
    assertTrue(image.graphDriver().data().containsKey("UpperDir"));
    assertEquals("layers", image.rootFs().type());
    assertEquals(3, image.rootFs().layers().size());
    assertEquals("2026-11-26T23:02:01.338145011Z", image.metadata().lastTagTime());
    assertEquals(image, roundTrip(image, ImageInspect.class));
    assertTrue(tree(image).has("RootFS"), "written with the API's names");
  }

  @Test
  void decodesInspectOfImportedAndPushedImage() {
    ImageInspect image = read(resource(ENGINE_20_10 + "image-inspect-pushed.json"),
        ImageInspect.class);
    assertEquals("hi", image.comment(), "the import message");
    assertEquals("", image.parent());
    assertEquals(List.of("x"), image.config().cmd());
    assertEquals(List.of("A=b"), image.config().env());
    assertEquals(List.of(), image.config().onBuild(), "null in the JSON");
    assertEquals(List.of(
        "127.0.0.1:5000/berth-probe@sha256:2f89f33ea2edf33337973783c7454a75fbe35cd7a63116de40282100141cf3cf",
        "127.0.0.1:5001/berth-probe@sha256:2f89f33ea2edf33337973783c7454a75fbe35cd7a63116de40282100141cf3cf"),
        image.repoDigests());
    assertEquals(3, image.repoTags().size());
  }

  @Test
  void decodesHistoryNewestFirstWithNullTags() {
    List<HistoryItem> history = readList(resource(ENGINE_20_10 + "image-history.json"),
        HistoryItem.class);
    HistoryItem top = history.get(0);
    assertEquals("/bin/sh -c #(nop)  LABEL dev.berth.test=fixture", top.createdBy());
    assertEquals(List.of("berth-fx:1"), top.tags());
    assertEquals(1_795_734_121L, top.created());
    assertEquals(0L, top.size());
    assertEquals(List.of(), history.get(1).tags());
    assertEquals(List.of("busybox:local"), history.get(history.size() - 1).tags());
    assertEquals(top, roundTrip(top, HistoryItem.class));
  }

  @Test
  void decodesDeleteAndPruneAnswers() {
    List<ImageDeleteResponseItem> deleted = readList(resource(ENGINE_20_10
        + "image-delete-response.json"), ImageDeleteResponseItem.class);
    assertEquals(new ImageDeleteResponseItem("berth-fx:1", null), deleted.get(0));
    assertEquals("sha256:e2196f645b948e6a90077a28d8c6ee948091fa040d0aada088edf851a91a0411",
        deleted.get(1).deleted());
    assertNull(deleted.get(1).untagged());
    assertEquals(List.of(new ImageDeleteResponseItem("berth-fx-commit:2", null)),
        readList(resource(ENGINE_20_10 + "image-delete-untagged.json"),
            ImageDeleteResponseItem.class));

    ImagePruneResponse pruned = read(resource(ENGINE_20_10 + "image-prune-response.json"),
        ImagePruneResponse.class);
    assertEquals(2, pruned.imagesDeleted().size());
    assertEquals(0L, pruned.spaceReclaimed());
    ImagePruneResponse none = read(resource(ENGINE_20_10 + "image-prune-response-empty.json"),
        ImagePruneResponse.class);
    assertEquals(List.of(), none.imagesDeleted());
    assertTrue(tree(new ImageDeleteResponseItem("a:1", null)).has("Untagged"));
    assertTrue(!tree(new ImageDeleteResponseItem("a:1", null)).has("Deleted"));
  }

  @Test
  void decodesCommitBuildPruneAndDistributionAnswers() {
    assertEquals("sha256:5a34ab5d046660cd22fd7675dec7fea664dc7e0f2fab09c437165f593c0ff239",
        read(resource(ENGINE_20_10 + "commit-response.json"), CommitResponse.class).id());
    BuildPruneResponse prune = read(resource(ENGINE_20_10 + "build-prune-response.json"),
        BuildPruneResponse.class);
    assertEquals(List.of(), prune.cachesDeleted());
    assertEquals(0L, prune.spaceReclaimed());

    DistributionInspect d = read(resource(ENGINE_20_10 + "distribution-inspect.json"),
        DistributionInspect.class);
    assertEquals("application/vnd.docker.distribution.manifest.v2+json",
        d.descriptor().mediaType());
    assertEquals("sha256:2f89f33ea2edf33337973783c7454a75fbe35cd7a63116de40282100141cf3cf",
        d.descriptor().digest());
    assertEquals(523L, d.descriptor().size());
    assertEquals(List.of(new DistributionInspect.Platform("amd64", "linux", null, List.of(),
        null)), d.platforms());
    DistributionInspect.Platform arm = read(
        "{\"architecture\":\"arm\",\"os\":\"windows\",\"os.version\":\"10.0\","
        + "\"os.features\":[\"win32k\"],\"variant\":\"v7\"}",
        DistributionInspect.Platform.class);
    assertEquals("10.0", arm.osVersion());
    assertEquals(List.of("win32k"), arm.osFeatures());
    assertEquals(d, roundTrip(d, DistributionInspect.class));
  }

  @Test
  void decodesSearchResultsWithDockerHubNames() {
    List<ImageSearchResult> found = readList("""
        [{"star_count":12,"is_official":true,"name":"busybox","is_automated":false,
         "description":"Busybox base image."}]""", ImageSearchResult.class);
    assertEquals(new ImageSearchResult("busybox", "Busybox base image.", true, false, 12),
        found.get(0));
    assertTrue(tree(found.get(0)).has("is_official"));
  }

  @Test
  void buildStreamEndsWithImageIdInAux() {
    List<ProgressMessage> build = lines("build-progress.jsonl");
    assertEquals("Step 1/11 : FROM busybox:local", build.get(0).stream());
    ProgressMessage aux = build.stream().filter(m -> !m.aux().isEmpty()).findFirst().orElseThrow();
    ImageId id = MAPPER.convertValue(aux.aux(), ImageId.class);
    assertEquals("sha256:e2196f645b948e6a90077a28d8c6ee948091fa040d0aada088edf851a91a0411",
        id.id());
    assertEquals("Successfully tagged berth-fx:1\n", build.get(build.size() - 1).stream());
  }

  @Test
  void pushStreamEndsWithDigestInAuxOrCarriesTheError() {
    List<ProgressMessage> push = lines("push-progress.jsonl");
    assertEquals("Layer already exists", push.get(2).status());
    assertEquals("706dd7a99dde", push.get(2).id());
    PushResult result = MAPPER.convertValue(push.get(4).aux(), PushResult.class);
    assertEquals(new PushResult("1",
        "sha256:2f89f33ea2edf33337973783c7454a75fbe35cd7a63116de40282100141cf3cf", 523L),
        result);

    List<ProgressMessage> refused = lines("push-progress-unauthorized.jsonl");
    ProgressMessage error = refused.get(refused.size() - 1);
    assertEquals("unauthorized: authentication required", error.errorDetail().message());
    assertEquals("unauthorized: authentication required", error.error());

    List<ProgressMessage> pull = lines("pull-progress-uptodate.jsonl");
    assertEquals("Status: Image is up to date for 127.0.0.1:5000/berth-probe:1",
        pull.get(2).status());
  }
}
