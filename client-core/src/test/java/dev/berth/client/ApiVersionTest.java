package dev.berth.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiVersionTest {

  @Test
  void parsesPlainAndPrefixed() {
    ApiVersion v = ApiVersion.parse("1.41");
    assertEquals(1, v.major());
    assertEquals(41, v.minor());
    assertEquals(v, ApiVersion.parse("v1.41"));
    assertEquals(v, ApiVersion.parse(" 1.41 "));
    assertEquals(ApiVersion.of(1, 9), ApiVersion.parse("1.9"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "1.x", "", "1.2.3", ".41", "1.", "v", "x1.41", "-1.41", "1.-1", "1.41a", "one.two"})
  void rejectsMalformed(String s) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ApiVersion.parse(s));
    assertTrue(e.getMessage().contains(s.trim()), "message shows the input: " + e.getMessage());
  }

  @Test
  void rejectsNull() {
    assertThrows(NullPointerException.class, () -> ApiVersion.parse(null));
  }

  @Test
  void ofRejectsNegativeParts() {
    assertThrows(IllegalArgumentException.class, () -> ApiVersion.of(-1, 0));
    assertThrows(IllegalArgumentException.class, () -> ApiVersion.of(1, -1));
  }

  @Test
  void ordersNumericallyNotLexically() {
    ApiVersion v19 = ApiVersion.parse("1.9");
    ApiVersion v110 = ApiVersion.parse("1.10");
    ApiVersion v141 = ApiVersion.parse("1.41");
    ApiVersion v20 = ApiVersion.parse("2.0");
    assertTrue(v19.compareTo(v110) < 0);
    assertTrue(v110.compareTo(v141) < 0);
    assertTrue(v141.compareTo(v20) < 0);
    assertTrue(v141.compareTo(v19) > 0);
    assertEquals(0, v141.compareTo(ApiVersion.of(1, 41)));
    List<ApiVersion> list = new ArrayList<>(List.of(v20, v141, v19, v110));
    Collections.sort(list);
    assertEquals(List.of(v19, v110, v141, v20), list);
  }

  @Test
  void minPicksTheOlder() {
    ApiVersion a = ApiVersion.parse("1.43");
    ApiVersion b = ApiVersion.parse("1.9");
    assertSame(b, ApiVersion.min(a, b));
    assertSame(b, ApiVersion.min(b, a));
    assertEquals(ApiVersion.parse("1.24"), ApiVersion.min(ApiVersion.MAX, ApiVersion.MIN));
  }

  @Test
  void isAtLeast() {
    ApiVersion v = ApiVersion.parse("1.41");
    assertTrue(v.isAtLeast(ApiVersion.parse("1.41")));
    assertTrue(v.isAtLeast(ApiVersion.parse("1.9")));
    assertFalse(v.isAtLeast(ApiVersion.parse("1.42")));
    assertFalse(ApiVersion.parse("1.9").isAtLeast(ApiVersion.parse("1.10")));
  }

  @Test
  void equalsAndHashCode() {
    ApiVersion a = ApiVersion.parse("1.41");
    ApiVersion b = ApiVersion.of(1, 41);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, ApiVersion.of(1, 40));
    assertNotEquals(a, ApiVersion.of(2, 41));
    assertNotEquals(a, "1.41");
    assertNotEquals(a, null);
  }

  @Test
  void toStringIsTheWireForm() {
    assertEquals("1.41", ApiVersion.parse("v1.41").toString());
    assertEquals("1.9", ApiVersion.of(1, 9).toString());
    assertEquals(ApiVersion.parse("1.10"), ApiVersion.parse(ApiVersion.of(1, 10).toString()));
  }

  @Test
  void constantsAreConsistent() {
    assertTrue(ApiVersion.MAX.isAtLeast(ApiVersion.MIN));
    assertTrue(ApiVersion.FALLBACK.isAtLeast(ApiVersion.MIN));
  }
}
