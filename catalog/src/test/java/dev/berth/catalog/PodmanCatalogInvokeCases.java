package dev.berth.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.EngineClient;
import dev.berth.client.EngineException;
import dev.berth.client.NotFoundException;
import dev.berth.testkit.TestEngine;
import dev.berth.types.system.EngineKind;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A Podman catalog invoked against a real Podman engine, run by {@link PodmanCatalogInvokeTest}
 * (Podman 4.3, its 4.3.1 catalog) and {@link Podman5CatalogInvokeTest} (Podman 5, the 5.8.1
 * catalog): at least one operation of every category, compat and {@code libpod/}, and a pod
 * created, started and removed by invoke.
 */
@Timeout(60)
abstract class PodmanCatalogInvokeCases {

  /** The catalog {@link Catalog#of} must pick for the subclass's engine. */
  abstract String catalogVersion();

  @Test
  void theCatalogOfTheEngineIsTheNewestNotNewerThanIt(TestEngine engine) {
    Catalog catalog = Catalog.of(engine.client());
    assertEquals(EngineKind.PODMAN, catalog.engine());
    assertEquals(catalogVersion(), catalog.version());
  }

  @Test
  void aMissingContainerInExchangeModeKeepsPodmansCauseAndResponse(TestEngine engine) {
    String missing = engine.uniqueName("none");
    CatalogResponse r = Catalog.of(engine.client()).exchange(engine.client(), "ContainerInspectLibpod",
        Map.of("name", missing));
    assertEquals(404, r.status());
    assertTrue(r.contentType().startsWith("application/json"), r.contentType());
    Map<?, ?> doc = (Map<?, ?>) r.json();
    assertEquals("no such container", doc.get("cause"), doc.toString());
    assertTrue(doc.get("message").toString().contains(missing), doc.toString());
    assertEquals(404, ((Number) doc.get("response")).intValue(), doc.toString());
  }

