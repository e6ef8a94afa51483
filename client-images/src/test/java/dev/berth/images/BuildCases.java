package dev.berth.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.EngineClient;
import dev.berth.client.InvalidRequestException;
import dev.berth.client.JsonStream;
import dev.berth.client.NotImplementedException;
import dev.berth.client.UnsupportedApiVersionException;
import dev.berth.client.StreamErrorException;
import dev.berth.testkit.TestEngine;
import dev.berth.transport.Request;
import dev.berth.types.images.BuildPruneResponse;
import dev.berth.types.images.ImageInspect;
import dev.berth.types.progress.ProgressMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds from directories and tar streams against the real engine (network mode none). Runs against each real engine:
 * {@link BuildTest} (Docker) and {@link PodmanBuildTest} (Podman 4.3's Docker-compatible API); where
 * the engines differ, the test asks {@link #podman()} and asserts what that engine does, with the
 * difference named.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class BuildCases {
  /** Whether the engine under test is Podman (its Docker-compatible API). */
  abstract boolean podman();

  /** Whether the engine under test is Podman 5 ({@link Podman5BuildTest}). */
  boolean podman5() {
    return false;
  }

  @TempDir
  Path dir;

  private void write(String rel, String content) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
  }

  /**
   * Adds the extra host berth-host:127.0.0.9 on Docker; not on Podman 4.3, which refuses Docker's
   * form of it (see optionsReachTheBuildAndTheImage).
   */
  private ImageBuildOptions.Builder extraHost(ImageBuildOptions.Builder b) {
    return podman() ? b : b.extraHost("berth-host:127.0.0.9");
  }

  private static ImageBuildOptions.Builder base(TestEngine engine) {
    return ImageBuildOptions.builder().networkMode("none").labels(engine.labels()).forceRemove(true);
  }

  @Test
  void directoryBuildSendsExactlyWhatDockerignoreKeepsAsAContainerShows(TestEngine engine) throws IOException {
    write("Dockerfile", "FROM " + engine.image() + "\nCOPY . /ctx/\n");
    write(".dockerignore", String.join("\n",
        "# build outputs and secrets stay home",
        "*.log",
        "!keep.log",
        "secrets/",
        "docs",
        "!docs/README.md",
        "**/*.tmp",
        "/build",
        "Dockerfile", // still sent (the engine needs it), then dropped from the context by the engine
        ""));
    write("app.txt", "the app\n");
    write("a.log", "noise");
    write("keep.log", "kept");
    write("secrets/key.pem", "secret");
    write("docs/README.md", "readme");
    write("docs/internal.md", "internal");
    write("src/main.c", "int main;");
    write("src/x.tmp", "");
    write("src/deep/y.tmp", "");
    write("src/deep/z.c", "z");
    write("build/out.o", "o");
    write("sub/build/kept.o", "anchored at the root: this one stays");

    Fixtures.Recording recording = new Fixtures.Recording(engine);
    ImageService images = ImageService.create(EngineClient.builder(recording).build());
    String name = engine.imageName("ignore") + ":1";
    String id = images.build(dir, base(engine).tag(name).build());
    assertEquals(id, images.inspect(name).id());

    Map<String, String> files = Fixtures.filesIn(engine, name, "/ctx");
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put(".dockerignore", Files.readString(dir.resolve(".dockerignore")));
    expected.put("app.txt", "the app\n");
    expected.put("docs/README.md", "readme");
    expected.put("keep.log", "kept");
    expected.put("src/deep/z.c", "z");
    expected.put("src/main.c", "int main;");
    expected.put("sub/build/kept.o", "anchored at the root: this one stays");
    assertEquals(expected, files);

    Request build = recording.of("ImageBuild").get(0);
    assertEquals("application/x-tar", build.body().contentType(), "set by berth, not by the caller");
    assertEquals(-1, build.body().contentLength(), "streamed (chunked) as it is tarred");
    assertNull(build.headers().first("Content-Type"));
    assertEquals("none", build.queryParameter("networkmode"));
    assertNull(build.headers().first("X-Registry-Config"), "no credentials given");
  }

  @Test
  void optionsReachTheBuildAndTheImage(TestEngine engine) throws IOException {
    write("docker/Dockerfile.multi", String.join("\n",
        "FROM " + engine.image() + " AS base",
        "ARG GREETING=unset",
        "RUN echo \"$GREETING\" > /greeting && cat /etc/hosts > /hosts",
        "FROM base AS final",
        "RUN echo final > /final",
        ""));
    ImageService images = ImageService.create(engine.client());
    String name = engine.imageName("opts");
    ImageBuildOptions.Builder builder = base(engine).dockerfile("docker/Dockerfile.multi").tag(name + ":base", name + ":also")
        .target("base").buildArg("GREETING", "hello from berth").label("dev.berth.extra", "x")
        .platform("linux/amd64").noCache(true);
    if (podman()) {
      // Podman 4.3 reads extrahosts as a JSON array, not as Docker's plain value: HTTP 400
      InvalidRequestException hosts = assertThrows(InvalidRequestException.class,
          () -> images.build(dir, base(engine).dockerfile("docker/Dockerfile.multi").extraHost("berth-host:127.0.0.9").build()));
      assertEquals(400, hosts.status());
    } else {
      builder.extraHost("berth-host:127.0.0.9");
    }
    ImageBuildOptions options = builder.build();
    String baseId = images.build(dir, options);
    ImageInspect image = images.inspect(name + ":base");
    assertEquals(baseId, image.id());
    assertTrue(image.repoTags().containsAll(List.of(Fixtures.listed(podman(), name + ":base"),
        Fixtures.listed(podman(), name + ":also"))), image.repoTags().toString());
    assertEquals("x", image.config().labels().get("dev.berth.extra"));
    assertEquals("amd64", image.architecture());
    Map<String, String> root = Fixtures.filesIn(engine, name + ":base", "/");
    assertEquals("hello from berth\n", root.get("greeting"));
    if (!podman()) {
      assertTrue(root.get("hosts").contains("127.0.0.9\tberth-host"), root.get("hosts"));
    }
    assertFalse(root.containsKey("final"), "target stops at the base stage");

    String finalId = images.build(dir, extraHost(base(engine).dockerfile("docker/Dockerfile.multi").tag(name + ":final")
        .buildArg("GREETING", "hello from berth")).build());
    assertEquals("final\n", Fixtures.filesIn(engine, finalId, "/").get("final"));

    // cache: the same build again reuses every step unless noCache
    List<String> cached = new ArrayList<>();
    try (JsonStream<ProgressMessage> s = images.buildStream(dir, extraHost(base(engine).dockerfile("docker/Dockerfile.multi")
        .buildArg("GREETING", "hello from berth")).build())) {
      s.forEachRemaining(m -> cached.add(String.valueOf(m.stream())));
    }
    // Podman 4.3 words it "--> Using cache <id>"
    assertTrue(podman() ? cached.stream().anyMatch(l -> l.startsWith("--> Using cache "))
        : cached.contains(" ---> Using cache\n"), cached.toString());
  }

  @Test
  void tarStreamBuildReportsTypedProgressWithTheImageIdInAux(TestEngine engine) {
    byte[] context = Fixtures.tar(Map.of(
        "build.Dockerfile", "FROM " + engine.image() + "\nCOPY hello.txt /\nCMD [\"cat\", \"/hello.txt\"]\n",
        "hello.txt", "hello\n"));
    ImageService images = ImageService.create(engine.client());
    List<ProgressMessage> messages = new ArrayList<>();
    try (JsonStream<ProgressMessage> s = images.buildStream(new ByteArrayInputStream(context),
        base(engine).dockerfile("build.Dockerfile").build())) {
      s.forEachRemaining(messages::add);
    }
    // Podman 4.3 writes "STEP 1/4: ..."
    assertTrue(messages.get(0).stream().startsWith(podman() ? "STEP 1/" : "Step 1/"), messages.get(0).toString());
    String aux = messages.stream().filter(m -> m.aux().containsKey("ID")).map(m -> (String) m.aux().get("ID"))
        .findFirst().orElseThrow();
    assertTrue(aux.matches("sha256:[0-9a-f]{64}"), aux);
    assertEquals(List.of("cat", "/hello.txt"), images.inspect(aux).config().cmd());
    assertEquals("hello\n", messages.isEmpty() ? null : filesOf(engine, aux).get("hello.txt"));

    String quiet = images.build(new ByteArrayInputStream(context), base(engine).dockerfile("build.Dockerfile").quiet(true).build());
    assertEquals(aux, quiet, "quiet output names the same (cached) image");
  }

  private static Map<String, String> filesOf(TestEngine engine, String image) {
    try {
      return Fixtures.filesIn(engine, image, "/");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aFailingStepIsAStreamErrorWithTheEnginesMessage(TestEngine engine) throws IOException {
    write("Dockerfile", "FROM " + engine.image() + "\nRUN echo about to fail && exit 3\n");
    ImageService images = ImageService.create(engine.client());
    StreamErrorException e = assertThrows(StreamErrorException.class, () -> images.build(dir, base(engine).build()));
    if (podman()) {
      // Podman 4.3 words it differently and sends no error code
      assertEquals("building at STEP \"RUN echo about to fail && exit 3\": while running runtime: exit status 3\n",
          e.engineMessage());
    } else {
      assertEquals("The command '/bin/sh -c echo about to fail && exit 3' returned a non-zero code: 3", e.engineMessage());
      assertEquals(3, e.code());
    }
    assertTrue(e.getMessage().startsWith("ImageBuild POST /build: "), e.getMessage());

    // the progress stream delivers the output before the error ends it
    List<String> seen = new ArrayList<>();
    try (JsonStream<ProgressMessage> s = images.buildStream(dir, base(engine).build())) {
      assertThrows(StreamErrorException.class, () -> s.forEachRemaining(m -> seen.add(String.valueOf(m.stream()))));
    }
    assertTrue(seen.contains("about to fail\n"), seen.toString());
  }

  @Test
  void aDockerfileSyntaxErrorIsAnInvalidRequest(TestEngine engine) throws IOException {
    write("Dockerfile", "FROM " + engine.image() + "\nBOGUS instruction\n");
    ImageService images = ImageService.create(engine.client());
    if (podman()) {
      // Podman 4.3 starts the stream before it parses the Dockerfile: the error ends the stream
      StreamErrorException e = assertThrows(StreamErrorException.class, () -> images.build(dir, base(engine).build()));
      assertTrue(e.engineMessage().contains("BOGUS"), e.engineMessage());
      return;
    }
    InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> images.build(dir, base(engine).build()));
    assertTrue(e.engineMessage().contains("unknown instruction: BOGUS"), e.engineMessage());
  }

  @Test
  void buildCachePruneAnswersTyped(TestEngine engine) {
    // the classic builder of Docker 20.10 keeps no BuildKit cache records: an id filter that
    // matches nothing keeps this from touching anything another build on this engine owns
    ImageService images = ImageService.create(engine.client());
    if (podman()) {
      // Podman 4.3's compatible API has no /build/prune route (a plain-text 404)
      NotImplementedException missing = assertThrows(NotImplementedException.class, () -> images.pruneBuildCache(
          BuildCachePruneOptions.builder().keepStorage(0).filter("id", "berth-no-such-record").build()));
      assertEquals(404, missing.status());
      return;
    }
    BuildPruneResponse pruned = images.pruneBuildCache(BuildCachePruneOptions.builder().keepStorage(0)
        .filter("id", "berth-no-such-record").build());
    assertEquals(List.of(), pruned.cachesDeleted());
    assertEquals(0L, pruned.spaceReclaimed());
    // keep-storage's successors (API 1.48+): Docker 28.5 takes them; 20.10 never sees them
    BuildCachePruneOptions limits = BuildCachePruneOptions.builder().keepStorage(0).maxUsedSpace(1L << 40)
        .minFreeSpace(1).filter("id", "berth-no-such-record").build();
    if (engine.apiAtLeast(1, 48)) {
      assertEquals(List.of(), images.pruneBuildCache(limits).cachesDeleted());
    } else {
      assertThrows(UnsupportedApiVersionException.class, () -> images.pruneBuildCache(limits));
    }
  }
}
