package dev.berth.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestTest {

  @Test
  void plainPathIsSentAsIs() {
    assertEquals("/containers/json", Request.get("/containers/json").build().target());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/containers/a b/json|/containers/a%20b/json",
      "/volumes/caf\u00e9|/volumes/caf%C3%A9",
      "/volumes/\u65e5\u672c|/volumes/%E6%97%A5%E6%9C%AC",
      "/volumes/100%|/volumes/100%25",
      "/volumes/a?b|/volumes/a%3Fb",
      "/volumes/a#b|/volumes/a%23b",
      "/volumes/%2e%2e|/volumes/%252e%252e",
      "/volumes/a\"b|/volumes/a%22b",
  })
  void pathIsPercentEncoded(String path, String expected) {
    assertEquals(expected, Request.get(path).build().target());
  }

  @Test
  void imageNamesStayRoutable() {
    Request r = Request.post("/images/localhost:5000/a/b:tag/push").build();
    assertEquals("/images/localhost:5000/a/b:tag/push", r.target());
    Request digest = Request.get("/distribution/repo@sha256:abc123/json").build();
    assertEquals("/distribution/repo@sha256:abc123/json", digest.target());
  }

  @Test
  void queryValuesAreEncoded() {
    Request r = Request.get("/x")
        .query("a", "1&b=2")
        .query("plus", "a+b")
        .query("space", "a b")
        .query("filters", "{\"label\":[\"k=v\"]}")
        .build();
    String t = r.target();
    assertEquals("/x?a=1%26b%3D2&plus=a%2Bb&space=a%20b"
        + "&filters=%7B%22label%22:%5B%22k%3Dv%22%5D%7D", t);
    // nothing that would split the query survives literally
    String query = t.substring(t.indexOf('?') + 1);
    assertEquals(4, query.split("&").length);
    for (String pair : query.split("&")) {
      assertEquals(2, pair.split("=", -1).length, pair);
      assertFalse(pair.contains("+"), pair);
      assertFalse(pair.contains(" "), pair);
      assertFalse(pair.contains("\""), pair);
      assertFalse(pair.contains("{"), pair);
    }
  }

  @Test
  void queryNamesAreEncodedToo() {
    assertEquals("/x?a%26b=1", Request.get("/x").query("a&b", 1).build().target());
  }

  @Test
  void semicolonAndHashInQueryAreEncoded() {
    assertEquals("/x?v=a%3Bb%23c", Request.get("/x").query("v", "a;b#c").build().target());
  }

  @Test
  void nullQueryValuesAreSkippedAndOrderIsKept() {
    Request r = Request.get("/containers/json")
        .query("all", true)
        .query("limit", null)
        .query("size", 5)
        .query("all", false)
        .build();
    assertEquals("/containers/json?all=true&size=5&all=false", r.target());
    assertEquals(List.of(Map.entry("all", "true"), Map.entry("size", "5"), Map.entry("all", "false")), r.query());
    assertEquals("true", r.queryParameter("all"));
    assertNull(r.queryParameter("limit"));
  }

  @Test
  void removeQueryRemovesEveryOccurrence() {
    Request r = Request.get("/x").query("a", 1).query("b", 2).query("a", 3).removeQuery("a").build();
    assertEquals("/x?b=2", r.target());
  }

  @Test
  void rawTargetIsSentVerbatim() {
    Request r = Request.get("/ignored path").rawTarget("/v1.41/containers/json?filters=%7B%7D&x=%2B").build();
    assertEquals("/v1.41/containers/json?filters=%7B%7D&x=%2B", r.target());
    assertEquals("/v1.41/containers/json?filters=%7B%7D&x=%2B", r.rawTarget());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/a b", "relative/path", "http://host/x", "/a\tb", "/caf\u00e9", "/a\r\nX-Evil: 1"})
  void invalidRawTargetsAreRejected(String target) {
    assertThrows(IllegalArgumentException.class, () -> Request.get("/x").rawTarget(target));
  }

  @ParameterizedTest
  @ValueSource(strings = {"get", "Post", "", "GE T", "G\r\nET"})
  void invalidMethodsAreRejected(String method) {
    assertThrows(IllegalArgumentException.class, () -> Request.builder(method, "/x"));
  }

  @Test
  void pathMustStartWithSlash() {
    IllegalArgumentException ex =
        assertThrows(IllegalArgumentException.class, () -> Request.get("containers/json"));
    assertTrue(ex.getMessage().contains("/"), ex.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Request.get(""));
  }

  @Test
  void negativeTimeoutsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Request.get("/x").callTimeout(Duration.ofSeconds(-1)));
    assertThrows(IllegalArgumentException.class, () -> Request.get("/x").readTimeout(Duration.ofMillis(-1)));
  }

  @Test
  void zeroAndNullTimeoutsAreAllowed() {
    Request r = Request.get("/x").callTimeout(Duration.ZERO).readTimeout(Duration.ZERO).build();
    assertEquals(Duration.ZERO, r.callTimeout());
    assertEquals(Duration.ZERO, r.readTimeout());
    Request d = Request.get("/x").callTimeout(null).readTimeout(null).build();
    assertNull(d.callTimeout());
    assertNull(d.readTimeout());
  }

  @Test
  void toStringNamesMethodTemplateAndOperationButNoSecrets() {
    Request r = Request.post("/containers/abc123def/start")
        .operation("ContainerStart", "/containers/{id}/start")
        .header("X-Registry-Auth", "c2VjcmV0LWF1dGgtdG9rZW4=")
        .header("Authorization", "Bearer top-secret-token")
        .body(RequestBody.json("{\"password\":\"hunter2\"}"))
        .query("secretq", "qval")
        .build();
    String s = r.toString();
    assertTrue(s.contains("POST"), s);
    assertTrue(s.contains("/containers/{id}/start"), s);
    assertTrue(s.contains("ContainerStart"), s);
    assertFalse(s.contains("c2VjcmV0LWF1dGgtdG9rZW4="), s);
    assertFalse(s.contains("top-secret-token"), s);
    assertFalse(s.contains("hunter2"), s);
    assertFalse(s.contains("abc123def"), s);
  }

  @Test
  void pathTemplateDefaultsToPath() {
    Request r = Request.get("/info").build();
    assertEquals("/info", r.pathTemplate());
    assertNull(r.operationId());
    assertEquals("GET /info", r.toString());
  }

  @Test
  void toBuilderRoundTrips() {
    RequestBody body = RequestBody.json("{}");
    Request r = Request.put("/containers/x/archive")
        .query("path", "/tmp")
        .query("noOverwriteDirNonDir", true)
        .header("X-A", "1")
        .header("X-B", "2")
        .body(body)
        .callTimeout(Duration.ofSeconds(3))
        .readTimeout(Duration.ofSeconds(4))
        .operation("PutContainerArchive", "/containers/{id}/archive")
        .build();
    Request copy = r.toBuilder().build();
    assertEquals(r.method(), copy.method());
    assertEquals(r.path(), copy.path());
    assertEquals(r.query(), copy.query());
    assertEquals(r.headers(), copy.headers());
    assertSame(r.body(), copy.body());
    assertEquals(r.callTimeout(), copy.callTimeout());
    assertEquals(r.readTimeout(), copy.readTimeout());
    assertEquals(r.operationId(), copy.operationId());
    assertEquals(r.pathTemplate(), copy.pathTemplate());
    assertEquals(r.target(), copy.target());
    assertNull(copy.rawTarget());

    Request changed = r.toBuilder().header("X-C", "3").query("extra", "e").build();
    assertEquals(List.of("1"), changed.headers().all("x-a"));
    assertEquals("3", changed.headers().first("X-C"));
    assertEquals(3, changed.headers().size());
    assertEquals("e", changed.queryParameter("extra"));
    // the original is untouched
    assertEquals(2, r.headers().size());
    assertNull(r.queryParameter("extra"));
  }

  @Test
  void builtRequestIsNotAffectedByLaterBuilderChanges() {
    Request.Builder b = Request.get("/x").query("a", 1).header("X-A", "1");
    Request r = b.build();
    b.query("b", 2).header("X-B", "2");
    assertEquals("/x?a=1", r.target());
    assertEquals(1, r.headers().size());
  }

  @Test
  void rawTargetSurvivesToBuilder() {
    Request r = Request.get("/x").rawTarget("/v1.41/x?y=%20").build();
    assertEquals("/v1.41/x?y=%20", r.toBuilder().build().target());
  }
}
