package dev.berth.images;

import static dev.berth.testkit.RecordingDoer.body;
import static dev.berth.testkit.RecordingDoer.bytes;
import static dev.berth.testkit.RecordingDoer.line;
import static dev.berth.testkit.RecordingDoer.query;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testkit.RecordingDoer;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.client.ConflictException;
import dev.berth.client.EngineClient;
import dev.berth.client.EngineException;
import dev.berth.client.InvalidRequestException;
import dev.berth.client.NotFoundException;
import dev.berth.client.StreamErrorException;
import dev.berth.transport.InMemoryResponse;
import dev.berth.types.images.BuildPruneResponse;
import dev.berth.types.images.DistributionInspect;
import dev.berth.types.images.HistoryItem;
import dev.berth.types.images.ImagePruneResponse;
import dev.berth.types.images.ImageSearchResult;
import dev.berth.types.images.ImageSummary;
import dev.berth.types.images.PushResult;
import dev.berth.client.JsonStream;
import dev.berth.client.MalformedResponseException;
import dev.berth.client.RegistryAuth;
import dev.berth.transport.Request;
import dev.berth.types.progress.ProgressMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

  // ---------------------------------------------------------------- every other method (issue 14)

  private static final String ID = "sha256:" + "ab".repeat(32);

  @AfterEach
  void everyResponseIsClosedByTheEndOfTheTest() {
    assertTrue(doer.allClosed(), "a response was left open: " + doer.responses);
  }

  /** The X-Registry-Auth header of {@code r}, decoded (base64url) and parsed; never printed. */
  private static Map<String, Object> auth(Request r) throws Exception {
    String header = r.headers().first("X-Registry-Auth");
    assertNotNull(header, "X-Registry-Auth is always sent");
    return new ObjectMapper().readValue(Base64.getUrlDecoder().decode(header), new TypeReference<Map<String, Object>>() { });
  }

  /** A 200 progress stream of these JSON lines. */
  private static InMemoryResponse progress(String... lines) {
    return InMemoryResponse.builder(200).json(String.join("\n", lines) + "\n").build();
  }

  @Test
  void inspectAndHistoryDecodeTheAnswer() {
    doer.answer(200, "{\"Id\":\"" + ID + "\",\"RepoTags\":[\"a:1\"]}");
    doer.answer(200, "[{\"Id\":\"" + ID + "\",\"CreatedBy\":\"RUN x\"},{\"Id\":\"<missing>\"}]");
    assertEquals(ID, images.inspect("a:1").id());
    List<HistoryItem> history = images.history("a:1");
    assertEquals("GET /v1.41/images/a:1/json", line(doer.requests.get(0)));
    assertEquals("GET /v1.41/images/a:1/history", line(doer.requests.get(1)));
    assertEquals(2, history.size());
    assertEquals("RUN x", history.get(0).createdBy());
  }

  @Test
  void searchSendsTermLimitFiltersAndAnonymousAuth() throws Exception {
    doer.answer(200, "[{\"name\":\"busybox\",\"star_count\":3},{\"name\":\"busybox2\"}]");
    doer.answer(200, "[]");
    List<ImageSearchResult> found = images.search("busy box", o -> o.limit(5).official(true));
    images.search("x");
    Request r = doer.requests.get(0);
    assertEquals("GET /v1.41/images/search", line(r));
    assertEquals("term=busy box&limit=5&filters={\"is-official\":[\"true\"]}", query(r));
    assertTrue(r.target().startsWith("/v1.41/images/search?term=busy%20box&limit=5&filters=%7B"), r.target());
    assertEquals("e30=", r.headers().first("X-Registry-Auth"));
    assertEquals(Map.of(), auth(r));
    assertEquals(2, found.size());
    assertEquals(3, found.get(0).starCount());
    assertEquals("term=x", query(doer.requests.get(1)));
  }

  @Test
  void commitSendsTheContainerNameChangesAndConfigAndReturnsTheId() {
    doer.answer(201, "{\"Id\":\"" + ID + "\"}");
    doer.answer(201, "{\"Id\":\"" + ID + "\"}");
    assertEquals(ID, images.commit("web", o -> o.repository("app").tag("1").comment("c").author("me").pause(false)
        .change("ENV A=1").change("CMD [\"x\"]").config(c -> c.user("nobody"))));
    images.commit("web");
    Request r = doer.requests.get(0);
    assertEquals("POST /v1.41/commit", line(r));
    assertEquals("container=web&repo=app&tag=1&comment=c&author=me&pause=false&changes=ENV A=1&changes=CMD [\"x\"]",
        query(r));
    assertTrue(body(r).contains("\"User\":\"nobody\""), body(r));
    assertEquals("container=web", query(doer.requests.get(1)));
    assertEquals("{}", body(doer.requests.get(1)));
  }

  @Test
  void importSendsTheTarAndReadsTheIdFromTheProgress() {
    doer.answer(progress("{\"status\":\"" + ID + "\"}"));
    doer.answer(progress("{\"status\":\"" + "cd".repeat(32) + "\"}"));
    assertEquals(ID, images.importImage(new ByteArrayInputStream(new byte[] {7, 7}),
        o -> o.repository("app").tag("1").message("m").change("ENV A=1").platform("linux/amd64")));
    assertEquals("sha256:" + "cd".repeat(32), images.importImage(new ByteArrayInputStream(new byte[0])));
    Request r = doer.requests.get(0);
    assertEquals("POST /v1.41/images/create", line(r));
    assertEquals("repo=app&tag=1&message=m&platform=linux/amd64&changes=ENV A=1&fromSrc=-", query(r));
    assertEquals("application/x-tar", r.body().contentType());
    assertArrayEquals(new byte[] {7, 7}, bytes(r));
    assertEquals(Duration.ZERO, r.readTimeout());
    assertEquals("fromSrc=-", query(doer.requests.get(1)));
  }

  @Test
  void importStreamClosesTheResponseWithTheStream() {
    doer.answer(progress("{\"status\":\"" + ID + "\"}"));
    JsonStream<ProgressMessage> s = images.importStream(new ByteArrayInputStream(new byte[0]), o -> o.message("m"));
    assertEquals(ID, s.next().status());
    assertFalse(doer.allClosed());
    s.close();
    assertEquals("message=m&fromSrc=-", query(doer.only()));
  }

  @Test
  void importFromUrlSendsTheUrlAndNoBody() {
    doer.answer(progress("{\"status\":\"Downloading\"}", "{\"status\":\"" + ID + "\"}"));
    assertEquals(ID, images.importFromUrl("https://example.com/r.tar?x=1", o -> o.repository("app")));
    Request r = doer.only();
    assertEquals("repo=app&fromSrc=https://example.com/r.tar?x=1", query(r));
    assertTrue(r.target().endsWith("&fromSrc=https://example.com/r.tar%3Fx%3D1"), r.target());
    assertNull(r.body());
  }

  @Test
  void loadSendsTheTarAndReturnsTheLoadedNames() {
    doer.answer(progress("{\"stream\":\"Loaded image: a:1\\n\"}", "{\"stream\":\"Loaded image ID: " + ID + "\\n\"}"));
    assertEquals(List.of("a:1", ID), images.load(new ByteArrayInputStream(new byte[] {5})));
    Request r = doer.only();
    assertEquals("POST /v1.41/images/load", line(r));
    assertEquals("quiet=1", query(r));
    assertArrayEquals(new byte[] {5}, bytes(r));
  }

  @Test
  void saveStreamOfOneImageIsTheBodyAndClosingItClosesTheResponse() throws Exception {
    doer.answer(InMemoryResponse.builder(200).body(new byte[] {1, 2}, "application/x-tar").build());
    InputStream tar = images.saveStream("a:1");
    assertEquals("GET /v1.41/images/a:1/get", line(doer.only()));
    assertEquals(Duration.ZERO, doer.only().readTimeout());
    assertArrayEquals(new byte[] {1, 2}, tar.readAllBytes());
    assertFalse(doer.allClosed());
    tar.close();
  }

  @Test
  void buildFromATarSendsItsOptionsAndTheBytesAndReadsTheAuxId() throws Exception {
    doer.answer(progress("{\"stream\":\"Step 1/1 : FROM busybox\\n\"}", "{\"aux\":{\"ID\":\"" + ID + "\"}}"));
    String id = images.build(new ByteArrayInputStream(new byte[] {3, 1}), o -> o.tag("app:1", "app:latest")
        .dockerfile("build/Dockerfile").buildArg("V", "1.2").label("k", "v").noCache(true).networkMode("none")
        .registryAuth("reg:5000", RegistryAuth.basic("me", "pw", "reg:5000")));
    assertEquals(ID, id);
    Request r = doer.only();
    assertEquals("POST /v1.41/build", line(r));
    assertEquals("dockerfile=build/Dockerfile&t=app:1&t=app:latest&nocache=1&buildargs={\"V\":\"1.2\"}"
        + "&labels={\"k\":\"v\"}&networkmode=none", query(r));
    assertEquals("application/x-tar", r.body().contentType());
    assertArrayEquals(new byte[] {3, 1}, bytes(r));
    Map<String, Object> config = new ObjectMapper().readValue(
        Base64.getUrlDecoder().decode(r.headers().first("X-Registry-Config")), new TypeReference<Map<String, Object>>() { });
    assertEquals(Map.of("reg:5000", Map.of("username", "me", "password", "pw", "serveraddress", "reg:5000")), config);
  }

  @Test
  void buildFromADirectoryTarsTheContextAndQuietOutputNamesTheImage(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM busybox\n");
    Files.writeString(dir.resolve("a.txt"), "a");
    doer.answer(progress("{\"stream\":\"" + ID + "\\n\"}"));
    assertEquals(ID, images.build(dir, o -> o.quiet(true)));
    Request r = doer.only();
    assertEquals("POST /v1.41/build", line(r));
    assertEquals("q=1", query(r));
    Set<String> names = tarNames(bytes(r));
    assertTrue(names.containsAll(Set.of("Dockerfile", "a.txt")), names.toString());
  }

  @Test
  void buildStreamsCloseTheResponseWithTheStream(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM busybox\n");
    doer.answer(progress("{\"stream\":\"Successfully built 0123456789ab\\n\"}"));
    doer.answer(progress("{\"stream\":\"x\\n\"}"));
    JsonStream<ProgressMessage> fromDir = images.buildStream(dir, o -> o.target("t"));
    assertEquals("Successfully built 0123456789ab\n", fromDir.next().stream());
    assertFalse(doer.allClosed());
    fromDir.close();
    try (JsonStream<ProgressMessage> fromTar = images.buildStream(new ByteArrayInputStream(new byte[0]), o -> o.pull(true))) {
      assertEquals("x\n", fromTar.next().stream());
    }
    assertEquals("target=t", query(doer.requests.get(0)));
    assertEquals("pull=1", query(doer.requests.get(1)));
  }

  @Test
  void buildWithAShortIdOnlyReturnsIt() {
    doer.answer(progress("{\"stream\":\"Successfully built 0123456789ab\\n\"}"));
    assertEquals("0123456789ab", images.build(new ByteArrayInputStream(new byte[0]), ImageBuildOptions.builder().build()));
  }

  @Test
  void pullSendsRepositoryTagPlatformAndTheCredentials() throws Exception {
    doer.answer(progress("{\"status\":\"Pulling from a\"}", "{\"status\":\"Status: Downloaded\"}"));
    doer.answer(progress("{\"status\":\"ok\"}"));
    images.pull("reg:5000/a:1", o -> o.platform("linux/arm64").auth(RegistryAuth.basic("me", "pw", "reg:5000")));
    images.pull("busybox");
    Request r = doer.requests.get(0);
    assertEquals("POST /v1.41/images/create", line(r));
    assertEquals("fromImage=reg:5000/a&tag=1&platform=linux/arm64", query(r));
    assertEquals(Map.of("username", "me", "password", "pw", "serveraddress", "reg:5000"), auth(r));
    assertEquals(Duration.ZERO, r.readTimeout());
    assertEquals("fromImage=busybox&tag=latest", query(doer.requests.get(1)));
    assertEquals(Map.of(), auth(doer.requests.get(1)));
  }

  @Test
  void theServicesCredentialsAreLookedUpByRegistry() throws Exception {
    ImageService withCredentials = ImageService.create(EngineClient.builder(doer).apiVersion("1.41").build(),
        registry -> registry.equals("reg:5000") ? Optional.of(RegistryAuth.identityToken("me", "tok", "reg:5000"))
            : Optional.empty());
    doer.answer(progress("{\"status\":\"ok\"}"));
    doer.answer(progress("{\"status\":\"ok\"}"));
    withCredentials.pull("reg:5000/a:1");
    withCredentials.pull("busybox:1");
    assertEquals(Map.of("identitytoken", "tok", "serveraddress", "reg:5000"), auth(doer.requests.get(0)));
    assertEquals(Map.of(), auth(doer.requests.get(1)));
    assertFalse(withCredentials.toString().contains("tok"));
  }

  @Test
  void pullStreamIsHandedOutOpenAndAStreamErrorIsTyped() {
    doer.answer(progress("{\"status\":\"Pulling\"}", "{\"error\":\"denied\",\"errorDetail\":{\"message\":\"denied\"}}"));
    JsonStream<ProgressMessage> s = images.pullStream("a:1", o -> o.platform("linux/amd64"));
    assertEquals("Pulling", s.next().status());
    assertFalse(doer.allClosed());
    StreamErrorException e = assertThrows(StreamErrorException.class, s::next);
    assertEquals("denied", e.engineMessage());
    s.close();
    assertEquals("fromImage=a&tag=1&platform=linux/amd64", query(doer.only()));
  }

  @Test
  void pushSendsTheTagAndCredentialsAndReadsTheDigest() throws Exception {
    String digest = "sha256:" + "ef".repeat(32);
    doer.answer(progress("{\"status\":\"The push refers to repository [reg:5000/a]\"}",
        "{\"aux\":{\"Tag\":\"1\",\"Digest\":\"" + digest + "\",\"Size\":528}}"));
    doer.answer(progress("{\"status\":\"latest: digest: " + digest + " size: 9\"}"));
    PushResult pushed = images.push("reg:5000/a:1", o -> o.auth(RegistryAuth.basic("me", "pw", "reg:5000")));
    assertEquals(new PushResult("1", digest, 528L), pushed);
    assertEquals(new PushResult("latest", digest, 9L), images.push("reg:5000/a"));
    Request r = doer.requests.get(0);
    assertEquals("POST /v1.41/images/reg:5000/a/push", line(r));
    assertEquals("tag=1", query(r));
    assertEquals(Map.of("username", "me", "password", "pw", "serveraddress", "reg:5000"), auth(r));
    assertEquals("tag=latest", query(doer.requests.get(1)));
    assertEquals(Map.of(), auth(doer.requests.get(1)), "anonymous, but the header is there");
  }

  @Test
  void pushStreamIsHandedOutOpen() {
    doer.answer(progress("{\"status\":\"Preparing\"}"));
    try (JsonStream<ProgressMessage> s = images.pushStream("reg:5000/a", o -> o.allTags(true))) {
      assertEquals("Preparing", s.next().status());
      assertFalse(doer.allClosed());
    }
    assertEquals("POST /v1.41/images/reg:5000/a/push", line(doer.only()));
    assertEquals("", query(doer.only()), "all tags: no tag parameter");
  }

  @Test
  void distributionInspectWithoutOptionsSendsAnonymousAuthAndDecodes() throws Exception {
    doer.answer(200, "{\"Descriptor\":{\"digest\":\"sha256:0\",\"size\":3},\"Platforms\":[{\"os\":\"linux\"}]}");
    DistributionInspect d = images.distributionInspect("a:1");
    assertEquals(Map.of(), auth(doer.only()));
    assertEquals("sha256:0", d.descriptor().digest());
    assertEquals(1, d.platforms().size());
  }

  @Test
  void pruneBuildCacheWithoutOptionsSendsNothingAndDecodes() {
    doer.answer(200, "{\"CachesDeleted\":[\"x\"],\"SpaceReclaimed\":7}");
    BuildPruneResponse p = images.pruneBuildCache();
    assertEquals("", query(doer.only()));
    assertEquals(7L, p.spaceReclaimed());
  }

  @Test
  void pruneDecodesTheAnswer() {
    doer.answer(200, "{\"ImagesDeleted\":[{\"Deleted\":\"" + ID + "\"}],\"SpaceReclaimed\":9}");
    ImagePruneResponse p = images.prune(ImagePruneOptions.DEFAULT);
    assertEquals(ID, p.imagesDeleted().get(0).deleted());
    assertEquals(9L, p.spaceReclaimed());
  }

  @Test
  void listDecodesEveryItem() {
    doer.answer(200, "[{\"Id\":\"a\"},{\"Id\":\"b\"}]");
    assertEquals(List.of("a", "b"), images.list(ImageListOptions.DEFAULT).stream().map(ImageSummary::id).toList());
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of(404, NotFoundException.class, (Consumer<ImageService>) s -> s.inspect("a:1")),
        Arguments.of(409, ConflictException.class, (Consumer<ImageService>) s -> s.remove("a:1")),
        Arguments.of(404, NotFoundException.class, (Consumer<ImageService>) s -> s.pull("a:1")),
        Arguments.of(404, NotFoundException.class, (Consumer<ImageService>) s -> s.saveStream("a:1")),
        Arguments.of(500, InvalidRequestException.class, (Consumer<ImageService>) s -> s.tag("a:1", "B", "x")));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("errors")
  void errorStatusesAreTypedAndTheResponseIsClosed(int status, Class<? extends EngineException> type,
      Consumer<ImageService> call) {
    String message = status == 500 ? "invalid reference format: repository name must be lowercase" : "engine says no";
    doer.answer(status, "{\"message\":\"" + message + "\"}");
    EngineException e = assertThrows(type, () -> call.accept(images));
    assertEquals(message, e.engineMessage());
    assertTrue(doer.allClosed());
  }

  private static Set<String> tarNames(byte[] tar) {
    Set<String> names = new LinkedHashSet<>();
    for (int off = 0; off + 512 <= tar.length; ) {
      String name = new String(tar, off, 100, StandardCharsets.UTF_8).replace("\0", "");
      if (name.isEmpty()) {
        break;
      }
      String sizeField = new String(tar, off + 124, 12, StandardCharsets.UTF_8).replace("\0", "").trim();
      long size = sizeField.isEmpty() ? 0 : Long.parseLong(sizeField, 8);
      names.add(name);
      off += 512 + (int) ((size + 511) / 512 * 512);
    }
    return names;
  }
}
