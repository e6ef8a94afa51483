package dev.berth.images;

import static dev.berth.testkit.RecordingDoer.line;
import static dev.berth.testkit.RecordingDoer.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.ApiVersion;
import dev.berth.client.EngineClient;
import dev.berth.client.UnsupportedApiVersionException;
import dev.berth.testkit.RecordingDoer;
import dev.berth.transport.Request;
import dev.berth.types.images.DistributionInspect;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The image options newer engines have: each is sent under its API name when the API in use has it,
 * and refused with {@link UnsupportedApiVersionException} before anything is sent when it has not
 * (the rig has Docker 20.10 = API 1.41 and 28.5 = 1.51; the versions between are pinned here).
 */
class NewerApiRequestShapeTest {
  private static final DistributionInspect.Platform ARM64 =
      new DistributionInspect.Platform("arm64", "linux", null, null, "v8");
  private static final String ARM64_JSON = "{\"architecture\":\"arm64\",\"os\":\"linux\",\"variant\":\"v8\"}";

  private final RecordingDoer doer = new RecordingDoer();

  private ImageService at(String version) {
    return ImageService.create(EngineClient.builder(doer).apiVersion(version).build());
  }

  private static String decoded(Request r) {
    return URLDecoder.decode(query(r), StandardCharsets.UTF_8);
  }

  /** The call fails with the version it needs, and nothing reached the engine. */
  private void refusedBeforeIo(String since, Executable call) {
    UnsupportedApiVersionException e = assertThrows(UnsupportedApiVersionException.class, call);
    assertEquals(ApiVersion.parse(since), e.required());
    assertTrue(doer.requests.isEmpty(), doer.requests.toString());
  }

  @Test
  void listSharedSizeAndManifestsNeedTheirVersions() {
    refusedBeforeIo("1.42", () -> at("1.41").list(o -> o.sharedSize(true)));
    refusedBeforeIo("1.47", () -> at("1.46").list(o -> o.manifests(true)));
    doer.answer(200, "[]");
    assertTrue(at("1.47").list(o -> o.sharedSize(true).manifests(true)).isEmpty());
    assertEquals("GET /v1.47/images/json", line(doer.only()));
    assertEquals("shared-size=true&manifests=true", query(doer.only()));
  }

  @Test
  void inspectManifestsAndPlatformNeedTheirVersionsAndExcludeEachOther() {
    refusedBeforeIo("1.48", () -> at("1.47").inspect("busybox", o -> o.manifests(true)));
    refusedBeforeIo("1.49", () -> at("1.48").inspect("busybox", o -> o.platform(ARM64)));
    assertThrows(IllegalArgumentException.class, () -> ImageInspectOptions.builder().manifests(true).platform(ARM64).build());
    assertThrows(NullPointerException.class, () -> at("1.51").inspect("busybox", (ImageInspectOptions) null));
    doer.answer(200, "{\"Id\":\"sha256:1\"}").answer(200, "{\"Id\":\"sha256:1\"}").answer(200, "{\"Id\":\"sha256:1\"}");
    ImageService images = at("1.51");
    images.inspect("busybox", o -> o.manifests(true));
    images.inspect("busybox", o -> o.platform(ARM64));
    images.inspect("busybox", ImageInspectOptions.DEFAULT);
    assertEquals("GET /v1.51/images/busybox/json", line(doer.requests.get(0)));
    assertEquals("manifests=true", query(doer.requests.get(0)));
    assertEquals("platform=" + ARM64_JSON, decoded(doer.requests.get(1)));
    assertEquals("", query(doer.requests.get(2)));
  }

  @Test
  void removePlatformsNeedsApi150AndRepeatsTheParameter() {
    refusedBeforeIo("1.50", () -> at("1.49").remove("busybox", o -> o.platform(ARM64)));
    doer.answer(200, "[]");
    DistributionInspect.Platform amd64 = new DistributionInspect.Platform("amd64", "linux", null, null, null);
    at("1.50").remove("busybox", o -> o.platform(ARM64).platform(amd64));
    assertEquals("DELETE /v1.50/images/busybox", line(doer.only()));
    assertEquals("platforms=" + ARM64_JSON + "&platforms={\"architecture\":\"amd64\",\"os\":\"linux\"}",
        decoded(doer.only()));
  }

  @Test
  void pushAndLoadPlatformNeedTheirVersions() {
    refusedBeforeIo("1.46", () -> at("1.45").pushStream("127.0.0.1:5000/x:1", o -> o.platform(ARM64)));
    refusedBeforeIo("1.48", () -> at("1.47").loadStream(new ByteArrayInputStream(new byte[0]), o -> o.platform(ARM64)));
    doer.answer(200, "").answer(200, "");
    ImageService images = at("1.51");
    images.pushStream("127.0.0.1:5000/x:1", o -> o.platform(ARM64)).close();
    images.loadStream(new ByteArrayInputStream(new byte[0]), o -> o.platform(ARM64)).close();
    assertEquals("tag=1&platform=" + ARM64_JSON, decoded(doer.requests.get(0)));
    assertEquals("quiet=1&platform=" + ARM64_JSON, decoded(doer.requests.get(1)));
  }