  @Test
  void everyCategoryAnswersThroughInvoke(TestEngine engine) throws Exception {
    EngineClient client = engine.client();
    Catalog catalog = Catalog.of(client);
    Set<String> covered = new HashSet<>();
    String label = TestEngine.LABEL + "=" + engine.labels().get(TestEngine.LABEL);
    String until = Long.toString(Instant.now().getEpochSecond());

    covered.add(json(catalog, client, "SystemPing", Map.of(), "OK"));
    covered.add(json(catalog, client, "SystemDataUsage", Map.of(), Map.class));
    covered.add(json(catalog, client, "SystemDataUsageLibpod", Map.of(), Map.class));
    covered.add(json(catalog, client, "SystemInfo", Map.of(), Map.class));
    covered.add(json(catalog, client, "SystemInfoLibpod", Map.of(), Map.class));
    covered.add(json(catalog, client, "SystemVersion", Map.of(), Map.class));
    covered.add(json(catalog, client, "SystemVersionLibpod", Map.of(), Map.class));
    covered.add(json(catalog, client, "ContainerList", Map.of("all", true, "filters", Map.of("label", List.of(label))), List.class));
    covered.add(json(catalog, client, "ContainerListLibpod", Map.of("all", true, "filters", Map.of("label", List.of(label))), List.class));
    covered.add(json(catalog, client, "ImageList", Map.of(), List.class));
    covered.add(json(catalog, client, "ImageListLibpod", Map.of(), List.class));
    covered.add(json(catalog, client, "NetworkList", Map.of(), List.class));
    covered.add(json(catalog, client, "NetworkListLibpod", Map.of(), List.class));
    covered.add(json(catalog, client, "VolumeList", Map.of(), Map.class));
    covered.add(json(catalog, client, "VolumeListLibpod", Map.of(), List.class));
    covered.add(json(catalog, client, "SecretList", Map.of(), List.class));
    covered.add(json(catalog, client, "SecretListLibpod", Map.of(), List.class));
    covered.add(json(catalog, client, "PodListLibpod", Map.of("filters", Map.of("label", List.of(label))), List.class));

    // events: bounded by until, so the streams end
    try (InputStream events = catalog.invokeStream(client, "SystemEvents", Map.of("since", "1s", "until", until))) {
      events.readAllBytes();
      covered.add("events");
    }
    try (InputStream events = catalog.invokeStream(client, "SystemEventsLibpod",
        Map.of("since", "1s", "until", until, "stream", false))) {
      events.readAllBytes();
      covered.add("libpod/events");
    }

    // exec, commit, manifests: the engine's typed 404 for a name that does not exist
    String missing = engine.uniqueName("missing");
    for (String id : List.of("ExecInspect", "ExecInspectLibpod")) {
      assertThrows(NotFoundException.class, () -> catalog.invoke(client, id, Map.of("id", missing)), id);
      covered.add(catalog.describe(id).category());
    }
    assertThrows(NotFoundException.class,
        () -> catalog.invoke(client, "ImageCommit", Map.of("container", missing), Map.of()));
    covered.add("commit");
    assertThrows(NotFoundException.class,
        () -> catalog.invoke(client, "ImageCommitLibpod", Map.of("container", missing)));
    covered.add("libpod/commit");
    String container = engine.createContainer("true");
    Object kube = catalog.invoke(client, "GenerateKubeLibpod", Map.of("names", List.of(container)));
    assertTrue(kube.toString().contains("kind: Pod"), kube.toString());
    covered.add("libpod/generate");
    assertThrows(NotFoundException.class,
        () -> catalog.invoke(client, "ManifestExistsLibpod", Map.of("name", missing)));
    covered.add("libpod/manifests");

    // auth: the registry speaks plain HTTP, which a login refuses; the engine says so, typed
    EngineException auth = assertThrows(EngineException.class,
        () -> catalog.invoke(client, "SystemAuth", Map.of(), Map.of("serveraddress", "127.0.0.1:5000")));
    assertTrue(auth.engineMessage().contains("127.0.0.1:5000"), auth.engineMessage());
    covered.add("auth");

    // play: YAML that does not parse, the engine's typed error
    EngineException play = assertThrows(EngineException.class,
        () -> catalog.invoke(client, "PlayKubeLibpod", Map.of(), "not: [valid".getBytes(StandardCharsets.UTF_8)));
    assertTrue(play.engineMessage().contains("YAML"), play.engineMessage());
    covered.add("libpod/play");

    // build (compat and libpod): a one-line Dockerfile on the test image, labelled for removal
    String dockerfile = "FROM " + engine.image() + "\nLABEL " + label + "\n";
    for (String id : List.of("ImageBuild", "ImageBuildLibpod")) {
      String tag = engine.imageName("build") + ":v1";
      Object progress = catalog.invoke(client, id, Map.of("t", tag), Tar.of("Dockerfile", dockerfile));
      assertTrue(progress.toString().contains("Successfully tagged"), id + ": " + progress);
      covered.add(catalog.describe(id).category());
    }

    if (catalog.categories().contains("libpod/artifacts")) {
      // the categories Podman 5 added: artifacts, kube apply, server-side local files, quadlets
      covered.add(json(catalog, client, "ArtifactListLibpod", Map.of(), List.class));
      assertThrows(NotFoundException.class, () -> catalog.invoke(client, "ArtifactInspectLibpod", Map.of("name", missing)));
      EngineException apply = assertThrows(EngineException.class,
          () -> catalog.invoke(client, "KubeApplyLibpod", Map.of(), "not: [valid".getBytes(StandardCharsets.UTF_8)));
      assertTrue(apply.engineMessage().contains("yaml"), apply.engineMessage());
      covered.add("libpod/kube");
      assertThrows(NotFoundException.class,
          () -> catalog.invoke(client, "LocalImagesLibpod", Map.of("path", "/" + missing + ".tar")));
      covered.add("libpod/local");
      // (listing quadlets needs systemd, which this machine lacks: asking for one does not)
      assertThrows(NotFoundException.class,
          () -> catalog.invoke(client, "QuadletExistsLibpod", Map.of("name", missing + ".container")));
      covered.add("libpod/quadlets");
    }

    assertEquals(Set.copyOf(catalog.categories()), covered);
  }

  private static String json(Catalog catalog, EngineClient client, String id, Map<String, ?> params, Object expected) {
    Object answer = catalog.invoke(client, id, params);
    if (expected instanceof Class) {
      assertInstanceOf((Class<?>) expected, answer, id);
    } else {
      assertEquals(expected, answer, id);
    }
    return catalog.describe(id).category();
  }

  @Test
  void seedPodCreateStartRemoveThroughInvoke(TestEngine engine) {
    EngineClient client = engine.client();
    Catalog catalog = Catalog.of(client);
    String name = engine.uniqueName("catalog-pod");
    Map<?, ?> created = (Map<?, ?>) catalog.invoke(client, "PodCreateLibpod", Map.of(),
        Map.of("name", name, "labels", engine.labels()));
    String id = (String) created.get("Id");
    try {
      catalog.invoke(client, "PodStartLibpod", Map.of("name", name));
      Map<?, ?> inspected = (Map<?, ?>) catalog.invoke(client, "PodInspectLibpod", Map.of("name", name));
      assertEquals(id, inspected.get("Id"));
      assertEquals("Running", inspected.get("State"));
    } finally {
      catalog.invoke(client, "PodDeleteLibpod", Map.of("name", name, "force", true));
    }
    assertThrows(NotFoundException.class, () -> catalog.invoke(client, "PodInspectLibpod", Map.of("name", name)));
  }
}
