package dev.berth.types.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MiniJsonTest {

  @Test
  void parsesAllValueKinds() {
    Map<String, Object> o = MiniJson.parseObject(" {\"s\": \"a\\\\b\\/c\\t\\u0041\","
        + " \"i\": -12, \"big\": 18446744073709551615, \"d\": 1.5e2, \"z\": 0,"
        + " \"t\": true, \"f\": false, \"n\": null, \"a\": [1, [], {}],"
        + " \"o\": {\"k\": \"v\"}} ");
    assertEquals("a\\b/c\tA", o.get("s"));
    assertEquals(-12L, o.get("i"));
    assertEquals(new BigInteger("18446744073709551615"), o.get("big"));
    assertEquals(new BigDecimal("1.5e2"), o.get("d"));
    assertEquals(0L, o.get("z"));
    assertEquals(Boolean.TRUE, o.get("t"));
    assertEquals(Boolean.FALSE, o.get("f"));
    assertNull(o.get("n"));
    assertEquals(Arrays.asList(1L, List.of(), Map.of()), o.get("a"));
    assertEquals(Map.of("k", "v"), o.get("o"));
    assertEquals(List.of("s", "i", "big", "d", "z", "t", "f", "n", "a", "o"),
        List.copyOf(o.keySet()), "document order");
    assertEquals(Map.of(), MiniJson.parseObject("{}"));
  }

  @Test
  void rejectsMalformedInput() {
    for (String bad : List.of("", "[]", "{", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{a:1}",
        "{\"a\":01}", "{\"a\":-}", "{\"a\":1.}", "{\"a\":1e}", "{\"a\":tru}",
        "{\"a\":\"x}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\u0001\"}",
        "{\"a\":1}{", "{\"a\":1,\"a\":2}", "{\"a\":[1 2]}")) {
      assertThrows(IllegalArgumentException.class, () -> MiniJson.parseObject(bad), bad);
    }
  }

  @Test
  void limitsDepthAndLength() {
    String deep = "{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}";
    assertThrows(IllegalArgumentException.class, () -> MiniJson.parseObject(deep));
    String shallow = "{\"a\":" + "[".repeat(20) + "]".repeat(20) + "}";
    assertEquals(1, MiniJson.parseObject(shallow).size());
    String longText = "{\"a\":\"" + "x".repeat(MiniJson.MAX_LENGTH) + "\"}";
    assertThrows(IllegalArgumentException.class, () -> MiniJson.parseObject(longText));
  }
}
