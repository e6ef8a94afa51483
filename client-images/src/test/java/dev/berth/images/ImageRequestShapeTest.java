package dev.berth.images;

import static dev.berth.images.RecordingDoer.line;
import static dev.berth.images.RecordingDoer.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.EngineClient;
import dev.berth.client.JsonStream;
import dev.berth.client.MalformedResponseException;
import dev.berth.client.RegistryAuth;
import dev.berth.transport.Request;
import dev.berth.types.progress.ProgressMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each image operation puts on the wire, through a recording Doer: no engine needed. */
class ImageRequestShapeTest {
  private final RecordingDoer doer = new RecordingDoer();
  private final ImageService images = ImageService.create(EngineClient.builder(doer).apiVersion("1.41").build());

  @Test
  void listSendsAllDigestsAndFiltersAsJson() {
    doer.answer(200, "[]");
    assertTrue(images.list(o -> o.all(true).digests(true).label("app=web").dangling(false)).isEmpty());
    Request r = doer.only();
    assertEquals("GET /v1.41/images/json", line(r));
    assertEquals("all=true&digests=true&filters={\"label\":[\"app=web\"],\"dangling\":[\"false\"]}", query(r));
  }

  @Test
  void listWithoutOptionsSendsNoQuery() {
    doer.answer(200, "[]");
    images.list();
    assertEquals("", query(doer.only()));
  }

  @Test
  void removeSendsForceAndNoPrune() {
    doer.answer(200, "[{\"Untagged\":\"a:1\"}]");
    doer.answer(200, "[]");
    assertEquals("a:1", images.remove("a:1", o -> o.force(true).noPrune(true)).get(0).untagged());
    images.remove("a:1");
    assertEquals("DELETE /v1.41/images/a:1", line(doer.requests.get(0)));
    assertEquals("force=true&noprune=true", query(doer.requests.get(0)));
    assertEquals("", query(doer.requests.get(1)));
  }

  @Test
  void pruneSendsItsFilters() {
    doer.answer(200, "{\"ImagesDeleted\":[],\"SpaceReclaimed\":0}");
    images.prune(o -> o.dangling(false).label("x").until(Instant.ofEpochSecond(5)));
    Request r = doer.only();
    assertEquals("POST /v1.41/images/prune", line(r));
    assertEquals("filters={\"dangling\":[\"false\"],\"label\":[\"x\"],\"until\":[\"5\"]}", query(r));
  }

  @Test
  void pruneWithoutOptionsSendsNoFilters() {
    doer.answer(200, "{\"ImagesDeleted\":[],\"SpaceReclaimed\":0}");
    images.prune();
    assertEquals("", query(doer.only()));
  }

  @Test
  void tagSendsRepoAndTagAndTheTargetFormLeavesTheTagToTheEngine() {
    images.tag("a:1", "b", "2");
    images.tag("a:1", "c");
    assertEquals("POST /v1.41/images/a:1/tag", line(doer.requests.get(0)));
    assertEquals("repo=b&tag=2", query(doer.requests.get(0)));
    assertEquals("repo=c", query(doer.requests.get(1)));
  }

  @Test
  void loadStreamSendsQuietAsTheOptionsSay() {
    doer.answer(200, "");
    doer.answer(200, "");
    try (JsonStream<ProgressMessage> s = images.loadStream(new ByteArrayInputStream(new byte[0]), o -> o.quiet(false))) {
      s.forEachRemaining(m -> { });
    }
    try (JsonStream<ProgressMessage> s = images.loadStream(new ByteArrayInputStream(new byte[0]))) {
      s.forEachRemaining(m -> { });
    }
    assertEquals("POST /v1.41/images/load", line(doer.requests.get(0)));
    assertEquals("quiet=0", query(doer.requests.get(0)));
    assertEquals("quiet=1", query(doer.requests.get(1)));
  }

  @Test
  void saveStreamAsksForEachName() throws Exception {
    doer.answer(200, "");
    try (InputStream in = images.saveStream(List.of("a:1", "b:2"))) {
      in.readAllBytes();
    }
    assertEquals("GET /v1.41/images/get", line(doer.only()));
    assertEquals("names=a:1&names=b:2", query(doer.only()));
  }

  @Test
  void distributionInspectSendsTheOptionsCredentials() {
    doer.answer(200, "{\"Descriptor\":{\"digest\":\"sha256:0\"},\"Platforms\":[]}");
    images.distributionInspect("reg:5000/a:1", o -> o.auth(RegistryAuth.basic("me", "pw", "reg:5000")));
    Request r = doer.only();
    assertEquals("GET /v1.41/distribution/reg:5000/a:1/json", line(r));
    String header = new String(Base64.getUrlDecoder().decode(r.headers().first("X-Registry-Auth")));
    assertTrue(header.contains("\"username\":\"me\""), header);
  }

  @Test
  void pruneBuildCacheSendsKeepStorageAllAndFilters() {
    doer.answer(200, "{\"CachesDeleted\":[],\"SpaceReclaimed\":0}");
    images.pruneBuildCache(o -> o.keepStorage(1024).all(true).filter("until", "24h"));
    Request r = doer.only();
    assertEquals("POST /v1.41/build/prune", line(r));
    assertEquals("keep-storage=1024&all=true&filters={\"until\":[\"24h\"]}", query(r));
  }

  @Test
  void anEmptyInspectAnswerIsMalformedNotNull() {
    doer.answer(200, "");
    assertThrows(MalformedResponseException.class, () -> images.inspect("a:1"));
  }

  @Test
  void nullArgumentsAreNullPointerExceptionsNamingTheParameter() {
    assertEquals("options", assertThrows(NullPointerException.class,
        () -> images.prune((ImagePruneOptions) null)).getMessage());
    assertEquals("imagesTar", assertThrows(NullPointerException.class,
        () -> images.loadStream(null, ImageLoadOptions.DEFAULT)).getMessage());
    assertEquals("options", assertThrows(NullPointerException.class,
        () -> images.distributionInspect("a", (DistributionInspectOptions) null)).getMessage());
    assertTrue(doer.requests.isEmpty());
  }

  @Test
  void optionsCopyThroughToBuilder() {
    ImageBuildOptions build = ImageBuildOptions.builder().tag("a:1").buildArg("X", "1").noCache(true).build();
    ImageBuildOptions copy = build.toBuilder().tag("a:2").build();
    assertEquals(List.of("a:1"), build.tags());
    assertEquals(List.of("a:1", "a:2"), copy.tags());
    assertEquals(build.buildArgs(), copy.buildArgs());
    assertTrue(copy.noCache());
    ImagePullOptions pull = ImagePullOptions.builder().platform("linux/arm64").allTags(true).build();
    assertEquals(pull.toString(), pull.toBuilder().build().toString());
  }
}
