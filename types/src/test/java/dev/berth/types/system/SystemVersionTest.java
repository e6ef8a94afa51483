package dev.berth.types.system;

import static dev.berth.types.TestJson.ENGINE_20_10;
import static dev.berth.types.TestJson.read;
import static dev.berth.types.TestJson.resource;
import static dev.berth.types.TestJson.roundTrip;
import static dev.berth.types.TestJson.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SystemVersionTest {

  private final SystemVersion version =
      read(resource(ENGINE_20_10 + "version.json"), SystemVersion.class);

  @Test
  void decodesRealEngineVersion() {
    assertEquals("20.10.24+dfsg1", version.version());
    assertEquals("1.41", version.apiVersion());
    assertEquals("1.12", version.minApiVersion());
    assertEquals("5d6db84", version.gitCommit());
    assertEquals("go1.19.8", version.goVersion());
    assertEquals("linux", version.os());
    assertEquals("amd64", version.arch());
    assertEquals("2026-05-07T21:09:36.000000000+00:00", version.buildTime());
    // the engine leaves "Experimental" out when it is false
    assertNull(version.experimental());
    // Debian's build reports an empty platform name
    assertEquals("", version.platform().name());
  }

  @Test
  void decodesComponents() {
    assertEquals(List.of("Engine", "containerd", "runc", "docker-init"),
        version.components().stream().map(SystemVersion.Component::name).toList());
    SystemVersion.Component engine = version.components().get(0);
    assertEquals("20.10.24+dfsg1", engine.version());
    assertEquals("1.41", engine.details().get("ApiVersion"));
    assertEquals("false", engine.details().get("Experimental"));
    assertEquals(Map.of("GitCommit", ""), version.components().get(3).details());
  }

  @Test
  void missingCollectionsBecomeEmptyAndImmutable() {
    SystemVersion v = read("{\"Version\":\"x\",\"Components\":null,\"Extra\":{\"a\":1}}",
        SystemVersion.class);
    assertEquals(List.of(), v.components());
    assertNull(v.platform());
    SystemVersion.Component c = read("{\"Name\":\"Engine\"}", SystemVersion.Component.class);
    assertEquals(Map.of(), c.details());
    assertThrows(UnsupportedOperationException.class,
        () -> version.components().add(c));
  }

  @Test
  void serialisesWithApiNames() {
    JsonNode json = tree(version);
    assertEquals("1.41", json.get("ApiVersion").asText());
    assertEquals("1.12", json.get("MinAPIVersion").asText());
    assertEquals("linux", json.get("Os").asText());
    assertEquals("Engine", json.get("Components").get(0).get("Name").asText());
    assertTrue(json.get("Platform").has("Name"));
    assertFalse(json.has("Experimental"), "null fields are left out");
    assertFalse(json.has("apiVersion"));
    assertEquals(version, roundTrip(version, SystemVersion.class));
  }
}
