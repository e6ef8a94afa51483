package dev.berth.types.system;

import static dev.berth.types.TestJson.ENGINE_20_10;
import static dev.berth.types.TestJson.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PingTest {

  /** Parses a header block as written by {@code curl -D}, keeping names as sent. */
  private static Map<String, String> parseHeaders(String text) {
    Map<String, String> headers = new HashMap<>();
    text.lines().skip(1).forEach(line -> {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(line.substring(0, colon), line.substring(colon + 1).strip());
      }
    });
    return headers;
  }

  private static Map<String, String> caseInsensitive(Map<String, String> headers) {
    Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    map.putAll(headers);
    return map;
  }

  @Test
  void readsRealDockerHeaders() {
    Map<String, String> headers =
        caseInsensitive(parseHeaders(resource(ENGINE_20_10 + "ping-headers.txt")));
    Ping ping = Ping.fromHeaders(headers::get);
    assertEquals(EngineKind.DOCKER, ping.kind());
    assertEquals("1.41", ping.apiVersion());
    assertEquals("linux", ping.osType());
    assertEquals("Docker/20.10.24+dfsg1 (linux)", ping.server());
    assertFalse(ping.experimental());
    // 20.10 sends neither of these
    assertNull(ping.builderVersion());
    assertNull(ping.swarm());
    assertNull(ping.libpodApiVersion());
  }

  @Test
  void fallsBackToCanonicalNamesForCaseSensitiveLookups() {
    // names exactly as Docker sends them: "Api-Version", "Ostype"
    Map<String, String> headers = parseHeaders(resource(ENGINE_20_10 + "ping-headers.txt"));
    assertTrue(headers.containsKey("Ostype"));
    Ping ping = Ping.fromHeaders(headers::get);
    assertEquals("1.41", ping.apiVersion());
    assertEquals("linux", ping.osType());
    assertEquals(EngineKind.DOCKER, ping.kind());

    Ping lower = Ping.fromHeaders(Map.of("api-version", "1.44", "ostype", "windows")::get);
    assertEquals("1.44", lower.apiVersion());
    assertEquals("windows", lower.osType());
  }

  @Test
  void readsNewerDockerHeaders() {
    Ping ping = Ping.fromHeaders(caseInsensitive(Map.of(
        "Api-Version", "1.51",
        "Builder-Version", "2",
        "Docker-Experimental", "true",
        "Ostype", "linux",
        "Server", "Docker/28.3.0 (linux)",
        "Swarm", "active/manager"))::get);
    assertEquals(EngineKind.DOCKER, ping.kind());
    assertEquals("2", ping.builderVersion());
    assertTrue(ping.experimental());
    assertEquals("active/manager", ping.swarm());
  }

  @Test
  void recognisesPodman() {
    // headers as Podman's service sends them on /_ping
    Ping ping = Ping.fromHeaders(caseInsensitive(Map.of(
        "Api-Version", "1.41",
        "Libpod-Api-Version", "5.2.2",
        "Server", "Libpod/5.2.2 (linux)",
        "Builder-Version", "1",
        "Buildkit-Version", "",
        "Docker-Experimental", "true",
        "Ostype", "linux",
        "Libpod-Buildah-Version", "1.37.2"))::get);
    assertEquals(EngineKind.PODMAN, ping.kind());
    assertEquals("1.41", ping.apiVersion());
    assertEquals("5.2.2", ping.libpodApiVersion());
    assertEquals("1", ping.builderVersion());
    assertTrue(ping.experimental());
    assertNull(ping.swarm());

    assertEquals(EngineKind.PODMAN,
        Ping.fromHeaders(Map.of("Server", "Libpod/4.9.3 (linux)")::get).kind());
    assertEquals(EngineKind.PODMAN,
        Ping.fromHeaders(Map.of("Libpod-API-Version", "4.9.3")::get).kind());
  }

  @Test
  void decidesKindFromWhatIsThere() {
    assertEquals(EngineKind.DOCKER,
        Ping.fromHeaders(Map.of("API-Version", "1.41")::get).kind());
    assertEquals(EngineKind.DOCKER,
        Ping.fromHeaders(Map.of("Server", "Docker/24.0.7 (linux)")::get).kind());
    Ping nothing = Ping.fromHeaders(name -> null);
    assertEquals(EngineKind.UNKNOWN, nothing.kind());
    assertNull(nothing.apiVersion());
    assertFalse(nothing.experimental());
    assertEquals(EngineKind.UNKNOWN,
        Ping.fromHeaders(Map.of("Server", "nginx/1.25.3", "API-Version", " ")::get).kind(),
        "blank values count as absent");
  }

  @Test
  void rejectsNullArguments() {
    assertThrows(NullPointerException.class, () -> Ping.fromHeaders(null));
    assertThrows(NullPointerException.class,
        () -> new Ping(null, null, null, false, null, null, null, null));
  }
}
