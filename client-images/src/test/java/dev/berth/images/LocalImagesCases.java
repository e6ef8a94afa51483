package dev.berth.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.ConflictException;
import dev.berth.client.EngineClient;
import dev.berth.client.EngineException;
import dev.berth.client.InvalidRequestException;
import dev.berth.client.NotFoundException;
import dev.berth.client.ServerErrorException;
import dev.berth.client.UnsupportedApiVersionException;
import dev.berth.containers.ContainerService;
import dev.berth.testkit.TestEngine;
import dev.berth.testkit.TestEngines;
import dev.berth.types.containers.ContainerCreateRequest;
import dev.berth.types.images.DistributionInspect;
import dev.berth.types.images.HistoryItem;
import dev.berth.types.images.ImageDeleteResponseItem;
import dev.berth.types.images.ImageInspect;
import dev.berth.types.images.ImageManifestSummary;
import dev.berth.types.images.ImagePruneResponse;
import dev.berth.types.images.ImageSummary;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * List, inspect, history, tag, remove, prune, search and the errors, against the real engine. Runs against each real engine:
 * {@link LocalImagesTest} (Docker) and {@link PodmanLocalImagesTest} (Podman 4.3's Docker-compatible API); where
 * the engines differ, the test asks {@link #podman()} and asserts what that engine does, with the
 * difference named.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
abstract class LocalImagesCases {
  /** Whether the engine under test is Podman (its Docker-compatible API). */
  abstract boolean podman();

  /** Whether the engine under test is Podman 5 ({@link Podman5LocalImagesTest}). */
  boolean podman5() {
    return false;
  }

  /** An image ID as a removal reports it deleted: Podman 4.3 leaves off the "sha256:" prefix. */
  String deletedId(String id) {
    return podman() ? Fixtures.bare(id) : id;
  }


  private static Set<String> ids(List<ImageSummary> images) {
    return images.stream().map(ImageSummary::id).collect(Collectors.toSet());
  }

  private static String label(TestEngine engine) {
    return TestEngine.LABEL + "=" + engine.labels().get(TestEngine.LABEL);
  }

  @Test
  void listFiltersByLabelReferenceAndDangling(TestEngine engine) {
    ImageService images = ImageService.create(engine.client());
    String nameA = engine.imageName("list-a");
    String a = Fixtures.tinyImage(images, engine, podman(), nameA + ":1");
    String b = Fixtures.tinyImage(images, engine, podman(), engine.imageName("list-b") + ":1");
    String untagged = Fixtures.tinyImage(images, engine, podman(), null);

    assertEquals(Set.of(a, b, untagged), ids(images.list(o -> o.label(label(engine)))));
    assertEquals(Set.of(a), ids(images.list(o -> o.reference(nameA + ":*"))));
    assertEquals(Set.of(untagged), ids(images.list(o -> o.label(label(engine)).dangling(true))));
    assertEquals(Set.of(a, b), ids(images.list(o -> o.label(label(engine)).dangling(false))));
    if (podman()) {
      // Podman 4.3 answers a list with digests=true with HTTP 200 and an empty body
      assertEquals(List.of(), images.list(o -> o.all(true).digests(true).reference(nameA + ":1")));
    }
    ImageSummary listed = images.list(o -> o.all(true).digests(!podman()).reference(nameA + ":1")).get(0);
    // Podman 4.3 lists a name without a registry fully qualified (docker.io/library/...)
    assertEquals(List.of(Fixtures.listed(podman(), nameA + ":1")), listed.repoTags());
    assertEquals(label(engine).split("=")[1], listed.labels().get(TestEngine.LABEL));
    assertTrue(images.list(ImageListOptions.DEFAULT).stream().anyMatch(i -> i.repoTags().contains(engine.image())));
  }

  @Test
  void inspectAndHistoryDescribeAnImportedImage(TestEngine engine) {
    ImageService images = ImageService.create(engine.client());
    String name = engine.imageName("inspect");
    String id = images.importImage(new ByteArrayInputStream(Fixtures.tar(Map.of("hello.txt", "hi\n"))),
        o -> o.repository(name).tag("v1").message("imported by berth").change("CMD [\"cat\", \"/hello.txt\"]")
            .change("ENV GREETING=hello").change("LABEL " + label(engine)));
    assertTrue(id.startsWith("sha256:"), id);
    // Podman 4.3's compatible import ignores the tag parameter and tags :latest; Podman 5 takes it
    String tagged = name + (podman() && !podman5() ? ":latest" : ":v1");
    if (podman()) {
      assertThrows(NotFoundException.class, () -> images.inspect(name + (podman5() ? ":latest" : ":v1")));
    }

    ImageInspect image = images.inspect(tagged);
    assertEquals(id, image.id());
    assertEquals(List.of(Fixtures.listed(podman(), tagged)), image.repoTags());
    assertEquals("imported by berth", image.comment());
    assertEquals(List.of("cat", "/hello.txt"), image.config().cmd());
    assertEquals(List.of("GREETING=hello"), image.config().env());
    assertEquals("linux", image.os());
    assertEquals(1, image.rootFs().layers().size());
    assertEquals(image.id(), images.inspect(id.substring(7, 19)).id(), "an ID prefix names it too");

    List<HistoryItem> history = images.history(tagged);
    assertEquals(1, history.size());
    assertEquals(podman5() ? id : deletedId(id), history.get(0).id(), "Podman 4.3's history leaves off the sha256: prefix, 5 keeps it");
    assertEquals("imported by berth", history.get(0).comment());
    // Podman 4.3's history lists no tags; Podman 5 lists the tag as a Docker Hub name, though the
    // image itself is listed under localhost/
    assertEquals(podman5() ? List.of("docker.io/library/" + tagged) : podman() ? List.of() : List.of(tagged),
        history.get(0).tags());
  }

  @Test
  void tagAddsNamesAndRemoveUntagsUntilTheLastNameDeletes(TestEngine engine) {
    ImageService images = ImageService.create(engine.client());
    String name = engine.imageName("tag");
    String id = Fixtures.tinyImage(images, engine, podman(), name + ":1");
    images.tag(name + ":1", name, "2");
    images.tag(id, name + ":3");
    images.tag(name + ":1", engine.imageName("tag-other"));
    ImageInspect image = images.inspect(id);
    assertEquals(4, image.repoTags().size(), image.repoTags().toString());
    assertTrue(image.repoTags().containsAll(List.of(Fixtures.listed(podman(), name + ":1"),
        Fixtures.listed(podman(), name + ":2"), Fixtures.listed(podman(), name + ":3"))), image.repoTags().toString());
    assertTrue(image.repoTags().stream().anyMatch(t -> t.endsWith(":latest")), "no tag means latest");

    assertEquals(List.of(new ImageDeleteResponseItem(Fixtures.listed(podman(), name + ":2"), null)),
        images.remove(name + ":2", ImageRemoveOptions.DEFAULT));
    if (podman()) {
      // Podman 4.3 refuses removing by ID an image with several names with HTTP 500, not 409
      ServerErrorException several = assertThrows(ServerErrorException.class, () -> images.remove(id, ImageRemoveOptions.DEFAULT));
      assertTrue(several.engineMessage().contains("please force removal"), several.engineMessage());
    } else {
      ConflictException several = assertThrows(ConflictException.class, () -> images.remove(id, ImageRemoveOptions.DEFAULT));
      assertTrue(several.engineMessage().contains("must be forced"), several.engineMessage());
    }
    List<ImageDeleteResponseItem> forced = images.remove(id, o -> o.force(true));
    assertTrue(forced.contains(new ImageDeleteResponseItem(null, deletedId(id))), forced.toString());
    assertThrows(NotFoundException.class, () -> images.inspect(id));
  }

  @Test
  void removeOfAnImageInUseIsAConflict(TestEngine engine) {
    ImageService images = ImageService.create(engine.client());
    String name = engine.imageName("inuse") + ":1";
    String id = Fixtures.tinyImage(images, engine, podman(), name);
    ContainerService containers = ContainerService.create(engine.client());
    String container = containers.create(ContainerCreateRequest.builder().image(name).cmd("true")
        .labels(engine.labels()).hostConfig(h -> h.networkMode("none")).build()).id();

    ConflictException e = assertThrows(ConflictException.class, () -> images.remove(name, ImageRemoveOptions.DEFAULT));
    assertEquals(409, e.status());
    // the engines word it differently
    assertTrue(e.engineMessage().contains(podman() ? "image is in use by a container" : "is using its referenced image"),
        e.engineMessage());
    ConflictException byId = assertThrows(ConflictException.class, () -> images.remove(id, ImageRemoveOptions.DEFAULT));
    assertTrue(byId.engineMessage().contains(container.substring(0, 12)), byId.engineMessage());
    engine.remove(container);
    List<ImageDeleteResponseItem> gone = images.remove(name, ImageRemoveOptions.DEFAULT);
    if (podman()) {
      // Podman 4.3 lists Deleted (no "sha256:") then Untagged, and no layers
      assertEquals(List.of(new ImageDeleteResponseItem(null, deletedId(id)),
          new ImageDeleteResponseItem(Fixtures.listed(true, name), null)), gone);
    } else {
      assertEquals(new ImageDeleteResponseItem(name, null), gone.get(0));
      assertEquals(id, gone.get(1).deleted());
    }
  }

  @Test
  void noPruneKeepsTheUntaggedParentThatRemoveOtherwiseDeletes(TestEngine engine) {
    ImageService images = ImageService.create(engine.client());
    ContainerService containers = ContainerService.create(engine.client());
    for (boolean noPrune : List.of(true, false)) {
      String parentName = engine.imageName("parent") + ":1";
      String parent = Fixtures.tinyImage(images, engine, podman(), parentName);
      String container = containers.create(ContainerCreateRequest.builder().image(parentName).cmd("true")
          .labels(engine.labels()).hostConfig(h -> h.networkMode("none")).build()).id();
      String childName = engine.imageName("child");
      String child = images.commit(container, o -> o.repository(childName).tag("1"));
      engine.remove(container);
      // Podman 4.3 reports Parent without the "sha256:" prefix
      assertEquals(podman() ? Fixtures.bare(parent) : parent, images.inspect(child).parent());
      if (!podman() && engine.containerdImageStore()) {
        // Docker 28.5's containerd store has no parent chain: the parent goes with its last name
        // (the child keeps its layers), so noprune has nothing to keep
        assertEquals(List.of(new ImageDeleteResponseItem(parentName, null), new ImageDeleteResponseItem(null, parent)),
            images.remove(parentName, ImageRemoveOptions.DEFAULT));
        List<ImageDeleteResponseItem> removed = images.remove(childName + ":1", o -> o.noPrune(noPrune));
        assertTrue(removed.contains(new ImageDeleteResponseItem(null, child)), removed.toString());
        continue;
      }
      // the parent loses its name but stays: the child needs it
      assertEquals(List.of(new ImageDeleteResponseItem(Fixtures.listed(podman(), parentName), null)),
          images.remove(parentName, ImageRemoveOptions.DEFAULT));

      List<ImageDeleteResponseItem> removed = images.remove(childName + ":1", o -> o.noPrune(noPrune));
      assertTrue(removed.contains(new ImageDeleteResponseItem(null, child)), removed.toString());
      if (podman()) {
        // Podman 4.3 ignores noprune: removing the child removes the untagged parent too, unlisted
        assertFalse(removed.contains(new ImageDeleteResponseItem(null, deletedId(parent))), removed.toString());
        assertThrows(NotFoundException.class, () -> images.inspect(parent));
        continue;
      }
      assertEquals(!noPrune, removed.contains(new ImageDeleteResponseItem(null, deletedId(parent))), removed.toString());
      if (noPrune) {
        assertEquals(parent, images.inspect(parent).id());
        images.remove(parent, ImageRemoveOptions.DEFAULT);
      } else {
        assertThrows(NotFoundException.class, () -> images.inspect(parent));
      }
    }
  }

  @Test
  void pruneWithTheTestsLabelRemovesOnlyItsUnusedImages(TestEngine engine) {
    ImageService images = ImageService.create(engine.client());
    String taggedName = engine.imageName("prune") + ":1";
    String tagged = Fixtures.tinyImage(images, engine, podman(), taggedName);
    String dangling = Fixtures.tinyImage(images, engine, podman(), null);
    String usedName = engine.imageName("prune-used") + ":1";
    String used = Fixtures.tinyImage(images, engine, podman(), usedName);
    ContainerService.create(engine.client()).create(ContainerCreateRequest.builder().image(usedName).cmd("true")
        .labels(engine.labels()).hostConfig(h -> h.networkMode("none")).build());

    // "Deleted" lists the image and then its layers (sha256 of the layer chain)
    ImagePruneResponse danglingOnly = images.prune(o -> o.label(label(engine)));
    Set<String> deletedFirst = danglingOnly.imagesDeleted().stream().map(ImageDeleteResponseItem::deleted)
        .filter(d -> d != null).collect(Collectors.toSet());
    assertTrue(deletedFirst.contains(deletedId(dangling)), deletedFirst.toString());
    assertFalse(deletedFirst.contains(deletedId(tagged)) || deletedFirst.contains(deletedId(used)), deletedFirst.toString());
    assertEquals(tagged, images.inspect(tagged).id());

    ImagePruneOptions unusedFilters = ImagePruneOptions.builder().label(label(engine)).dangling(false).build();
    if (podman() && !podman5()) {
      // Podman 4.3 adds its default dangling=true to the caller's dangling=false and refuses both (5 does not)
      ServerErrorException refused = assertThrows(ServerErrorException.class, () -> images.prune(unusedFilters));
      assertTrue(refused.engineMessage().contains("\"dangling\" filter more than once"), refused.engineMessage());
      assertEquals(used, images.inspect(used).id());
      return;
    }
    ImagePruneResponse unused = images.prune(unusedFilters);
    Set<String> deleted = unused.imagesDeleted().stream().map(ImageDeleteResponseItem::deleted)
        .filter(d -> d != null).collect(Collectors.toSet());
    assertTrue(deleted.contains(deletedId(tagged)), deleted.toString());
    assertFalse(deleted.contains(deletedId(used)), deleted.toString());
    if (podman5()) {
      // Podman 5 lists what it deleted, not the names it untagged on the way
      assertTrue(unused.imagesDeleted().stream().allMatch(i -> i.untagged() == null), unused.toString());
    } else {
      assertTrue(unused.imagesDeleted().contains(new ImageDeleteResponseItem(Fixtures.listed(podman(), taggedName), null)),
          unused.toString());
    }
    assertEquals(used, images.inspect(used).id(), "a container uses it");
    assertTrue(images.inspect(engine.image()).id().startsWith("sha256:"), "other images are untouched");
  }

  @Test
  void unknownImagesAreNotFound(TestEngine engine) {
    ImageService images = ImageService.create(engine.client());
    String missing = engine.imageName("missing") + ":1";
    assertThrows(NotFoundException.class, () -> images.inspect(missing));
    assertThrows(NotFoundException.class, () -> images.history(missing));
    assertThrows(NotFoundException.class, () -> images.remove(missing, o -> o.force(true)));
    assertThrows(NotFoundException.class, () -> images.tag(missing, engine.imageName("x"), "1"));
    assertThrows(NotFoundException.class, () -> images.saveStream(missing));
    if (podman()) {
      // Podman 4.3 answers a save of several images, one of them unknown, with HTTP 500
      ServerErrorException several = assertThrows(ServerErrorException.class, () -> images.saveStream(List.of(engine.image(), missing)));
      assertTrue(several.engineMessage().endsWith("image not known"), several.engineMessage());
    } else {
      assertThrows(NotFoundException.class, () -> images.saveStream(List.of(engine.image(), missing)));
    }
    assertThrows(NotFoundException.class, () -> images.commit("berth-no-such-container", ImageCommitOptions.DEFAULT));
    NotFoundException e = assertThrows(NotFoundException.class, () -> images.inspect(missing));
    assertTrue(e.getMessage().contains("ImageInspect GET /images/{name}/json"), e.getMessage());
  }

  @Test
  void newerEnginesDescribeManifestsAndSharedSizeWhenAsked(TestEngine engine) {
    ImageService images = ImageService.create(engine.client());
    ContainerService containers = ContainerService.create(engine.client());
    String name = engine.imageName("manifests") + ":1";
    String id = Fixtures.tinyImage(images, engine, podman(), name);
    String container = containers.create(ContainerCreateRequest.builder().image(name).cmd("true")
        .labels(engine.labels()).hostConfig(h -> h.networkMode("none")).build()).id();
    if (!engine.apiAtLeast(1, 42)) {
      // Docker 20.10 and Podman 4.3 (API 1.41) have neither option: refused before anything is sent
      assertThrows(UnsupportedApiVersionException.class, () -> images.list(o -> o.sharedSize(true)));
      assertThrows(UnsupportedApiVersionException.class, () -> images.list(o -> o.manifests(true)));
      assertThrows(UnsupportedApiVersionException.class, () -> images.inspect(name, o -> o.manifests(true)));
      ImageInspect plain = images.inspect(name);
      assertEquals(null, plain.descriptor());
      assertEquals(List.of(), plain.manifests());
      assertEquals(null, containers.inspect(container).imageManifestDescriptor());
      return;
    }
    if (!engine.apiAtLeast(1, 47)) {
      // Podman 5 serves API 1.44: the shared size (1.42) but no manifests (1.47), refused before I/O
      List<ImageSummary> shared = images.list(o -> o.reference(name).sharedSize(true));
      assertEquals(List.of(id), shared.stream().map(ImageSummary::id).toList(), shared.toString());
      assertTrue(shared.get(0).sharedSize() >= 0, "computed when asked: " + shared.get(0).sharedSize());
      assertThrows(UnsupportedApiVersionException.class, () -> images.list(o -> o.manifests(true)));
      assertThrows(UnsupportedApiVersionException.class, () -> images.inspect(name, o -> o.manifests(true)));
      assertEquals(null, images.inspect(name).descriptor());
      assertEquals(null, containers.inspect(container).imageManifestDescriptor());
      return;
    }
    List<ImageSummary> listed = images.list(o -> o.reference(name).sharedSize(true).manifests(true));
    assertEquals(1, listed.size(), listed.toString());
    ImageSummary summary = listed.get(0);
    assertEquals(id, summary.id());
    assertTrue(summary.sharedSize() >= 0, "computed when asked: " + summary.sharedSize());
    ImageInspect inspect = images.inspect(name, o -> o.manifests(true));
    if (!engine.containerdImageStore()) {
      // the graph-driver store of Docker 28.5 has no descriptors or manifests to give
      assertEquals(null, summary.descriptor());
      assertEquals(List.of(), summary.manifests());
      assertEquals(List.of(), inspect.manifests());
      assertEquals(null, containers.inspect(container).imageManifestDescriptor());
      return;
    }
    // Docker 28.5's containerd store: the image's target descriptor and one manifest for linux/amd64
    assertTrue(summary.descriptor().digest().startsWith("sha256:"), summary.descriptor().toString());
    assertTrue(summary.descriptor().size() > 0);
    assertEquals(1, summary.manifests().size(), summary.manifests().toString());
    ImageManifestSummary manifest = summary.manifests().get(0);
    assertEquals("image", manifest.kind());
    assertEquals(true, manifest.available());
    assertEquals("amd64", manifest.imageData().platform().architecture());
    assertEquals("linux", manifest.imageData().platform().os());
    assertEquals(List.of(container), manifest.imageData().containers().stream().map(c -> c.replaceFirst("^sha256:", "")).toList());
    assertTrue(manifest.size().total() > 0);
    assertEquals(summary.descriptor(), inspect.descriptor());
    assertEquals(summary.manifests().get(0).id(), inspect.manifests().get(0).id());
    assertEquals(manifest.descriptor().digest(), containers.inspect(container).imageManifestDescriptor().digest());
    assertTrue(containers.list(o -> o.all(true).label(TestEngine.LABEL + "=" + engine.labels().get(TestEngine.LABEL)))
        .stream().anyMatch(c -> c.id().equals(container)
            && manifest.descriptor().digest().equals(c.imageManifestDescriptor().digest())));
    // one platform variant, by its OCI platform
    ImageInspect amd64 = images.inspect(name, o -> o.platform(manifest.imageData().platform()));
    assertEquals(id, amd64.id());
    assertEquals(images.history(name), images.history(name, manifest.imageData().platform()));
    try (java.io.InputStream tar = images.saveStream(List.of(name), manifest.imageData().platform())) {
      assertTrue(tar.readAllBytes().length > 1024, "a saved archive of the amd64 variant");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    NotFoundException noArm = assertThrows(NotFoundException.class, () -> images.inspect(name,
        o -> o.platform(new DistributionInspect.Platform("arm64", "linux", null, null, null))));
    assertTrue(noArm.engineMessage().contains("arm64"), noArm.engineMessage());
  }

  @Test
  void malformedReferencesAreInvalidRequests(TestEngine engine) {
    ImageService images = ImageService.create(engine.client());
    String name = engine.imageName("badref") + ":1";
    Fixtures.tinyImage(images, engine, podman(), name);
    assertThrows(InvalidRequestException.class, () -> images.inspect("Bad:Ref:x"));
    assertThrows(InvalidRequestException.class, () -> images.remove("Bad:Ref:x", ImageRemoveOptions.DEFAULT));
    // Docker 20.10 (API 1.41) and Podman 4.3 answer these two with HTTP 500, Docker 28.5 with 400;
    // the service reports them as the caller's error either way
    InvalidRequestException upper = assertThrows(InvalidRequestException.class, () -> images.tag(name, "UPPER", "1"));
    assertEquals(!podman() && engine.apiAtLeast(1, 42) ? 400 : 500, upper.status());
    // the engines word it differently
    assertTrue(upper.engineMessage().startsWith("invalid reference format")
        || podman() && upper.engineMessage().endsWith("repository name must be lowercase"), upper.engineMessage());
    InvalidRequestException tag = assertThrows(InvalidRequestException.class, () -> images.tag(name, "lower", "b@d"));
    // Podman 5 names the reference it could not parse
    assertEquals(podman5() ? "normalizing image: normalizing name for compat API: parsing reference \"lower:b@d\": invalid reference format"
        : podman() ? "normalizing image: normalizing name for compat API: invalid reference format" : "invalid tag format",
        tag.engineMessage());
    String container = engine.createContainer("true");
    // Podman 4.3 refuses an unknown change instruction with HTTP 500
    Class<? extends EngineException> bogus = podman() ? ServerErrorException.class : InvalidRequestException.class;
    assertInstanceOf(bogus, assertThrows(EngineException.class, () -> images.commit(container, o -> o.change("BOGUS x"))));
    assertThrows(InvalidRequestException.class, () -> images.pull(TestEngines.registry() + "/UPPER:1"));
  }

  @Test
  void callerMistakesFailBeforeAnythingIsSent(TestEngine engine) {
    Fixtures.Recording recording = new Fixtures.Recording(engine);
    ImageService images = ImageService.create(EngineClient.builder(recording).apiVersion("1.41").build());
    assertThrows(IllegalArgumentException.class, () -> images.inspect(" "));
    assertEquals("name", assertThrows(NullPointerException.class, () -> images.history(null)).getMessage());
    assertEquals("repository", assertThrows(NullPointerException.class, () -> images.tag("x", null, "1")).getMessage());
    assertEquals("tag", assertThrows(NullPointerException.class, () -> images.tag("x", "repo", null)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> images.tag("x", "repo@sha256:abc"));
    assertThrows(IllegalArgumentException.class, () -> images.remove("", o -> o.force(true)));
    assertThrows(NullPointerException.class, () -> images.remove("x", (ImageRemoveOptions) null));
    assertThrows(IllegalArgumentException.class, () -> images.inspect("a/../../containers/json"));
    assertThrows(IllegalArgumentException.class, () -> images.saveStream(List.of()));
    assertThrows(NullPointerException.class, () -> images.importImage(null, ImageImportOptions.DEFAULT));
    assertThrows(NullPointerException.class, () -> images.load(null));
    assertThrows(IllegalArgumentException.class, () -> images.commit(" ", ImageCommitOptions.DEFAULT));
    assertThrows(IllegalArgumentException.class, () -> images.build(Path.of("/nonexistent-berth-context"), ImageBuildOptions.DEFAULT));
    assertThrows(IllegalArgumentException.class, () -> images.build(Path.of("/"), o -> o.dockerfile("../Dockerfile")));
    assertThrows(IllegalArgumentException.class, () -> images.push("repo@sha256:" + "0".repeat(64)));
    assertThrows(IllegalArgumentException.class, () -> images.push("repo:1", o -> o.allTags(true)));
    assertThrows(IllegalArgumentException.class, () -> images.pull("repo:1", o -> o.allTags(true)));
    assertThrows(IllegalArgumentException.class, () -> images.search("", ImageSearchOptions.DEFAULT));
    assertThrows(IllegalArgumentException.class, () -> images.importFromUrl("-", ImageImportOptions.DEFAULT));
    assertThrows(IllegalArgumentException.class, () -> ImageCommitOptions.builder().tag("1").build());
    // Docker 20.10 would make the image and then refuse its name, so commit checks names itself
    assertThrows(IllegalArgumentException.class, () -> images.commit("c", o -> o.repository("UPPER")));
    assertThrows(IllegalArgumentException.class, () -> images.commit("c", o -> o.repository("ok").tag("b@d")));
    assertThrows(IllegalArgumentException.class, () -> images.commit("c", o -> o.repository("a--b_")));
    assertThrows(IllegalArgumentException.class, () -> ImageCommitOptions.builder().change("CMD a\nRUN b"));
    assertThrows(IllegalArgumentException.class, () -> ImageBuildOptions.builder().memory(-1));
    assertThrows(IllegalArgumentException.class, () -> ImageSearchOptions.builder().limit(0));
    assertEquals(List.of(), recording.requests, "nothing reached the engine");
  }

  @Test
  void searchFailsWithTheEnginesTypedErrorWhenTheRegistryHasNoIndex(TestEngine engine) {
    // No public index is reachable from here (loopback only), so the search goes to the test
    // registry, which speaks the v2 API only: the engine answers 500 with the registry's status.
    ImageService images = ImageService.create(engine.client());
    if (podman()) {
      // Podman 4.3 searches a v2 registry through its catalog; nothing is official, so nothing
      // is left after the filters, which it answers with 404 "image not known"
      NotFoundException none = assertThrows(NotFoundException.class,
          () -> images.search(TestEngines.registry() + "/berth", o -> o.limit(5).official(true).stars(1)));
      assertEquals("image not known", none.engineMessage());
      return;
    }
    ServerErrorException e = assertThrows(ServerErrorException.class,
        () -> images.search(TestEngines.registry() + "/berth", o -> o.limit(5).official(true).stars(1)));
    assertEquals(500, e.status());
    assertTrue(e.engineMessage().contains("404"), e.engineMessage());
    assertTrue(e.getMessage().contains("ImageSearch GET /images/search"), e.getMessage());
  }

  @Test
  void toStringsNameTheClient(TestEngine engine) {
    ImageService images = ImageService.create(engine.client());
    assertTrue(images.toString().startsWith("ImageService[EngineClient["), images.toString());
    assertNotEquals("", ImageRemoveOptions.builder().force(true).build().toString());
    assertFalse(ImageListOptions.DEFAULT.all());
  }
}
