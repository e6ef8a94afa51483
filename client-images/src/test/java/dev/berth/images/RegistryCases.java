package dev.berth.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.EngineClient;
import dev.berth.client.EngineException;
import dev.berth.client.JsonStream;
import dev.berth.client.NotFoundException;
import dev.berth.client.NotImplementedException;
import dev.berth.client.RegistryAuth;
import dev.berth.client.RegistryCredentials;
import dev.berth.client.ServerErrorException;
import dev.berth.client.StreamErrorException;
import dev.berth.client.UnauthorizedException;
import dev.berth.config.DockerCredentials;
import dev.berth.testkit.TestEngine;
import dev.berth.testkit.TestEngines;
import dev.berth.transport.Request;
import dev.berth.types.images.DistributionInspect;
import dev.berth.types.images.HistoryItem;
import dev.berth.types.images.ImageInspect;
import dev.berth.types.images.PushResult;
import dev.berth.types.progress.ProgressMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pull, push and distribution inspection against the two registries of scripts/registry-up: one
 * without authentication, one with htpasswd basic authentication. Runs against each real engine:
 * {@link RegistryTest} (Docker) and {@link PodmanRegistryTest} (Podman 4.3's Docker-compatible
 * API); where the engines differ, the test asks {@link #podman()} and asserts what that engine
 * does, with the difference named.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class RegistryCases {
  /** Whether the engine under test is Podman (its Docker-compatible API). */
  abstract boolean podman();

  /** Whether the engine under test is Podman 5 ({@link Podman5RegistryTest}). */
  boolean podman5() {
    return false;
  }

  private static final String WRONG_PASSWORD = "not-the-berth-password-6f1d";

  private static RegistryAuth auth() {
    return RegistryAuth.basic(TestEngines.authRegistryUser(), TestEngines.authRegistryPassword(), TestEngines.authRegistry());
  }

  private static RegistryAuth wrongAuth() {
    return RegistryAuth.basic(TestEngines.authRegistryUser(), WRONG_PASSWORD, TestEngines.authRegistry());
  }

  private static void assertNoSecret(String text) {
    assertFalse(text.contains(TestEngines.authRegistryPassword()), "password in: " + text);
    assertFalse(text.contains(WRONG_PASSWORD), "password in: " + text);
    assertFalse(text.contains(auth().headerValue()), "encoded credentials in: " + text);
  }

  /**
   * The registry's descriptor of {@code name}, or null on Podman, where the call is asserted to
   * fail: Podman 4.3's compatible API has no /distribution/{name}/json route (a plain-text 404).
   */
  private DistributionInspect distribution(ImageService images, String name, RegistryAuth auth) {
    if (podman()) {
      NotImplementedException missing = assertThrows(NotImplementedException.class,
          () -> images.distributionInspect(name, o -> o.auth(auth)));
      assertEquals(404, missing.status());
      assertNoSecret(missing.getMessage());
      return null;
    }
    return images.distributionInspect(name, o -> o.auth(auth));
  }

  /** {@link #distribution(ImageService, String, RegistryAuth)} with the service's own credentials. */
  private DistributionInspect distribution(ImageService images, String name) {
    if (podman()) {
      NotImplementedException missing = assertThrows(NotImplementedException.class,
          () -> images.distributionInspect(name));
      assertEquals(404, missing.status());
      return null;
    }
    return images.distributionInspect(name);
  }

  @Test
  void pushToTheAuthRegistryThenRemoveThenPullGivesTheSameImage(TestEngine engine) {
    ImageService images = ImageService.create(engine.client());
    String repository = engine.imageName(TestEngines.authRegistry(), "roundtrip");
    String id = Fixtures.tinyImage(images, engine, podman(), repository + ":1");

    PushResult pushed = images.push(repository + ":1", o -> o.auth(auth()));
    assertEquals("1", pushed.tag());
    assertTrue(pushed.digest().matches("sha256:[0-9a-f]{64}"), pushed.digest());
    assertTrue(pushed.size() > 0);

    images.remove(repository + ":1", o -> o.force(true));
    assertThrows(NotFoundException.class, () -> images.inspect(id));

    images.pull(repository + ":1", o -> o.auth(auth()));
    ImageInspect pulled = images.inspect(repository + ":1");
    assertEquals(id, pulled.id(), "the same image came back");
    assertEquals(List.of(repository + "@" + pushed.digest()), pulled.repoDigests());

    DistributionInspect remote = distribution(images, repository + ":1", auth()); // Podman: no /distribution route
    if (remote != null) {
      assertEquals(pushed.digest(), remote.descriptor().digest());
      assertEquals(pushed.size(), remote.descriptor().size());
      if (engine.containerdImageStore()) {
        // Docker 28.5's containerd store answers "Platforms": null for an imported image
        assertEquals(List.of(), remote.platforms());
      } else {
        assertEquals("amd64", remote.platforms().get(0).architecture());
      }
    }

    // by digest too
    images.remove(repository + ":1", o -> o.force(true));
    images.pull(repository + "@" + pushed.digest(), o -> o.auth(auth()));
    assertEquals(id, images.inspect(repository + "@" + pushed.digest()).id());
  }

  @Test
  void aWrongPasswordOnPushIsAStreamErrorWithTheEnginesMessageNeverSuccess(TestEngine engine) {
    ImageService images = ImageService.create(engine.client());
    String name = engine.imageName(TestEngines.authRegistry(), "refused") + ":1";
    Fixtures.tinyImage(images, engine, podman(), name);
    if (podman5()) {
      // Podman 5 refuses before any progress: HTTP 500 whose body is one progress message, its error
      // the blob check that failed ("trying to reuse blob ...: authentication required")
      for (Runnable push : List.<Runnable>of(() -> images.push(name, o -> o.auth(wrongAuth())), () -> images.push(name))) {
        ServerErrorException refused = assertThrows(ServerErrorException.class, push::run);
        assertEquals(500, refused.status());
        assertTrue(refused.engineMessage().startsWith("trying to reuse blob sha256:")
            && refused.engineMessage().endsWith(": authentication required"), refused.engineMessage());
        assertTrue(refused.getMessage().startsWith("ImagePush POST /images/{name}/push failed with HTTP 500: trying"),
            refused.getMessage());
        assertNoSecret(refused.getMessage());
      }
      return;
    }

    StreamErrorException e = assertThrows(StreamErrorException.class, () -> images.push(name, o -> o.auth(wrongAuth())));
    assertRefusedPush(engine, e.engineMessage());
    assertTrue(e.getMessage().startsWith("ImagePush POST /images/{name}/push: "), e.getMessage());
    assertNoSecret(e.getMessage());

    // the stream shows the progress the engine made before the registry refused
    List<String> statuses = new ArrayList<>();
    try (JsonStream<ProgressMessage> s = images.pushStream(name, ImagePushOptions.builder().auth(wrongAuth()).build())) {
      StreamErrorException again = assertThrows(StreamErrorException.class,
          () -> s.forEachRemaining(m -> statuses.add(m.status())));
      assertRefusedPush(engine, again.engineMessage());
    }
    if (podman()) {
      // Podman 4.3 streams no per-layer "Preparing" before the refusal, only its opening line (naming the tag too)
      assertEquals(List.of("The push refers to repository [" + name + "]"), statuses);
    } else if (engine.containerdImageStore()) {
      // Docker 28.5's containerd store reports "Waiting" per blob, no "Preparing"
      assertTrue(statuses.contains("Waiting"), statuses.toString());
    } else {
      assertTrue(statuses.contains("Preparing"), statuses.toString());
    }

    StreamErrorException anonymous = assertThrows(StreamErrorException.class, () -> images.push(name));
    if (podman()) {
      // Podman 4.3 words an anonymous refusal as the registry's own "unauthorized: authentication required"
      assertTrue(anonymous.engineMessage().endsWith("unauthorized: authentication required"), anonymous.engineMessage());
    } else if (engine.containerdImageStore()) {
      assertEquals("push access denied, repository does not exist or may require authorization: "
          + "authorization failed: no basic auth credentials", anonymous.engineMessage());
    } else {
      assertEquals("no basic auth credentials", anonymous.engineMessage());
    }
    assertNoSecret(anonymous.getMessage());
  }

  /** The engine's words for a push the registry refused. */
  private void assertRefusedPush(TestEngine engine, String message) {
    if (!podman() && engine.containerdImageStore()) {
      // Docker 28.5's containerd store words it as containerd's resolver does
      assertTrue(message.startsWith("unknown: unexpected status from HEAD request to http://")
          && message.endsWith(": 401 Unauthorized"), message);
    } else if (podman()) {
      // Podman 4.3 prefixes the registry's words with the blob check that failed ("trying to reuse blob ...: ")
      assertTrue(message.endsWith(": unauthorized: authentication required"), message);
    } else {
      assertEquals("unauthorized: authentication required", message);
    }
    assertNoSecret(message);
  }

  /**
   * A pull of a tag the registry has not got: Docker and Podman 5 answer HTTP 404; Podman 4.3
   * answers 200 and reports the registry's "manifest unknown" inside the progress stream.
   */
  private void assertMissingTagPull(Runnable pull) {
    if (podman() && !podman5()) {
      StreamErrorException e = assertThrows(StreamErrorException.class, pull::run); // Podman 4.3: in the stream, not 404
      assertTrue(e.engineMessage().contains("manifest unknown"), e.engineMessage());
    } else {
      NotFoundException e = assertThrows(NotFoundException.class, pull::run);
      if (podman5()) {
        assertEquals("manifest unknown: manifest unknown", e.engineMessage());
      }
    }
  }

  @Test
  void theRegistryAuthHeaderIsAlwaysSentAnonymousAsEmptyJson(TestEngine engine) {
    Fixtures.Recording recording = new Fixtures.Recording(engine);
    ImageService images = ImageService.create(EngineClient.builder(recording).build());
    String repository = engine.imageName(TestEngines.registry(), "anon");
    Fixtures.tinyImage(images, engine, podman(), repository + ":1");

    PushResult pushed = images.push(repository + ":1"); // the engine refuses a push without the header
    images.remove(repository + ":1", o -> o.force(true));
    assertMissingTagPull(() -> images.pull(repository)); // no tag: latest, which is not there
    images.pull(repository + ":1");
    DistributionInspect remote = distribution(images, repository + ":1"); // Podman: no /distribution route
    if (remote != null) {
      assertEquals(pushed.digest(), remote.descriptor().digest());
    }

    List<Request> sent = new ArrayList<>();
    sent.addAll(recording.of("ImagePush"));
    sent.addAll(recording.of("DistributionInspect"));
    for (Request r : recording.of("ImageCreate")) {
      if (r.queryParameter("fromImage") != null) {
        sent.add(r);
      }
    }
    assertEquals(4, sent.size(), sent.toString());
    for (Request r : sent) {
      assertEquals("e30=", r.headers().first("X-Registry-Auth"), r.toString());
      assertFalse(r.headers().toString().contains("e30="), "header values that carry credentials are redacted");
    }
    Request pull = recording.of("ImageCreate").stream().filter(r -> r.queryParameter("fromImage") != null).findFirst().orElseThrow();
    assertEquals(repository, pull.queryParameter("fromImage"));
    assertEquals("latest", pull.queryParameter("tag"));
  }

  @Test
  void credentialsTravelAsPaddedBase64UrlJson(TestEngine engine) {
    Fixtures.Recording recording = new Fixtures.Recording(engine);
    ImageService images = ImageService.create(EngineClient.builder(recording).build());
    String repository = engine.imageName(TestEngines.authRegistry(), "header");
    Fixtures.tinyImage(images, engine, podman(), repository + ":1");
    images.push(repository + ":1", o -> o.auth(auth()));

    String header = recording.of("ImagePush").get(0).headers().first("X-Registry-Auth");
    assertEquals(0, header.length() % 4, "padded");
    String json = new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8);
    assertTrue(json.contains("\"username\":\"" + TestEngines.authRegistryUser() + "\""), "decodes to the credentials");
    assertTrue(json.contains("\"serveraddress\":\"" + TestEngines.authRegistry() + "\""));
    assertNoSecret(recording.of("ImagePush").get(0).toString());
    assertNoSecret(recording.of("ImagePush").get(0).headers().toString());
    assertNoSecret(ImagePushOptions.builder().auth(auth()).build().toString());
    assertNoSecret(ImagePullOptions.builder().auth(auth()).build().toString());
    assertNoSecret(ImageBuildOptions.builder().registryAuth(auth()).build().toString());
  }

  @Test
  void credentialsComeFromTheDockerConfigFileWhenTheCallGivesNone(TestEngine engine, @TempDir Path dockerConfig)
      throws IOException {
    String basic = Base64.getEncoder().encodeToString((TestEngines.authRegistryUser() + ":"
        + TestEngines.authRegistryPassword()).getBytes(StandardCharsets.UTF_8));
    Files.writeString(dockerConfig.resolve("config.json"),
        "{\"auths\": {\"" + TestEngines.authRegistry() + "\": {\"auth\": \"" + basic + "\"}}}");
    DockerCredentials credentials = DockerCredentials.load(Map.of("DOCKER_CONFIG", dockerConfig.toString()), dockerConfig);
    ImageService images = ImageService.create(engine.client(), credentials);
    String repository = engine.imageName(TestEngines.authRegistry(), "config");
    String id = Fixtures.tinyImage(images, engine, podman(), repository + ":1");

    PushResult pushed = images.push(repository + ":1");
    images.remove(repository + ":1", o -> o.force(true));
    images.pull(repository + ":1");
    assertEquals(id, images.inspect(repository + ":1").id());
    DistributionInspect remote = distribution(images, repository + ":1"); // Podman: no /distribution route
    if (remote != null) {
      assertEquals(pushed.digest(), remote.descriptor().digest());
    }
    // a call's own credentials win over the file's (Podman 5 refuses with HTTP 500, not in the stream)
    Class<? extends RuntimeException> refusal = podman5() ? ServerErrorException.class : StreamErrorException.class;
    assertThrows(refusal, () -> images.push(repository + ":1", o -> o.auth(wrongAuth())));
    assertNoSecret(images.toString());
  }

  @Test
  void credentialsComeFromAnyRegistryCredentialsLookup(TestEngine engine) {
    List<String> asked = new ArrayList<>();
    RegistryCredentials lookup = registry -> {
      synchronized (asked) {
        asked.add(registry);
      }
      return registry.equals(TestEngines.authRegistry()) ? Optional.of(auth()) : Optional.empty();
    };
    ImageService images = ImageService.create(engine.client(), lookup);
    String repository = engine.imageName(TestEngines.authRegistry(), "lookup");
    String id = Fixtures.tinyImage(images, engine, podman(), repository + ":1");

    images.push(repository + ":1");
    images.remove(repository + ":1", o -> o.force(true));
    images.pull(repository + ":1");
    assertEquals(id, images.inspect(repository + ":1").id());
    assertEquals(List.of(TestEngines.authRegistry(), TestEngines.authRegistry()), asked);
  }

  @Test
  void pushingEveryTagOfARepository(TestEngine engine) {
    ImageService images = ImageService.create(engine.client());
    String repository = engine.imageName(TestEngines.registry(), "alltags");
    String first = Fixtures.tinyImage(images, engine, podman(), repository + ":a");
    Fixtures.tinyImage(images, engine, podman(), repository + ":b");
    if (podman()) {
      // Podman 4.3 ignores Docker's tagless push (every tag): it looks up the repository as repo:latest and answers 404
      NotFoundException latest = assertThrows(NotFoundException.class, () -> images.push(repository, o -> o.allTags(true)));
      assertEquals(404, latest.status());
      assertTrue(latest.engineMessage().contains("image not known"), latest.engineMessage());
      return;
    }
    PushResult last = images.push(repository, o -> o.allTags(true));
    assertTrue(List.of("a", "b").contains(last.tag()), last.toString());
    assertNotNull(images.distributionInspect(repository + ":a").descriptor().digest());
    assertNotNull(images.distributionInspect(repository + ":b").descriptor().digest());
    images.remove(repository + ":a", o -> o.force(true));
    images.pull(repository + ":a");
    assertEquals(first, images.inspect(repository + ":a").id());
  }

  @Test
  void registryRefusalsAndMissingImagesAreTyped(TestEngine engine) {
    ImageService images = ImageService.create(engine.client());
    String repository = engine.imageName(TestEngines.authRegistry(), "refusals");
    Fixtures.tinyImage(images, engine, podman(), repository + ":1");
    images.push(repository + ":1", o -> o.auth(auth()));

    assertMissingTagPull(() -> images.pull(repository + ":nope", o -> o.auth(auth())));
    if (podman()) {
      distribution(images, repository + ":nope", auth()); // Podman: no /distribution route
      distribution(images, repository + ":1", wrongAuth());
      // Podman 4.3 reports a pull the registry refuses inside the stream (HTTP 200), Podman 5 as HTTP
      // 401; both with the registry's words
      Runnable wrong = () -> images.pull(repository + ":1", o -> o.auth(wrongAuth()));
      Runnable none = () -> images.pull(repository + ":1");
      String pull = podman5() ? assertThrows(UnauthorizedException.class, wrong::run).engineMessage()
          : assertThrows(StreamErrorException.class, wrong::run).engineMessage();
      assertTrue(pull.endsWith("unauthorized: authentication required"), pull);
      assertNoSecret(pull);
      String anonymous = podman5() ? assertThrows(UnauthorizedException.class, none::run).engineMessage()
          : assertThrows(StreamErrorException.class, none::run).engineMessage();
      assertTrue(anonymous.endsWith("unauthorized: authentication required"), anonymous);
      // Podman 4.3 answers a push of a name without a local image with HTTP 404, not inside the stream
      NotFoundException missing = assertThrows(NotFoundException.class,
          () -> images.push(engine.imageName(TestEngines.registry(), "absent") + ":1"));
      assertTrue(missing.engineMessage().contains("image not known"), missing.engineMessage());
      return;
    }
    assertThrows(NotFoundException.class, () -> images.distributionInspect(repository + ":nope", o -> o.auth(auth())));
    UnauthorizedException refused = assertThrows(UnauthorizedException.class,
        () -> images.distributionInspect(repository + ":1", o -> o.auth(wrongAuth())));
    assertNoSecret(refused.getMessage());
    EngineException pull = assertThrows(EngineException.class,
        () -> images.pull(repository + ":1", o -> o.auth(wrongAuth())));
    EngineException anonymous = assertThrows(EngineException.class, () -> images.pull(repository + ":1"));
    if (engine.containerdImageStore()) {
      // Docker 28.5's containerd image store: HTTP 500 with containerd's words for the registry's 401
      assertInstanceOf(ServerErrorException.class, pull);
      assertTrue(pull.engineMessage().endsWith(": 401 Unauthorized"), pull.engineMessage());
      assertInstanceOf(ServerErrorException.class, anonymous);
      assertTrue(anonymous.engineMessage().startsWith("failed to resolve reference")
          && anonymous.engineMessage().endsWith("no basic auth credentials"), anonymous.engineMessage());
    } else if (engine.apiAtLeast(1, 42)) {
      // Docker 28.5 passes a wrong password on as HTTP 401, but no credentials at all as HTTP 500
      assertInstanceOf(UnauthorizedException.class, pull);
      assertTrue(pull.engineMessage().endsWith("unauthorized: authentication required"), pull.engineMessage());
      assertInstanceOf(ServerErrorException.class, anonymous);
      assertTrue(anonymous.engineMessage().endsWith("no basic auth credentials"), anonymous.engineMessage());
    } else {
      // Docker 20.10 reports a pull the registry refuses as HTTP 500 with the registry's words
      assertInstanceOf(ServerErrorException.class, pull);
      assertEquals("unauthorized: authentication required", pull.engineMessage());
      assertInstanceOf(ServerErrorException.class, anonymous);
      assertTrue(anonymous.engineMessage().endsWith("no basic auth credentials"), anonymous.engineMessage());
    }
    assertNoSecret(pull.getMessage());
    // pushing a name that has no local image fails inside the stream
    StreamErrorException missing = assertThrows(StreamErrorException.class,
        () -> images.push(engine.imageName(TestEngines.registry(), "absent") + ":1"));
    // (Docker 28.5's containerd store: "tag does not exist: <name>")
    assertTrue(missing.engineMessage().startsWith(
        engine.containerdImageStore() ? "tag does not exist: " : "An image does not exist locally"), missing.engineMessage());
  }

  @Test
  void aBuildPullsItsBaseImageFromTheAuthRegistryWithRegistryConfig(TestEngine engine) {
    ImageService images = ImageService.create(engine.client());
    String base = engine.imageName(TestEngines.authRegistry(), "base") + ":1";
    String baseId = Fixtures.tinyImage(images, engine, podman(), base);
    images.push(base, o -> o.auth(auth()));
    images.remove(base, o -> o.force(true));

    byte[] context = Fixtures.tar(Map.of("Dockerfile", "FROM " + base + "\nLABEL dev.berth.built=1\n"));
    ImageBuildOptions.Builder options = ImageBuildOptions.builder().networkMode("none").labels(engine.labels()).pull(true);
    StreamErrorException withoutAuth = assertThrows(StreamErrorException.class,
        () -> images.build(new ByteArrayInputStream(context), options.build()));
    // Podman 4.3 (Buildah) words the refusal as the registry's "unauthorized: authentication required",
    // Podman 5 as "reading manifest 1 in <repository>: authentication required"
    assertTrue(withoutAuth.engineMessage().contains(podman5() ? ": authentication required"
        : podman() ? "unauthorized: authentication required" : "no basic auth credentials"), withoutAuth.engineMessage());

    String built = images.build(new ByteArrayInputStream(context), options.registryAuth(auth()).build());
    assertEquals(baseId, images.inspect(base).id(), "the build pulled the base image");
    List<HistoryItem> history = images.history(built);
    if (podman5()) {
      // Podman 5's history names only the built image: every older entry is "sha256:<missing>" (the
      // prefix added even there), the base image's entry recognisable by its comment
      assertEquals("sha256:<missing>", history.get(history.size() - 1).id(), history.toString());
      assertEquals("berth test image", history.get(history.size() - 1).comment(), history.toString());
    } else {
      String baseLayer = podman() ? Fixtures.bare(baseId) : baseId; // Podman 4.3's history leaves off the sha256: prefix
      assertTrue(history.stream().anyMatch(h -> h.id().equals(baseLayer)), history.toString());
    }
    assertEquals("1", images.inspect(built).config().labels().get("dev.berth.built"));
  }
}
