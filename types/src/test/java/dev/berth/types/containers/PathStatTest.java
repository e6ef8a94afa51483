package dev.berth.types.containers;

import static dev.berth.types.TestJson.ENGINE_20_10;
import static dev.berth.types.TestJson.read;
import static dev.berth.types.TestJson.resource;
import static dev.berth.types.TestJson.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PathStatTest {

  /** Path to header value, from {@code HEAD /containers/{id}/archive?path=...}. */
  private static Map<String, String> captured() {
    Map<String, String> values = new LinkedHashMap<>();
    resource(ENGINE_20_10 + "archive-path-stats.txt").lines()
        .filter(line -> !line.isBlank())
        .forEach(line -> {
          String[] parts = line.split(" ", 2);
          values.put(parts[0], parts[1]);
        });
    return values;
  }

  private static String base64(String json) {
    return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void decodesRealHeaderOfDirectory() {
    PathStat dir = PathStat.fromHeader(captured().get("/newdir"));
    assertEquals(new PathStat("newdir", 4096L, 2_147_484_141L, "2026-11-26T22:33:55.269399168Z",
        ""), dir);
    assertTrue(dir.isDirectory());
    assertFalse(dir.isSymlink());
    assertEquals(0755, dir.permissions());
  }

  @Test
  void decodesRealHeaderOfFile() {
    PathStat file = PathStat.fromHeader(captured().get("/newdir/f"));
    assertEquals("f", file.name());
    assertEquals(5L, file.size(), "\"data\\n\"");
    assertEquals(0644, file.permissions());
    assertFalse(file.isDirectory());
    assertFalse(file.isSymlink());
  }

  @Test
  void decodesRealHeaderOfSymlink() {
    // the link is "sh -> busybox"; the engine resolves the target to an absolute path
    PathStat link = PathStat.fromHeader(captured().get("/bin/sh"));
    assertTrue(link.isSymlink());
    assertFalse(link.isDirectory());
    assertEquals("/bin/busybox", link.linkTarget());
    assertEquals(7L, link.size(), "the length of the link's own text, \"busybox\"");
    assertEquals(0777, link.permissions());
    assertEquals(PathStat.MODE_SYMLINK | 0777, link.mode());
    assertEquals("2026-11-26T22:09:42Z", link.mtime());
  }

  @Test
  void decodesStickyBitAtGoPosition() {
    PathStat tmp = PathStat.fromHeader(captured().get("/tmp"));
    assertTrue(tmp.isDirectory());
    assertEquals(PathStat.MODE_DIR | PathStat.MODE_STICKY | 0777, tmp.mode(),
        "Go puts sticky at 1<<20, not at POSIX 01000");
    assertEquals(0777, tmp.permissions());
  }

  @Test
  void decodesHeaderAsSentInFullResponse() {
    String header = resource(ENGINE_20_10 + "archive-head-headers.txt").lines()
        .filter(line -> line.regionMatches(true, 0, "X-Docker-Container-Path-Stat:", 0, 29))
        .map(line -> line.substring(29))
        .findFirst().orElseThrow();
    assertEquals("sh", PathStat.fromHeader(header).name(), "surrounding blanks are ignored");
  }

  @Test
  void decodesEscapesAndIgnoresUnknownMembers() {
    PathStat stat = PathStat.fromHeader(base64(
        "{\"name\":\"a \\\"q\\\" \\u00e9\\n\",\"size\":0,\"mode\":420,"
            + "\"future\":{\"x\":[1,2.5,true,null]}}"));
    assertEquals("a \"q\" \u00e9\n", stat.name());
    assertEquals(0L, stat.size());
    assertNull(stat.mtime());
    assertNull(stat.linkTarget());
    assertEquals(0, new PathStat(null, null, null, null, null).permissions());
    assertFalse(new PathStat(null, null, null, null, null).isDirectory());
  }

  @Test
  void rejectsMalformedHeaders() {
    assertThrows(NullPointerException.class, () -> PathStat.fromHeader(null));
    assertThrows(IllegalArgumentException.class, () -> PathStat.fromHeader("%%%"));
    assertThrows(IllegalArgumentException.class, () -> PathStat.fromHeader(base64("[1]")));
    assertThrows(IllegalArgumentException.class, () -> PathStat.fromHeader(base64("{")));
    assertThrows(IllegalArgumentException.class,
        () -> PathStat.fromHeader(base64("{\"name\":1}")), "wrong member type");
    assertThrows(IllegalArgumentException.class,
        () -> PathStat.fromHeader(base64("{\"size\":\"1\"}")));
    assertThrows(IllegalArgumentException.class,
        () -> PathStat.fromHeader(base64("{\"size\":1.5}")));
    assertThrows(IllegalArgumentException.class,
        () -> PathStat.fromHeader(base64("{\"size\":99999999999999999999}")));
    assertThrows(IllegalArgumentException.class,
        () -> PathStat.fromHeader(base64("{\"name\":\"x\"} trailing")));
  }

  @Test
  void serialisesOnlyTheFiveFields() {
    PathStat dir = PathStat.fromHeader(captured().get("/newdir"));
    JsonNode json = tree(dir);
    assertEquals(5, json.size(), json.toString());
    assertFalse(json.has("directory"));
    assertFalse(json.has("symlink"));
    assertEquals(dir, read(json.toString(), PathStat.class));
  }
}
