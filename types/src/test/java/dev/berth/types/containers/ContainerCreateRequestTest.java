package dev.berth.types.containers;

import static dev.berth.types.TestJson.ENGINE_20_10;
import static dev.berth.types.TestJson.MAPPER;
import static dev.berth.types.TestJson.parseTree;
import static dev.berth.types.TestJson.read;
import static dev.berth.types.TestJson.resource;
import static dev.berth.types.TestJson.roundTrip;
import static dev.berth.types.TestJson.tree;
import static dev.berth.types.TestJson.writtenTree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ContainerCreateRequestTest {

  private static Set<String> keys(JsonNode node) {
    Set<String> keys = new TreeSet<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      keys.add(it.next());
    }
    return keys;
  }

  @Test
  void builderWritesOnlyTheKeysThatWereSet() {
    ContainerCreateRequest request = ContainerCreateRequest.builder()
        .image("busybox")
        .cmd("sh", "-c", "x")
        .hostConfig(h -> h.networkMode("none").autoRemove(true))
        .label("a", "b")
        .extra("SomeNewField", Map.of("k", List.of(1, 2)))
        .build();

    JsonNode json = tree(request);
    assertEquals(Set.of("Image", "Cmd", "Labels", "HostConfig", "SomeNewField"), keys(json));
    assertEquals("busybox", json.get("Image").asText());
    assertEquals("[\"sh\",\"-c\",\"x\"]", json.get("Cmd").toString());
    assertEquals("{\"a\":\"b\"}", json.get("Labels").toString());
    assertEquals("{\"NetworkMode\":\"none\",\"AutoRemove\":true}",
        json.get("HostConfig").toString());
    assertEquals("{\"k\":[1,2]}", json.get("SomeNewField").toString());
  }

  @Test
  void emptyRequestIsAnEmptyObject() throws Exception {
    ContainerCreateRequest empty = ContainerCreateRequest.builder().build();
    assertEquals("{}", MAPPER.writeValueAsString(empty));
    assertEquals(List.of(), empty.config().env(), "collections are never null");
    assertEquals(Map.of(), empty.config().labels());
    assertEquals(Map.of(), empty.extra());
    assertNull(empty.hostConfig());
  }

  /**
   * The body captured in {@code container-create-request.json} is what the engine accepted when
   * the captures were made (see {@code container-inspect-running.json}); the builder must be able
   * to produce it exactly.
   */
  @Test
  void builderReproducesTheBodyTheEngineAccepted() {
    ContainerCreateRequest built = ContainerCreateRequest.builder()
        .hostname("berth-a")
        .user("0:0")
        .env("GREETING=hello", "EMPTY=")
        .cmd("sh", "-c", "mkdir /newdir && echo data > /newdir/f && rm /bin/yes"
            + " && echo x >> /etc/motd; trap 'exit 0' TERM; sleep 600 & wait")
        .image("busybox:local")
        .workingDir("/tmp")
        .label("dev.berth.test", "ctypes")
        .label("dev.berth.role", "running")
        .exposedPort("8080/tcp")
        .volume("/data")
        .stopSignal("SIGTERM")
        .stopTimeout(5)
        .healthcheck(HealthConfig.builder()
            .test("CMD-SHELL", "echo probe; test -d /newdir")
            .interval(Duration.ofSeconds(1))
            .timeout(Duration.ofSeconds(2))
            .retries(3)
            .startPeriod(0L)
            .build())
        .hostConfig(h -> h
            .networkMode("none")
            .binds("/tmp/ctypes-scratch/bind:/host:ro")
            .mount(Mount.tmpfs("/scratch")
                .tmpfsOptions(new Mount.TmpfsOptions(1_048_576L, 493L, null))
                .build())
            .tmpfs("/run", "rw,size=65536k")
            .resources(r -> r
                .memory(64 * 1024 * 1024)
                .memorySwap(128 * 1024 * 1024)
                .cpuShares(512)
                .pidsLimit(100)
                .ulimit(new Ulimit("nofile", 1024L, 2048L))
                .blkioWeight(300))
            .capDrop("NET_RAW")
            .capAdd("SYS_PTRACE")
            .restartPolicy(RestartPolicy.onFailure(2))
            .logConfig(new HostConfig.LogConfig("json-file", Map.of("max-size", "1m")))
            .extraHosts("example.internal:192.0.2.10")
            .sysctl("kernel.shm_rmid_forced", "1")
            .shmSize(32 * 1024 * 1024)
            .init(true)
            .securityOpt("no-new-privileges")
            .oomScoreAdj(100))
        .build();

    JsonNode accepted = parseTree(resource(ENGINE_20_10 + "container-create-request.json"));
    assertEquals(accepted, writtenTree(built));
    assertEquals(built, read(resource(ENGINE_20_10 + "container-create-request.json"),
        ContainerCreateRequest.class));
  }

  @Test
  void extraFieldsAreMergedAndNullsInThemAreKept() {
    Map<String, Object> fields = new java.util.LinkedHashMap<>();
    fields.put("Explicit", null);
    fields.put("Empty", "");
    ContainerCreateRequest request = ContainerCreateRequest.builder()
        .image("x")
        .extra(fields)
        .extra("Later", 1)
        .hostConfig(h -> h.extra("FutureHostField", true))
        .build();
    JsonNode json = tree(request);
    assertEquals(Set.of("Image", "Explicit", "Empty", "Later", "HostConfig"), keys(json));
    assertTrue(json.get("Explicit").isNull(), "an explicit null is written");
    assertEquals("", json.get("Empty").asText(), "extra values are written as they are");
    assertTrue(json.get("HostConfig").get("FutureHostField").asBoolean());
    assertEquals(request, roundTrip(request, ContainerCreateRequest.class));
  }

  @Test
  void extraMustNotRepeatAModelledFieldInAnyCase() {
    ContainerCreateRequest.Builder b = ContainerCreateRequest.builder();
    for (String name : List.of("Image", "image", "IMAGE", "HostConfig", "hostconfig",
        "NetworkingConfig", "Cmd")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> b.extra(name, "x"), name);
      assertTrue(e.getMessage().contains(name), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> b.extra(Map.of("tty", true)));
    assertThrows(IllegalArgumentException.class,
        () -> HostConfig.builder().extra("memory", 1));
    assertThrows(NullPointerException.class, () -> b.extra(null, 1));
  }

  @Test
  void unknownFieldsOfDecodedJsonLandInExtra() {
    ContainerCreateRequest decoded = read("""
        {"Image": "busybox", "Tty": true, "FutureField": {"a": 1}, "Other": null,
         "HostConfig": {"Privileged": false, "FutureHost": [1]}}
        """, ContainerCreateRequest.class);
    assertEquals("busybox", decoded.config().image());
    assertEquals(Boolean.TRUE, decoded.config().tty());
    assertEquals(Set.of("FutureField", "Other"), decoded.extra().keySet());
    assertEquals(Map.of("a", 1), decoded.extra().get("FutureField"));
    assertNull(decoded.extra().get("Other"));
    assertEquals(List.of(1), decoded.hostConfig().extra().get("FutureHost"));
    assertEquals(decoded, roundTrip(decoded, ContainerCreateRequest.class));
  }

  @Test
  void stringCommandDecodesAsOneElementList() {
    // the API's StrSlice accepts a single string; the spec's own example sends Entrypoint ""
    ContainerCreateRequest decoded = read("""
        {"Image": "x", "Cmd": "date", "Entrypoint": "", "HostConfig": {"CapAdd": "NET_ADMIN"}}
        """, ContainerCreateRequest.class);
    assertEquals(List.of("date"), decoded.config().cmd());
    assertEquals(List.of(""), decoded.config().entrypoint());
    assertEquals(List.of("NET_ADMIN"), decoded.hostConfig().capAdd());
    assertEquals("[\"\"]", tree(decoded).get("Entrypoint").toString(),
        "an entry point of one empty string (reset to none) is not empty, so it is sent");
  }

  @Test
  void maskedPathsDistinguishAbsentFromEmpty() {
    HostConfig defaults = HostConfig.builder().privileged(false).build();
    assertNull(defaults.maskedPaths());
    assertNull(defaults.readonlyPaths());
    assertFalse(tree(defaults).has("MaskedPaths"), "absent: the engine's default set");

    HostConfig none = HostConfig.builder().maskedPaths(List.of()).readonlyPaths().build();
    assertEquals(List.of(), none.maskedPaths());
    assertEquals("[]", tree(none).get("MaskedPaths").toString(), "empty: mask nothing");
    assertEquals("[]", tree(none).get("ReadonlyPaths").toString());
    assertEquals(none, roundTrip(none, HostConfig.class));
    assertNull(read("{\"MaskedPaths\": null}", HostConfig.class).maskedPaths());
  }

  @Test
  void hostConfigConsumerEditsTheCurrentValue() {
    ContainerCreateRequest request = ContainerCreateRequest.builder()
        .hostConfig(HostConfig.builder().networkMode("none").resources(r -> r.memory(1024L)).build())
        .hostConfig(h -> h.resources(r -> r.memory(2048L)).portBinding("80/tcp", PortBinding.of(8080)))
        .hostConfig(h -> h.portBinding("80/tcp", PortBinding.of("127.0.0.1", 8081)))
        .build();
    HostConfig h = request.hostConfig();
    assertEquals("none", h.networkMode());
    assertEquals(2048L, h.resources().memory());
    assertEquals(Map.of("80/tcp", List.of(new PortBinding(null, "8080"),
        new PortBinding("127.0.0.1", "8081"))), h.portBindings());
    assertEquals("{\"80/tcp\":[{\"HostPort\":\"8080\"},"
            + "{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"8081\"}]}",
        tree(h).get("PortBindings").toString());
  }

  @Test
  void endpointsAreAddedToNetworkingConfig() {
    ContainerCreateRequest request = ContainerCreateRequest.builder()
        .image("x")
        .endpoint("front", EndpointSettings.builder().aliases("web", "www").build())
        .endpoint("back", EndpointSettings.builder().ipv4Address("10.1.0.5").build())
        .build();
    assertEquals(List.of("front", "back"),
        List.copyOf(request.networkingConfig().endpointsConfig().keySet()));
    assertEquals(parseTree("""
        {"Image": "x", "NetworkingConfig": {"EndpointsConfig": {
          "front": {"Aliases": ["web", "www"]},
          "back": {"IPAMConfig": {"IPv4Address": "10.1.0.5"}}}}}
        """), writtenTree(request), "empty lists and maps of the endpoints are left out");
    assertEquals(request, roundTrip(request, ContainerCreateRequest.class));
  }

  @Test
  void builderIsDetachedFromBuiltRecords() {
    ContainerCreateRequest.Builder b = ContainerCreateRequest.builder()
        .image("x").env("A=1").label("k", "v").exposedPort("80/tcp");
    ContainerCreateRequest first = b.build();
    b.env("B=2").label("k2", "v2").exposedPort("443/tcp").extra("X", 1);
    ContainerCreateRequest second = b.build();

    assertEquals(List.of("A=1"), first.config().env());
    assertEquals(Map.of("k", "v"), first.config().labels());
    assertEquals(Set.of("80/tcp"), first.config().exposedPorts().keySet());
    assertEquals(Map.of(), first.extra());
    assertEquals(List.of("B=2"), second.config().env(), "a list setter replaces");
    assertEquals(Map.of("k", "v", "k2", "v2"), second.config().labels(), "label(k, v) adds");
    assertEquals(Set.of("80/tcp", "443/tcp"), second.config().exposedPorts().keySet());

    assertThrows(UnsupportedOperationException.class, () -> second.config().env().add("C=3"));
    assertThrows(UnsupportedOperationException.class, () -> second.config().labels().put("a", "b"));
    assertThrows(UnsupportedOperationException.class, () -> second.extra().put("a", "b"));
    assertThrows(UnsupportedOperationException.class,
        () -> second.config().exposedPorts().get("80/tcp").put("a", "b"));
    List<String> source = new ArrayList<>(List.of("Z=1"));
    ContainerCreateRequest third = ContainerCreateRequest.builder().env(source).build();
    source.add("Y=2");
    assertEquals(List.of("Z=1"), third.config().env());
  }

  @Test
  void toBuilderCopiesEverything() {
    ContainerCreateRequest original = read(resource(ENGINE_20_10
        + "container-create-request.json"), ContainerCreateRequest.class);
    assertEquals(original, original.toBuilder().build());
    ContainerCreateRequest changed = original.toBuilder()
        .label("extra", "1")
        .hostConfig(h -> h.autoRemove(true))
        .build();
    assertEquals(3, changed.config().labels().size());
    assertEquals(Boolean.TRUE, changed.hostConfig().autoRemove());
    assertEquals(original.hostConfig().resources().memory(), changed.hostConfig().resources().memory());
    assertNull(original.hostConfig().autoRemove());
    assertEquals(original.config(), changed.config().toBuilder()
        .labels(original.config().labels()).build());
  }

  @Test
  void recreatesAContainerFromItsInspection() {
    ContainerInspect inspect = read(resource(ENGINE_20_10 + "container-inspect-running.json"),
        ContainerInspect.class);
    ContainerCreateRequest again = ContainerCreateRequest.builder()
        .config(inspect.config())
        .hostConfig(inspect.hostConfig())
        .build();
    assertEquals(inspect.config(), again.config());
    JsonNode json = tree(again);
    assertEquals("busybox:local", json.get("Image").asText());
    assertEquals("{\"8080/tcp\":{}}", json.get("ExposedPorts").toString());
    JsonNode host = json.get("HostConfig");
    assertEquals(67_108_864L, host.get("Memory").asLong());
    assertEquals(10, host.get("MaskedPaths").size(), "the engine's list is kept");
    assertEquals("[0,0]", host.get("ConsoleSize").toString());
    assertFalse(host.has("PortBindings"), "null in the inspection, so left out");
    assertEquals("", host.get("ContainerIDFile").asText(),
        "strings are sent back as they came; only null and empty collections are left out");
    assertFalse(host.has("Dns"), "null in the inspection, so left out");
    assertEquals(0, host.get("NanoCpus").asLong(), "zero is a value, not absence");
  }
}
