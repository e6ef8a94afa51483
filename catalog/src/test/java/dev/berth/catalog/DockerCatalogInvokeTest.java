package dev.berth.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.EngineClient;
import dev.berth.client.NotFoundException;
import dev.berth.client.UnavailableException;
import dev.berth.testkit.EngineTest;
import dev.berth.testkit.TestEngine;
import dev.berth.transport.RawStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Docker catalog invoked against the real Docker test engine (API 1.41): at least one
 * operation of every category it serves, and the seed examples as a user would write them.
 */
@EngineTest
@Timeout(60)
class DockerCatalogInvokeTest {

  @Test
  void theCatalogOfTheEngineIsDockers141AndCoversEveryCategory(TestEngine engine) {
    Catalog catalog = Catalog.of(engine.client());
    assertEquals("docker 1.41 catalog", catalog.toString());
    assertEquals(List.of("Config", "Container", "Distribution", "Exec", "Image", "Network", "Node", "Plugin",
        "Secret", "Service", "Session", "Swarm", "System", "Task", "Volume"), catalog.categories());
  }

  @Test
  void swarmCategoriesAnswerNotASwarmManagerAsTheTypedError(TestEngine engine) {
    Catalog catalog = Catalog.of(engine.client());
    for (String id : List.of("ConfigList", "NodeList", "SecretList", "ServiceList", "SwarmInspect", "TaskList")) {
      UnavailableException e = assertThrows(UnavailableException.class,
          () -> catalog.invoke(engine.client(), id, Map.of()), id);
      assertEquals(503, e.status());
      assertTrue(e.engineMessage().contains("not a swarm manager"), id + ": " + e.engineMessage());
      assertTrue(e.getMessage().startsWith(catalog.describe(id).toString()), e.getMessage());
    }
  }

  @Test
  void systemContainerImageNetworkVolumeAndPluginListsAnswer(TestEngine engine) {
    EngineClient client = engine.client();
    Catalog catalog = Catalog.of(client);
    assertEquals("OK", catalog.invoke(client, "SystemPing", Map.of()));
    assertEquals("1.41", ((Map<?, ?>) catalog.invoke(client, "SystemVersion", Map.of())).get("ApiVersion"));
    String id = engine.createContainer("true");
    List<?> containers = (List<?>) catalog.invoke(client, "ContainerList",
        Map.of("all", true, "filters", Map.of("label", List.of(TestEngine.LABEL + "=" + engine.labels().get(TestEngine.LABEL)))));
    assertEquals(id, ((Map<?, ?>) containers.get(0)).get("Id"));
    List<?> images = (List<?>) catalog.invoke(client, "ImageList", Map.of("filters", Map.of("reference", List.of(engine.image()))));
    assertEquals(1, images.size());
    List<?> networks = (List<?>) catalog.invoke(client, "NetworkList", Map.of("filters", Map.of("name", List.of("none"))));
    assertEquals("none", ((Map<?, ?>) networks.get(0)).get("Name"));
    assertInstanceOf(List.class, ((Map<?, ?>) catalog.invoke(client, "VolumeList", Map.of())).get("Volumes"));
    assertInstanceOf(List.class, catalog.invoke(client, "PluginList", Map.of()));
  }

  @Test
  void execCreateStartAndInspectThroughTheCatalog(TestEngine engine) throws Exception {
    EngineClient client = engine.client();
    Catalog catalog = Catalog.of(client);
    String id = engine.createContainer("sleep", "30");
    engine.start(id);
    Map<?, ?> exec = (Map<?, ?>) catalog.invoke(client, "ContainerExec", Map.of("id", id),
        Map.of("Cmd", List.of("echo", "from-exec"), "AttachStdout", true));
    String execId = (String) exec.get("Id");
    try (RawStream raw = catalog.invokeRaw(client, "ExecStart", Map.of("id", execId), Map.of("Detach", false))) {
      assertTrue(new String(raw.input().readAllBytes(), StandardCharsets.UTF_8).contains("from-exec"));
    }
    Map<?, ?> inspected = (Map<?, ?>) catalog.invoke(client, "ExecInspect", Map.of("id", execId));
    assertEquals(0, inspected.get("ExitCode"));
  }

  @Test
  void sessionWithoutAnUpgradeComesBackAsStatusAndBodyInExchangeMode(TestEngine engine) {
    // error mode "return": the engine's 400 is an answer, not an exception
    CatalogResponse r = Catalog.of(engine.client()).exchange(engine.client(), "Session", Map.of());
    assertEquals(400, r.status());
    assertFalse(((Map<?, ?>) r.json()).get("message").toString().isEmpty());
  }

  @Test
  void aMissingContainerInExchangeModeIsTheEnginesOwnErrorDocument(TestEngine engine) {
    String missing = engine.uniqueName("none");
    CatalogResponse r = Catalog.of(engine.client()).exchange(engine.client(), "ContainerInspect", Map.of("id", missing));
    assertEquals(404, r.status());
    assertTrue(r.contentType().startsWith("application/json"), r.contentType());
    assertEquals(Map.of("message", "No such container: " + missing), r.json());
  }

