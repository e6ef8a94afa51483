package dev.berth.catalog;

import static dev.berth.testkit.RecordingDoer.body;
import static dev.berth.testkit.RecordingDoer.line;
import static dev.berth.testkit.RecordingDoer.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.EngineClient;
import dev.berth.client.NotFoundException;
import dev.berth.client.StreamErrorException;
import dev.berth.client.UnsupportedApiVersionException;
import dev.berth.testkit.RecordingDoer;
import dev.berth.transport.Request;
import dev.berth.types.system.EngineKind;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What invoke puts on the wire and how it reads answers, through a recording Doer: no engine. */
class InvokeRequestShapeTest {
  private final RecordingDoer doer = new RecordingDoer();
  private final EngineClient client = EngineClient.builder(doer).apiVersion("1.41").build();
  private final Catalog docker = Catalog.docker("1.41");

  @AfterEach
  void everyResponseIsClosed() {
    assertTrue(doer.allClosed(), "a response was left open: " + doer.responses);
  }

  @Test
  void pathQueryAndBodyGoWhereTheCatalogSays() {
    doer.answer(201, "{\"Id\":\"c1\",\"Warnings\":[]}");
    Object created = docker.invoke(client, "ContainerCreate", Map.of("name", "conny"), Map.of("Image", "busybox:local"));
    assertEquals(Map.of("Id", "c1", "Warnings", List.of()), created);
    Request r = doer.only();
    assertEquals("POST /v1.41/containers/create", line(r));
    assertEquals("name=conny", query(r));
    assertEquals("{\"Image\":\"busybox:local\"}", body(r));
    assertEquals("ContainerCreate", r.operationId());
    assertEquals("/containers/create", r.pathTemplate());
  }

  @Test
  void aMapQueryValueIsJsonAndAListFollowsTheArrayFormat() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("filters", Map.of("label", List.of("a=b")));
    params.put("all", true);
    Request list = docker.request(client, "ContainerList", params, null);
    assertEquals("GET /containers/json", list.method() + " " + list.path());
    assertEquals("{\"label\":[\"a=b\"]}", list.queryParameter("filters"));
    assertEquals("true", list.queryParameter("all"));

