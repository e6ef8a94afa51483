package dev.berth.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.ConflictException;
import dev.berth.client.EngineClient;
import dev.berth.client.Filters;
import dev.berth.client.InvalidRequestException;
import dev.berth.client.NotFoundException;
import dev.berth.client.ServerErrorException;
import dev.berth.containers.ContainerService;
import dev.berth.testkit.EngineTest;
import dev.berth.testkit.TestEngine;
import dev.berth.testkit.TestEngines;
import dev.berth.types.containers.ContainerCreateRequest;
import dev.berth.types.images.HistoryItem;
import dev.berth.types.images.ImageDeleteResponseItem;
import dev.berth.types.images.ImageInspect;
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

/** List, inspect, history, tag, remove, prune, search and the errors, against the real engine. */
@EngineTest
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LocalImagesTest {

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
    String a = Fixtures.tinyImage(images, engine, nameA + ":1");
    String b = Fixtures.tinyImage(images, engine, engine.imageName("list-b") + ":1");
    String untagged = Fixtures.tinyImage(images, engine, null);

    assertEquals(Set.of(a, b, untagged), ids(images.list(o -> o.label(label(engine)))));
    assertEquals(Set.of(a), ids(images.list(o -> o.reference(nameA + ":*"))));
    assertEquals(Set.of(untagged), ids(images.list(o -> o.label(label(engine)).dangling(true))));
    assertEquals(Set.of(a, b), ids(images.list(o -> o.label(label(engine)).dangling(false))));
    ImageSummary listed = images.list(o -> o.all(true).digests(true).reference(nameA + ":1")).get(0);
    assertEquals(List.of(nameA + ":1"), listed.repoTags());
    assertEquals(label(engine).split("=")[1], listed.labels().get(TestEngine.LABEL));
    assertTrue(images.list(ListOptions.DEFAULT).stream().anyMatch(i -> i.repoTags().contains(engine.image())));
  }

  @Test
  void inspectAndHistoryDescribeAnImportedImage(TestEngine engine) {
    ImageService images = ImageService.create(engine.client());
    String name = engine.imageName("inspect");
    String id = images.importImage(new ByteArrayInputStream(Fixtures.tar(Map.of("hello.txt", "hi\n"))),
        o -> o.repository(name).tag("v1").message("imported by berth").change("CMD [\"cat\", \"/hello.txt\"]")
            .change("ENV GREETING=hello").change("LABEL " + label(engine)));
    assertTrue(id.startsWith("sha256:"), id);

    ImageInspect image = images.inspect(name + ":v1");
    assertEquals(id, image.id());
    assertEquals(List.of(name + ":v1"), image.repoTags());
    assertEquals("imported by berth", image.comment());
    assertEquals(List.of("cat", "/hello.txt"), image.config().cmd());
    assertEquals(List.of("GREETING=hello"), image.config().env());
    assertEquals("linux", image.os());
    assertEquals(1, image.rootFs().layers().size());
    assertEquals(image.id(), images.inspect(id.substring(7, 19)).id(), "an ID prefix names it too");

    List<HistoryItem> history = images.history(name + ":v1");
    assertEquals(1, history.size());
    assertEquals(id, history.get(0).id());
    assertEquals("imported by berth", history.get(0).comment());
    assertEquals(List.of(name + ":v1"), history.get(0).tags());
  }

  @Test
  void tagAddsNamesAndRemoveUntagsUntilTheLastNameDeletes(TestEngine engine) {
    ImageService images = ImageService.create(engine.client());
    String name = engine.imageName("tag");
    String id = Fixtures.tinyImage(images, engine, name + ":1");
    images.tag(name + ":1", name, "2");
    images.tag(id, name + ":3");
    images.tag(name + ":1", engine.imageName("tag-other"), null);
    ImageInspect image = images.inspect(id);
    assertEquals(4, image.repoTags().size(), image.repoTags().toString());
    assertTrue(image.repoTags().containsAll(List.of(name + ":1", name + ":2", name + ":3")));
    assertTrue(image.repoTags().stream().anyMatch(t -> t.endsWith(":latest")), "no tag means latest");

    assertEquals(List.of(new ImageDeleteResponseItem(name + ":2", null)), images.remove(name + ":2", RemoveOptions.DEFAULT));
    ConflictException several = assertThrows(ConflictException.class, () -> images.remove(id, RemoveOptions.DEFAULT));
    assertTrue(several.engineMessage().contains("must be forced"), several.engineMessage());
    List<ImageDeleteResponseItem> forced = images.remove(id, RemoveOptions.FORCE);
    assertTrue(forced.contains(new ImageDeleteResponseItem(null, id)), forced.toString());
    assertThrows(NotFoundException.class, () -> images.inspect(id));
  }

  @Test
  void removeOfAnImageInUseIsAConflict(TestEngine engine) {
    ImageService images = ImageService.create(engine.client());
    String name = engine.imageName("inuse") + ":1";
    String id = Fixtures.tinyImage(images, engine, name);
    ContainerService containers = ContainerService.create(engine.client());
    String container = containers.create(ContainerCreateRequest.builder().image(name).cmd("true")
        .labels(engine.labels()).hostConfig(h -> h.networkMode("none")).build()).id();

    ConflictException e = assertThrows(ConflictException.class, () -> images.remove(name, RemoveOptions.DEFAULT));
    assertEquals(409, e.status());
    assertTrue(e.engineMessage().contains("is using its referenced image"), e.engineMessage());
    ConflictException byId = assertThrows(ConflictException.class, () -> images.remove(id, RemoveOptions.DEFAULT));
    assertTrue(byId.engineMessage().contains(container.substring(0, 12)), byId.engineMessage());
    engine.remove(container);
    assertEquals(id, images.remove(name, RemoveOptions.DEFAULT).get(1).deleted());
  }

  @Test
  void noPruneKeepsTheUntaggedParentThatRemoveOtherwiseDeletes(TestEngine engine) {
    ImageService images = ImageService.create(engine.client());
    ContainerService containers = ContainerService.create(engine.client());
    for (boolean noPrune : List.of(true, false)) {
      String parentName = engine.imageName("parent") + ":1";
      String parent = Fixtures.tinyImage(images, engine, parentName);
      String container = containers.create(ContainerCreateRequest.builder().image(parentName).cmd("true")
          .labels(engine.labels()).hostConfig(h -> h.networkMode("none")).build()).id();
      String childName = engine.imageName("child");
      String child = images.commit(container, o -> o.repository(childName).tag("1"));
      engine.remove(container);
      assertEquals(parent, images.inspect(child).parent());
      // the parent loses its name but stays: the child needs it
      assertEquals(List.of(new ImageDeleteResponseItem(parentName, null)), images.remove(parentName, RemoveOptions.DEFAULT));

      List<ImageDeleteResponseItem> removed = images.remove(childName + ":1", RemoveOptions.of(false, noPrune));
      assertTrue(removed.contains(new ImageDeleteResponseItem(null, child)), removed.toString());
      assertEquals(!noPrune, removed.contains(new ImageDeleteResponseItem(null, parent)), removed.toString());
      if (noPrune) {
        assertEquals(parent, images.inspect(parent).id());
        images.remove(parent, RemoveOptions.DEFAULT);
      } else {
        assertThrows(NotFoundException.class, () -> images.inspect(parent));
      }
    }
  }

  @Test
  void pruneWithTheTestsLabelRemovesOnlyItsUnusedImages(TestEngine engine) {
    ImageService images = ImageService.create(engine.client());
    String taggedName = engine.imageName("prune") + ":1";
    String tagged = Fixtures.tinyImage(images, engine, taggedName);
    String dangling = Fixtures.tinyImage(images, engine, null);
    String usedName = engine.imageName("prune-used") + ":1";
    String used = Fixtures.tinyImage(images, engine, usedName);
    ContainerService.create(engine.client()).create(ContainerCreateRequest.builder().image(usedName).cmd("true")
        .labels(engine.labels()).hostConfig(h -> h.networkMode("none")).build());

    // "Deleted" lists the image and then its layers (sha256 of the layer chain)
    ImagePruneResponse danglingOnly = images.prune(Filters.builder().add("label", label(engine)).build());
    Set<String> deletedFirst = danglingOnly.imagesDeleted().stream().map(ImageDeleteResponseItem::deleted)
        .filter(d -> d != null).collect(Collectors.toSet());
    assertTrue(deletedFirst.contains(dangling), deletedFirst.toString());
    assertFalse(deletedFirst.contains(tagged) || deletedFirst.contains(used), deletedFirst.toString());
    assertEquals(tagged, images.inspect(tagged).id());

    ImagePruneResponse unused = images.prune(Filters.builder().add("label", label(engine)).add("dangling", "false").build());
    Set<String> deleted = unused.imagesDeleted().stream().map(ImageDeleteResponseItem::deleted)
        .filter(d -> d != null).collect(Collectors.toSet());
    assertTrue(deleted.contains(tagged), deleted.toString());
    assertFalse(deleted.contains(used), deleted.toString());
    assertTrue(unused.imagesDeleted().contains(new ImageDeleteResponseItem(taggedName, null)), unused.toString());
    assertEquals(used, images.inspect(used).id(), "a container uses it");
    assertTrue(images.inspect(engine.image()).id().startsWith("sha256:"), "other images are untouched");
  }

  @Test
  void unknownImagesAreNotFound(TestEngine engine) {
    ImageService images = ImageService.create(engine.client());
    String missing = engine.imageName("missing") + ":1";
    assertThrows(NotFoundException.class, () -> images.inspect(missing));
    assertThrows(NotFoundException.class, () -> images.history(missing));
    assertThrows(NotFoundException.class, () -> images.remove(missing, RemoveOptions.FORCE));
    assertThrows(NotFoundException.class, () -> images.tag(missing, engine.imageName("x"), "1"));
    assertThrows(NotFoundException.class, () -> images.save(missing));
    assertThrows(NotFoundException.class, () -> images.save(List.of(engine.image(), missing)));
    assertThrows(NotFoundException.class, () -> images.commit("berth-no-such-container", CommitOptions.DEFAULT));
    NotFoundException e = assertThrows(NotFoundException.class, () -> images.inspect(missing));
    assertTrue(e.getMessage().contains("ImageInspect GET /images/{name}/json"), e.getMessage());
  }

  @Test
  void malformedReferencesAreInvalidRequests(TestEngine engine) {
    ImageService images = ImageService.create(engine.client());
    String name = engine.imageName("badref") + ":1";
    Fixtures.tinyImage(images, engine, name);
    assertThrows(InvalidRequestException.class, () -> images.inspect("Bad:Ref:x"));
    assertThrows(InvalidRequestException.class, () -> images.remove("Bad:Ref:x", RemoveOptions.DEFAULT));
    // Docker 20.10 answers these two with HTTP 500; the service reports them as the caller's error
    InvalidRequestException upper = assertThrows(InvalidRequestException.class, () -> images.tag(name, "UPPER", "1"));
    assertEquals(500, upper.status());
    assertTrue(upper.engineMessage().startsWith("invalid reference format"), upper.engineMessage());
    InvalidRequestException tag = assertThrows(InvalidRequestException.class, () -> images.tag(name, "lower", "b@d"));
    assertEquals("invalid tag format", tag.engineMessage());
    String container = engine.createContainer("true");
    assertThrows(InvalidRequestException.class, () -> images.commit(container, o -> o.change("BOGUS x")));
    assertThrows(InvalidRequestException.class, () -> images.pull(TestEngines.registry() + "/UPPER:1"));
  }

  @Test
  void callerMistakesFailBeforeAnythingIsSent(TestEngine engine) {
    Fixtures.Recording recording = new Fixtures.Recording(engine);
    ImageService images = ImageService.create(EngineClient.builder(recording).apiVersion("1.41").build());
    assertThrows(IllegalArgumentException.class, () -> images.inspect(" "));
    assertThrows(IllegalArgumentException.class, () -> images.history(null));
    assertThrows(IllegalArgumentException.class, () -> images.tag("x", null, "1"));
    assertThrows(IllegalArgumentException.class, () -> images.tag("x", "repo@sha256:abc"));
    assertThrows(IllegalArgumentException.class, () -> images.remove("", RemoveOptions.FORCE));
    assertThrows(IllegalArgumentException.class, () -> images.remove("x", null));
    assertThrows(IllegalArgumentException.class, () -> images.inspect("a/../../containers/json"));
    assertThrows(IllegalArgumentException.class, () -> images.save(List.of()));
    assertThrows(IllegalArgumentException.class, () -> images.importImage(null, ImportOptions.DEFAULT));
    assertThrows(IllegalArgumentException.class, () -> images.load(null));
    assertThrows(IllegalArgumentException.class, () -> images.commit(" ", CommitOptions.DEFAULT));
    assertThrows(IllegalArgumentException.class, () -> images.build(Path.of("/nonexistent-berth-context"), BuildOptions.DEFAULT));
    assertThrows(IllegalArgumentException.class, () -> images.build(Path.of("/"), o -> o.dockerfile("../Dockerfile")));
    assertThrows(IllegalArgumentException.class, () -> images.push("repo@sha256:" + "0".repeat(64)));
    assertThrows(IllegalArgumentException.class, () -> images.push("repo:1", o -> o.allTags(true)));
    assertThrows(IllegalArgumentException.class, () -> images.pull("repo:1", o -> o.allTags(true)));
    assertThrows(IllegalArgumentException.class, () -> images.search("", SearchOptions.DEFAULT));
    assertThrows(IllegalArgumentException.class, () -> images.importFromUrl("-", ImportOptions.DEFAULT));
    assertThrows(IllegalArgumentException.class, () -> CommitOptions.builder().tag("1").build());
    // Docker 20.10 would make the image and then refuse its name, so commit checks names itself
    assertThrows(IllegalArgumentException.class, () -> images.commit("c", o -> o.repository("UPPER")));
    assertThrows(IllegalArgumentException.class, () -> images.commit("c", o -> o.repository("ok").tag("b@d")));
    assertThrows(IllegalArgumentException.class, () -> images.commit("c", o -> o.repository("a--b_")));
    assertThrows(IllegalArgumentException.class, () -> CommitOptions.builder().change("CMD a\nRUN b"));
    assertThrows(IllegalArgumentException.class, () -> BuildOptions.builder().memory(-1));
    assertThrows(IllegalArgumentException.class, () -> SearchOptions.builder().limit(0));
    assertEquals(List.of(), recording.requests, "nothing reached the engine");
  }

  @Test
  void searchFailsWithTheEnginesTypedErrorWhenTheRegistryHasNoIndex(TestEngine engine) {
    // No public index is reachable from here (loopback only), so the search goes to the test
    // registry, which speaks the v2 API only: the engine answers 500 with the registry's status.
    ImageService images = ImageService.create(engine.client());
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
    assertNotEquals("", RemoveOptions.FORCE.toString());
    assertFalse(ListOptions.DEFAULT.all());
  }
}