  @Test
  void anUnknownContainerIsTheTypedNotFound(TestEngine engine) {
    NotFoundException e = assertThrows(NotFoundException.class,
        () -> Catalog.of(engine.client()).invoke(engine.client(), "ContainerInspect", Map.of("id", engine.uniqueName("none"))));
    assertEquals(404, e.status());
  }

  @Test
  void seedImageCreateFromTheLocalRegistryAndDistributionInspect(TestEngine engine) {
    EngineClient client = engine.client();
    Catalog catalog = Catalog.of(client);
    String repo = engine.imageName(System.getenv().getOrDefault("BERTH_TEST_REGISTRY", "127.0.0.1:5000"), "seed");
    catalog.invoke(client, "ImageTag", Map.of("name", engine.image(), "repo", repo, "tag", "v1"));
    catalog.invoke(client, "ImagePush", Map.of("name", repo, "tag", "v1", "X-Registry-Auth", Map.of()));
    catalog.invoke(client, "ImageDelete", Map.of("name", repo + ":v1"));

    Object pulled = catalog.invoke(client, "ImageCreate", Map.of("fromImage", repo, "tag", "v1"));

    assertTrue(pulled.toString().contains("Downloaded newer image for " + repo + ":v1"), pulled.toString());
    List<?> tags = (List<?>) ((Map<?, ?>) catalog.invoke(client, "ImageInspect", Map.of("name", repo + ":v1"))).get("RepoTags");
    assertTrue(tags.contains(repo + ":v1"), tags.toString());
    Map<?, ?> distribution = (Map<?, ?>) catalog.invoke(client, "DistributionInspect", Map.of("name", repo + ":v1"));
    assertTrue(((Map<?, ?>) distribution.get("Descriptor")).get("digest").toString().startsWith("sha256:"));
  }

  @Test
  void seedContainerCreateNamedConnyLogsAsAStream(TestEngine engine) throws Exception {
    EngineClient client = engine.client();
    Catalog catalog = Catalog.of(client);
    String name = "conny-" + engine.uniqueName("catalog");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Image", engine.image());
    body.put("Cmd", List.of("echo", "hello from conny"));
    body.put("Labels", engine.labels());
    body.put("HostConfig", Map.of("NetworkMode", "none"));

    Map<?, ?> created = (Map<?, ?>) catalog.invoke(client, "ContainerCreate", Map.of("name", name), body);
    String id = (String) created.get("Id");
    catalog.invoke(client, "ContainerStart", Map.of("id", id));
    catalog.invoke(client, "ContainerWait", Map.of("id", id));

    assertEquals("/" + name, ((Map<?, ?>) catalog.invoke(client, "ContainerInspect", Map.of("id", name))).get("Name"));
    try (InputStream logs = catalog.invokeStream(client, "ContainerLogs", Map.of("id", id, "stdout", true))) {
      assertTrue(new String(logs.readAllBytes(), StandardCharsets.UTF_8).contains("hello from conny"));
    }
  }

  @Test
  void seedNetworkCreateConnyNetworkInternal(TestEngine engine) {
    EngineClient client = engine.client();
    Catalog catalog = Catalog.of(client);
    String name = "conny-network-" + engine.uniqueName("catalog");
    Map<?, ?> created = (Map<?, ?>) catalog.invoke(client, "NetworkCreate", Map.of(),
        Map.of("Name", name, "Internal", true, "Labels", engine.labels()));
    String id = (String) created.get("Id");
    try {
      Map<?, ?> inspected = (Map<?, ?>) catalog.invoke(client, "NetworkInspect", Map.of("id", id));
      assertEquals(name, inspected.get("Name"));
      assertEquals(true, inspected.get("Internal"));
    } finally {
      catalog.invoke(client, "NetworkDelete", Map.of("id", id));
    }
    assertThrows(NotFoundException.class, () -> catalog.invoke(client, "NetworkInspect", Map.of("id", id)));
  }

  @Test
  void seedContainerAttachAsARawStreamWithStdin(TestEngine engine) throws Exception {
    EngineClient client = engine.client();
    Catalog catalog = Catalog.of(client);
    String id = engine.createContainer(Map.of("OpenStdin", true, "StdinOnce", true, "AttachStdin", true,
        "AttachStdout", true), "cat");
    try (RawStream raw = catalog.invokeRaw(client, "ContainerAttach",
        Map.of("id", id, "stream", true, "stdin", true, "stdout", true))) {
      catalog.invoke(client, "ContainerStart", Map.of("id", id));
      OutputStream stdin = raw.output();
      stdin.write("typed into conny\n".getBytes(StandardCharsets.UTF_8));
      stdin.flush();
      raw.closeOutput(); // EOF on stdin: cat ends, and with StdinOnce the container exits
      assertTrue(new String(raw.input().readAllBytes(), StandardCharsets.UTF_8).contains("typed into conny"));
    }
    assertEquals(0, ((Map<?, ?>) catalog.invoke(client, "ContainerWait", Map.of("id", id))).get("StatusCode"));
  }
}