  @Test
  void historyAndSavePlatformNeedApi148() throws Exception {
    refusedBeforeIo("1.48", () -> at("1.47").history("busybox", ARM64));
    refusedBeforeIo("1.48", () -> at("1.47").saveStream(List.of("busybox"), ARM64));
    refusedBeforeIo("1.48", () -> at("1.47").saveStream("busybox", ARM64));
    doer.answer(200, "[]").answer(200, "").answer(200, "").answer(200, "").answer(200, "");
    ImageService images = at("1.48");
    assertTrue(images.history("busybox", ARM64).isEmpty());
    images.saveStream(List.of("busybox", "alpine"), ARM64).close();
    images.saveStream(List.of("busybox")).close();
    images.saveStream("127.0.0.1:5000/busybox:1", ARM64).close();
    images.saveStream("busybox").close();
    assertThrows(NullPointerException.class, () -> images.saveStream(List.of("busybox"), null));
    assertThrows(NullPointerException.class, () -> images.saveStream("busybox", null));
    assertThrows(NullPointerException.class, () -> images.saveStream((String) null, ARM64));
    assertThrows(IllegalArgumentException.class, () -> images.saveStream(" ", ARM64));
    assertEquals("GET /v1.48/images/busybox/history", line(doer.requests.get(0)));
    assertEquals("platform=" + ARM64_JSON, decoded(doer.requests.get(0)));
    assertEquals("GET /v1.48/images/get", line(doer.requests.get(1)));
    assertEquals("names=busybox&names=alpine&platform=" + ARM64_JSON, decoded(doer.requests.get(1)));
    assertEquals("names=busybox", decoded(doer.requests.get(2)));
    assertEquals("GET /v1.48/images/127.0.0.1:5000/busybox:1/get", line(doer.requests.get(3)));
    assertEquals("platform=" + ARM64_JSON, decoded(doer.requests.get(3)));
    assertEquals("GET /v1.48/images/busybox/get", line(doer.requests.get(4)));
    assertEquals("", query(doer.requests.get(4)));
    assertEquals(5, doer.requests.size(), "the refused and the null ones sent nothing");
  }

  @Test
  void buildPruneSendsKeepStorageBefore148AndItsSuccessorFrom148On() {
    for (int i = 0; i < 3; i++) {
      doer.answer(200, "{\"CachesDeleted\":[],\"SpaceReclaimed\":0}");
    }
    at("1.41").pruneBuildCache(o -> o.keepStorage(1024));
    at("1.47").pruneBuildCache(o -> o.keepStorage(1024));
    at("1.48").pruneBuildCache(o -> o.keepStorage(1024).maxUsedSpace(4096).minFreeSpace(512));
    List<String> queries = doer.requests.stream().map(RecordingDoer::query).toList();
    assertEquals(List.of("keep-storage=1024", "keep-storage=1024",
        "reserved-space=1024&max-used-space=4096&min-free-space=512"), queries);
    doer.requests.clear();
    refusedBeforeIo("1.48", () -> at("1.47").pruneBuildCache(o -> o.maxUsedSpace(1)));
    refusedBeforeIo("1.48", () -> at("1.47").pruneBuildCache(o -> o.minFreeSpace(1)));
    assertThrows(IllegalArgumentException.class, () -> BuildCachePruneOptions.builder().maxUsedSpace(-1));
  }

  @Test
  void optionsShowWhatIsSetAndRoundTripThroughTheirBuilders() {
    ImageListOptions list = ImageListOptions.builder().sharedSize(true).manifests(true).build();
    assertEquals(true, list.toBuilder().build().sharedSize());
    assertEquals(true, list.toBuilder().build().manifests());
    assertEquals(List.of(ARM64), ImageRemoveOptions.builder().platform(ARM64).build().toBuilder().build().platforms());
    assertEquals(ARM64, ImagePushOptions.builder().platform(ARM64).build().toBuilder().build().platform());
    assertEquals(ARM64, ImageLoadOptions.builder().platform(ARM64).build().toBuilder().build().platform());
    assertEquals(ARM64, ImageInspectOptions.builder().platform(ARM64).build().toBuilder().build().platform());
    assertThrows(NullPointerException.class, () -> ImagePushOptions.builder().platform(null));
    assertTrue(ImageRemoveOptions.DEFAULT.platforms().isEmpty());
  }
}
