package dev.berth.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.ApiVersion;
import dev.berth.client.EngineException;
import dev.berth.client.JsonStream;
import dev.berth.client.NotFoundException;
import dev.berth.client.ServerErrorException;
import dev.berth.client.StreamErrorException;
import dev.berth.client.UnsupportedApiVersionException;
import dev.berth.containers.ContainerService;
import dev.berth.containers.WaitCondition;
import dev.berth.testkit.TestEngine;
import dev.berth.types.containers.ContainerCreateRequest;
import dev.berth.types.images.DistributionInspect;
import dev.berth.types.images.ImageInspect;
import dev.berth.types.progress.ProgressMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Save, load, import and commit against the real engine. Runs against each real engine:
 * {@link ArchiveTest} (Docker) and {@link PodmanArchiveTest} (Podman 4.3's Docker-compatible API); where
 * the engines differ, the test asks {@link #podman()} and asserts what that engine does, with the
 * difference named.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
abstract class ArchiveCases {
  /** Whether the engine under test is Podman (its Docker-compatible API). */
  abstract boolean podman();

  /** Whether the engine under test is Podman 5 ({@link Podman5ArchiveTest}). */
  boolean podman5() {
    return false;
  }


  private static byte[] readAll(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }

  @Test
  void saveThenRemoveThenLoadRestoresTheImage(TestEngine engine) throws IOException {
    ImageService images = ImageService.create(engine.client());
    String name = engine.imageName("saved") + ":1";
    String id = Fixtures.tinyImage(images, engine, podman(), name);
    ImageInspect before = images.inspect(name);

    byte[] tar = readAll(images.saveStream(name));
    Map<String, byte[]> entries = Fixtures.readTar(new ByteArrayInputStream(tar));
    assertTrue(entries.containsKey("manifest.json"), entries.keySet().toString());
    assertTrue(new String(entries.get("manifest.json"), StandardCharsets.UTF_8).contains(name));

    images.remove(name, o -> o.force(true));
    assertThrows(NotFoundException.class, () -> images.inspect(id));

    // Podman 4.3 names a name without a registry fully qualified (docker.io/library/...)
    assertEquals(List.of(Fixtures.listed(podman(), name)), images.load(new ByteArrayInputStream(tar)));
    ImageInspect after = images.inspect(name);
    assertEquals(id, after.id());
    assertEquals(before.config().labels(), after.config().labels());
    assertEquals(before.rootFs().layers(), after.rootFs().layers());
  }

  @Test
  void oneImageIsSavedAsOnePlatformVariantFromApi148(TestEngine engine) throws IOException {
    ImageService images = ImageService.create(engine.client());
    String name = engine.imageName("saved-platform") + ":1";
    Fixtures.tinyImage(images, engine, podman(), name);
    DistributionInspect.Platform amd64 = new DistributionInspect.Platform("amd64", "linux", null, null, null);
    if (!engine.apiAtLeast(1, 48)) {
      // Docker 20.10 and Podman 4.3 (API 1.41), Podman 5 (1.44): refused before anything is sent
      UnsupportedApiVersionException e = assertThrows(UnsupportedApiVersionException.class,
          () -> images.saveStream(name, amd64));
      assertEquals(ApiVersion.of(1, 48), e.required());
      return;
    }
    Map<String, byte[]> entries = Fixtures.readTar(new ByteArrayInputStream(readAll(images.saveStream(name, amd64))));
    assertTrue(entries.containsKey("manifest.json"), entries.keySet().toString());
    assertTrue(new String(entries.get("manifest.json"), StandardCharsets.UTF_8).contains(name));

    // a variant the image lacks: the graph-driver store answers 500, the containerd store 404
    DistributionInspect.Platform arm64 = new DistributionInspect.Platform("arm64", "linux", null, null, null);
    Class<? extends EngineException> expected = engine.containerdImageStore() ? NotFoundException.class
        : ServerErrorException.class;
    EngineException missing = assertThrows(expected, () -> images.saveStream(name, arm64).close());
    assertTrue(missing.engineMessage().contains("linux/arm64"), missing.engineMessage());
  }

  @Test
  void severalImagesTravelInOneArchive(TestEngine engine) throws IOException {
    ImageService images = ImageService.create(engine.client());
    String a = engine.imageName("many-a") + ":1";
    String b = engine.imageName("many-b") + ":2";
    String idA = Fixtures.tinyImage(images, engine, podman(), a);
    String idB = Fixtures.tinyImage(images, engine, podman(), b);
    byte[] tar = readAll(images.saveStream(List.of(a, b)));
    images.remove(a, o -> o.force(true));
    images.remove(b, o -> o.force(true));

    List<String> progress = new ArrayList<>();
    try (JsonStream<ProgressMessage> s = images.loadStream(new ByteArrayInputStream(tar), o -> o.quiet(false))) {
      s.forEachRemaining(m -> progress.add(m.stream() != null ? m.stream() : String.valueOf(m.status())));
    }
    if (podman()) {
      // Podman 4.3 reports one line naming all the images, comma-separated
      assertTrue(progress.contains("Loaded image: " + Fixtures.listed(true, a) + "," + Fixtures.listed(true, b))
          || progress.contains("Loaded image: " + Fixtures.listed(true, b) + "," + Fixtures.listed(true, a)), progress.toString());
    } else {
      assertTrue(progress.contains("Loaded image: " + a + "\n"), progress.toString());
      assertTrue(progress.contains("Loaded image: " + b + "\n"), progress.toString());
    }
    assertEquals(idA, images.inspect(a).id());
    assertEquals(idB, images.inspect(b).id());

    // load() gives each name on either engine's report
    images.remove(a, o -> o.force(true));
    images.remove(b, o -> o.force(true));
    List<String> loaded = images.load(new ByteArrayInputStream(tar));
    assertEquals(2, loaded.size(), loaded.toString());
    assertEquals(java.util.Set.of(Fixtures.listed(podman(), a), Fixtures.listed(podman(), b)), java.util.Set.copyOf(loaded));
    assertEquals(idA, images.inspect(a).id());
  }

  @Test
  void loadingSomethingThatIsNotAnImageArchiveIsAStreamError(TestEngine engine) {
    ImageService images = ImageService.create(engine.client());
    byte[] garbage = "this is not a tar archive".getBytes(StandardCharsets.UTF_8);
    if (podman()) {
      // Podman 4.3 reads the whole archive before answering, and refuses it with HTTP 500
      for (byte[] notAnImage : List.of(garbage, Fixtures.tar(Map.of("hello.txt", "hi")))) {
        ServerErrorException refused = assertThrows(ServerErrorException.class,
            () -> images.load(new ByteArrayInputStream(notAnImage)));
        assertTrue(refused.engineMessage().contains("payload does not match any of the supported image formats"),
            refused.engineMessage());
      }
      return;
    }
    StreamErrorException e = assertThrows(StreamErrorException.class, () -> images.load(new ByteArrayInputStream(garbage)));
    assertTrue(e.engineMessage().contains("unexpected EOF"), e.engineMessage());
    byte[] tarWithoutManifest = Fixtures.tar(Map.of("hello.txt", "hi"));
    StreamErrorException noManifest = assertThrows(StreamErrorException.class,
        () -> images.load(new ByteArrayInputStream(tarWithoutManifest)));
    // without manifest.json the graph-driver store falls back to the legacy format and misses its
    // index file; the containerd image store (Docker 28.5) finds neither an OCI layout nor a manifest
    String expected = engine.containerdImageStore() ? "unrecognized image format" : "repositories: no such file";
    assertTrue(noManifest.engineMessage().contains(expected), noManifest.engineMessage());
  }

  @Test
  void importMakesAnImageFromATarTheTestMade(TestEngine engine) throws IOException {
    ImageService images = ImageService.create(engine.client());
    String name = engine.imageName("imported");
    byte[] rootFs = Fixtures.tar(Map.of("hello.txt", "hello from an import\n", "etc/app.conf", "x=1\n"));
    List<ProgressMessage> progress = new ArrayList<>();
    ImageImportOptions options = ImageImportOptions.builder().repository(name).tag("v1").message("made by the test")
        .change("CMD [\"cat\", \"/hello.txt\"]").change("WORKDIR /etc").change("LABEL " + TestEngine.LABEL + "="
            + engine.labels().get(TestEngine.LABEL)).platform("linux/amd64").build();
    try (JsonStream<ProgressMessage> s = images.importStream(new ByteArrayInputStream(rootFs), options)) {
      s.forEachRemaining(progress::add);
    }
    String id = progress.get(progress.size() - 1).status();
    assertTrue(id.matches("sha256:[0-9a-f]{64}"), progress.toString());

    // Podman 4.3's compatible import ignores the tag parameter and tags :latest; Podman 5 takes it
    String tagged = name + (podman() && !podman5() ? ":latest" : ":v1");
    if (podman()) {
      assertThrows(NotFoundException.class, () -> images.inspect(name + (podman5() ? ":latest" : ":v1")));
    }
    ImageInspect image = images.inspect(tagged);
    assertEquals(id, image.id());
    assertEquals("made by the test", image.comment());
    assertEquals(List.of("cat", "/hello.txt"), image.config().cmd());
    assertEquals("/etc", image.config().workingDir());
    Map<String, String> files = Fixtures.imageFiles(engine, tagged);
    assertEquals(Map.of("hello.txt", "hello from an import\n", "etc/app.conf", "x=1\n"), files);

    ServerErrorException garbage = assertThrows(ServerErrorException.class,
        () -> images.importImage(new ByteArrayInputStream(new byte[] {1, 2, 3}), ImageImportOptions.DEFAULT));
    assertTrue(garbage.engineMessage().contains("unexpected EOF"), garbage.engineMessage());
  }

  @Test
  void importFromUrlHasTheEngineDownloadTheTar(TestEngine engine) throws Exception {
    // a web server on loopback for the engine to download from (dockerd runs in the host's
    // network namespace); one request, answered with the tar
    byte[] rootFs = Fixtures.tar(Map.of("served.txt", "served over loopback\n"));
    AtomicInteger hits = new AtomicInteger();
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread serving = new Thread(() -> {
        try (Socket s = server.accept()) {
          InputStream in = s.getInputStream();
          String head = "";
          while (!head.endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
              return;
            }
            head += (char) c;
          }
          if (head.startsWith("GET /rootfs.tar ")) {
            hits.incrementAndGet();
          }
          OutputStream out = s.getOutputStream();
          out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/x-tar\r\nContent-Length: " + rootFs.length
              + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
          out.write(rootFs);
          out.flush();
        } catch (IOException e) {
          // the test's assertions tell
        }
      }, "loopback-web-server");
      serving.setDaemon(true);
      serving.start();

      ImageService images = ImageService.create(engine.client());
      String repository = engine.imageName("from-url");
      String url = "http://127.0.0.1:" + server.getLocalPort() + "/rootfs.tar";
      if (!engine.sharesLoopback()) {
        // an engine in its own network namespace (Docker 28.5 here) has its own 127.0.0.1: it
        // really tries the download, and its refusal must come back as a typed error naming the URL
        ServerErrorException refused = assertThrows(ServerErrorException.class, () -> images.importFromUrl(url,
            ImageImportOptions.builder().repository(repository).tag("1").build()));
        assertTrue(refused.engineMessage().contains(url) && refused.engineMessage().contains("connection refused"),
            refused.engineMessage());
        assertEquals(0, hits.get());
        return;
      }
      String id = images.importFromUrl(url, ImageImportOptions.builder().repository(repository).tag("1")
          .change("LABEL " + TestEngine.LABEL + "=" + engine.labels().get(TestEngine.LABEL)).build());
      serving.join(5000);
      assertEquals(1, hits.get());
      // Podman 4.3's compatible import ignores the tag parameter and tags :latest
      String tagged = repository + (podman() ? ":latest" : ":1");
      assertEquals(id, images.inspect(tagged).id());
      assertEquals(Map.of("served.txt", "served over loopback\n"), Fixtures.imageFiles(engine, tagged));
    }
  }

  @Test
  void commitKeepsTheFilesAndAppliesChangesAndConfig(TestEngine engine) throws IOException {
    ContainerService containers = ContainerService.create(engine.client());
    String container = containers.create(ContainerCreateRequest.builder().image(engine.image())
        .cmd("sh", "-c", "echo made > /made").labels(engine.labels()).hostConfig(h -> h.networkMode("none")).build()).id();
    containers.start(container);
    assertEquals(0L, containers.wait(container, WaitCondition.NOT_RUNNING).statusCode());

    ImageService images = ImageService.create(engine.client());
    String name = engine.imageName("commit");
    String id = images.commit(container, o -> o.repository(name).tag("1").comment("committed by berth")
        .author("berth <berth@example.invalid>").change("CMD [\"cat\", \"/made\"]").change("ENV FOO=bar")
        .config(c -> c.env("X=1").labels(engine.labels()).label("dev.berth.commit", "yes")));
    ImageInspect image = images.inspect(name + ":1");
    // Podman 4.3's commit answers the ID without the "sha256:" prefix
    assertEquals(podman() ? Fixtures.bare(image.id()) : image.id(), id);
    assertEquals("committed by berth", image.comment());
    assertEquals("berth <berth@example.invalid>", image.author());
    assertEquals(List.of("cat", "/made"), image.config().cmd());
    if (podman() && !podman5()) {
      // Podman 4.3's commit ignores the posted container config (its Env, its Labels); changes apply; 5 takes it
      assertTrue(image.config().env().contains("FOO=bar") && !image.config().env().contains("X=1"),
          image.config().env().toString());
      assertEquals(null, image.config().labels() == null ? null : image.config().labels().get("dev.berth.commit"));
    } else {
      assertTrue(image.config().env().containsAll(List.of("X=1", "FOO=bar")), image.config().env().toString());
      assertEquals("yes", image.config().labels().get("dev.berth.commit"));
    }
    // Podman 4.3 reports Parent without the "sha256:" prefix
    String parent = images.inspect(engine.image()).id();
    assertEquals(podman() ? Fixtures.bare(parent) : parent, image.parent());
    // Podman 4.3 leaves the committed image's Container empty; Docker answers it up to API 1.44
    // (ImageInspect.Container is gone from 1.45 on)
    if (podman()) {
      // Podman 5 leaves it out altogether
      assertEquals(podman5() ? null : "", image.container());
    } else {
      assertEquals(engine.apiAtLeast(1, 45) ? null : container, image.container());
    }
    assertEquals("made\n", Fixtures.filesIn(engine, name + ":1", "/").get("made"));

    // a running container, not paused, committed without a name
    String running = engine.createContainer("sleep", "60");
    engine.start(running);
    String untagged = images.commit(running, o -> o.pause(false).changes(List.of("LABEL dev.berth.running=1")));
    assertEquals(List.of(), images.inspect(untagged).repoTags());
    assertEquals("1", images.inspect(untagged).config().labels().get("dev.berth.running"));
    containers.kill(running);
  }
}