    // ImageCreate's changes is a csv array; ImageGet's platform (1.56) a repeated (multi) one
    Request csv = docker.request(client, "ImageCreate", Map.of("fromSrc", "-", "changes", List.of("CMD a", "ENV b=c")),
        new byte[0]);
    assertEquals("CMD a,ENV b=c", csv.queryParameter("changes"));
    EngineClient newer = EngineClient.builder(doer).apiVersion("1.56").build();
    Request multi = Catalog.docker("1.56").request(newer, "ImageGet",
        Map.of("name", "busybox", "platform", new String[] {"linux/amd64", "linux/arm64"}), null);
    assertEquals(List.of(Map.entry("platform", "linux/amd64"), Map.entry("platform", "linux/arm64")), multi.query());
  }

  @Test
  void aMapHeaderIsBase64UrlJsonAndABinaryBodyGetsItsContentType() {
    Request r = docker.request(client, "ImagePush", Map.of("name", "127.0.0.1:5000/x", "X-Registry-Auth", Map.of()),
        null);
    assertEquals("POST /images/127.0.0.1:5000/x/push", r.method() + " " + r.path());
    assertEquals("{}", new String(Base64.getUrlDecoder().decode(r.headers().first("X-Registry-Auth")),
        StandardCharsets.UTF_8));
    Request put = docker.request(client, "PutContainerArchive", Map.of("id", "c1", "path", "/tmp"),
        new ByteArrayInputStream(new byte[3]));
    assertEquals("application/x-tar", put.body().contentType());
    Request build = docker.request(client, "ImageBuild", Map.of("Content-Type", "application/octet-stream"), new byte[1]);
    assertEquals("application/octet-stream", build.body().contentType());
    assertEquals(null, build.headers().first("Content-Type"), "the content type rides on the body, not twice");
  }

  @Test
  void unknownOperationNamesTheKnownOnes() {
    UnknownOperationException e = assertThrows(UnknownOperationException.class,
        () -> docker.invoke(client, "ContainerFly", Map.of()));
    assertEquals("ContainerFly", e.name());
    assertTrue(e.known().contains("ContainerCreate"));
    assertTrue(e.getMessage().contains("docker 1.41 catalog has no operation 'ContainerFly'"), e.getMessage());
    UnknownOperationException c = assertThrows(UnknownOperationException.class, () -> docker.operations("Pods"));
    assertTrue(c.known().contains("Container"), c.getMessage());
    assertTrue(doer.requests.isEmpty());
  }

  @Test
  void missingOrUnknownParametersAndBadBodiesNameTheValidParameters() {
    ParameterException missing = assertThrows(ParameterException.class,
        () -> docker.invoke(client, "ContainerStart", Map.of()));
    assertTrue(missing.getMessage().contains("missing required parameter 'id'"), missing.getMessage());
    assertEquals(List.of("id", "detachKeys"), missing.valid());
    ParameterException unknown = assertThrows(ParameterException.class,
        () -> docker.invoke(client, "ContainerStart", Map.of("id", "c1", "detach", "x")));
    assertTrue(unknown.getMessage().contains("unknown parameter 'detach'; parameters: id, detachKeys"),
        unknown.getMessage());
    ParameterException noBody = assertThrows(ParameterException.class,
        () -> docker.invoke(client, "ContainerCreate", Map.of()));
    assertTrue(noBody.getMessage().contains("body is required"), noBody.getMessage());
    assertThrows(ParameterException.class,
        () -> docker.invoke(client, "ContainerStart", Map.of("id", "c1"), Map.of()));
    ParameterException dotted = assertThrows(ParameterException.class,
        () -> docker.invoke(client, "ContainerStart", Map.of("id", "../info")));
    assertTrue(dotted.getMessage().startsWith("ContainerStart: id "), dotted.getMessage()); // the id once
    ParameterException empty = assertThrows(ParameterException.class,
        () -> docker.invoke(client, "ContainerStart", Map.of("id", "")));
    assertTrue(empty.getMessage().startsWith("ContainerStart: id must not be empty; parameters: id"),
        empty.getMessage());
    assertThrows(ParameterException.class,
        () -> docker.invoke(client, "ContainerStart", Map.of("id", List.of("a", "b"))));
    assertThrows(NullPointerException.class, () -> docker.invoke(client, "ContainerStart", null));
    assertTrue(doer.requests.isEmpty());
  }

  @Test
  void anOperationNewerThanTheClientsApiIsRefusedBeforeSending() {
    UnsupportedApiVersionException e = assertThrows(UnsupportedApiVersionException.class,
        () -> Catalog.docker("1.44").invoke(client, "VolumeUpdate", Map.of("name", "v", "version", 1), Map.of()));
    assertTrue(e.getMessage().contains("VolumeUpdate"), e.getMessage());
    assertTrue(doer.requests.isEmpty());
  }

  @Test
  void answersDecodeAsJsonProgressListsOrText() {
    doer.answer(200, "OK");
    assertEquals("OK", docker.invoke(client, "SystemPing", Map.of()));
    doer.answer(204, "");
    assertEquals("", docker.invoke(client, "ContainerStart", Map.of("id", "c1")));
    doer.answer(200, "[{\"Id\":\"a\"}]");
    assertEquals(List.of(Map.of("Id", "a")), docker.invoke(client, "ContainerList", Map.of()), "an array stays a list");
    doer.answer(200, "{\"status\":\"Pulling\"}\n{\"status\":\"Done\"}\n");
    assertEquals(List.of(Map.of("status", "Pulling"), Map.of("status", "Done")),
        docker.invoke(client, "ImageCreate", Map.of("fromImage", "x")));
    doer.answer(200, "{\"status\":\"Pulling\"}\n{\"errorDetail\":{\"message\":\"denied\"},\"error\":\"denied\"}\n");
    StreamErrorException e = assertThrows(StreamErrorException.class,
        () -> docker.invoke(client, "ImageCreate", Map.of("fromImage", "x")));
    assertEquals("denied", e.engineMessage());
  }

  @Test
  void errorsThrowTypedOrComeBackAsStatusAndBody() {
    doer.answer(404, "{\"message\":\"No such container: c1\"}");
    NotFoundException e = assertThrows(NotFoundException.class,
        () -> docker.invoke(client, "ContainerInspect", Map.of("id", "c1")));
    assertTrue(e.getMessage().contains("ContainerInspect GET /containers/{id}/json"), e.getMessage());
    doer.answer(404, "{\"message\":\"No such container: c1\"}");
    CatalogResponse r = docker.exchange(client, "ContainerInspect", Map.of("id", "c1"));
    assertEquals(404, r.status());
    assertEquals(Map.of("message", "No such container: c1"), r.json());
    doer.answer(200, "{\"Id\":\"c1\"}");
    CatalogResponse ok = docker.exchange(client, "ContainerInspect", Map.of("id", "c1"));
    assertTrue(ok.isSuccessful());
    assertEquals("{\"Id\":\"c1\"}", ok.text());
  }

  @Test
  void anErrorAnswerComesBackAsTheEngineSentItNotRebuilt() {
    // Podman's error document, and a plain-text answer: every field and the content type stay
    String podman = "{\"cause\":\"no such container\",\"message\":\"no container with name or ID \\\"c1\\\" found:"
        + " no such container\",\"response\":404}\n";
    doer.answer(404, podman);
    CatalogResponse r = docker.exchange(client, "ContainerInspect", Map.of("id", "c1"));
    assertEquals(404, r.status());
    assertEquals("application/json", r.contentType());
    assertEquals(podman, r.text());
    assertEquals("no such container", ((Map<?, ?>) r.json()).get("cause"));
    assertEquals(404, ((Number) ((Map<?, ?>) r.json()).get("response")).intValue());

    doer.answer(dev.berth.transport.InMemoryResponse.builder(500)
        .body("driver failed\n".getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8").build());
    CatalogResponse text = docker.exchange(client, "ContainerInspect", Map.of("id", "c1"));
    assertEquals(500, text.status());
    assertEquals("text/plain; charset=utf-8", text.contentType());
    assertEquals("driver failed\n", text.text());

    // the request that failed: what was sent, once
    assertEquals(List.of("GET /v1.41/containers/c1/json", "GET /v1.41/containers/c1/json"),
        doer.requests.stream().map(RecordingDoer::line).toList());
  }

  @Test
  void aStreamIsHandedOutOpenAndClosingItClosesTheResponse() throws Exception {
    doer.answer(200, "line1\nline2\n");
    try (InputStream in = docker.invokeStream(client, "ContainerLogs", Map.of("id", "c1", "stdout", true))) {
      assertEquals("line1\nline2\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
      assertEquals(java.time.Duration.ZERO, doer.only().readTimeout(), "streams read without a timeout");
    }
  }

  @Test
  void describeGivesMethodPathParametersAndTheVersionedDocLink() {
    CatalogOperation op = docker.describe("ContainerCreate");
    assertEquals("POST", op.method());
    assertEquals("/containers/create", op.path());
    assertEquals(BodyKind.JSON, op.bodyKind());
    assertTrue(op.bodyRequired());
    assertEquals(ResponseKind.JSON, op.responseKind());
    assertEquals(new CatalogParameter("name", ParameterPlace.QUERY, "string", false, ""), op.parameters().get(0));
    assertEquals("https://docs.docker.com/reference/api/engine/version/v1.41/#tag/Container/operation/ContainerCreate",
        op.docUrl());
    assertEquals(ResponseKind.RAW, docker.describe("ContainerAttach").responseKind());
    assertEquals(ResponseKind.STREAM, docker.describe("ContainerLogs").responseKind());
    assertEquals(ResponseKind.STREAM, docker.describe("SystemEvents").responseKind());

    Catalog podman = Catalog.podman("4.3.1");
    assertEquals(EngineKind.PODMAN, podman.engine());
    CatalogOperation pod = podman.describe("PodCreateLibpod");
    assertEquals("libpod/pods", pod.category());
    assertEquals("https://docs.podman.io/en/v4.3.1/_static/api.html#tag/pods/operation/PodCreateLibpod", pod.docUrl());
    assertEquals("https://docs.podman.io/en/v4.3.1/_static/api.html#tag/containers-(compat)/operation/ContainerCreate",
        podman.describe("ContainerCreate").docUrl());
  }

  @Test
  void versionsPickTheNewestCatalogNotNewerThanAsked() {
    assertEquals("1.41", Catalog.docker("1.24").version());
    assertEquals("1.41", Catalog.docker("1.43").version());
    assertEquals("1.44", Catalog.docker("v1.44").version());
    assertEquals("1.56", Catalog.docker("1.99").version());
    assertEquals("4.3.1", Catalog.podman("4.9.3").version());
    assertEquals("4.3.1", Catalog.podman("5.8").version(), "5.8 is 5.8.0, older than 5.8.1");
    assertEquals("5.8.1", Catalog.podman("5.9.2").version());
    assertEquals("6.0.0", Catalog.podman("7.1.0").version());
    assertThrows(IllegalArgumentException.class, () -> Catalog.podman("five"));
    assertEquals(Catalog.docker("1.41"), Catalog.docker("1.42"), "catalogs are loaded once");
  }
}
