package dev.berth.types.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildersAndExtraFieldsTest {

  record Sample(@JsonProperty("Name") String name, @JsonProperty("NanoCpus") Long nanoCpus,
      Map<String, Object> extra) {
  }

  @Test
  void extraNamesAreCheckedAgainstJsonNamesIgnoringCase() {
    ExtraFields.checkName(Sample.class, "Other");
    ExtraFields.checkName(Sample.class, "extra"); // the any-map itself has no JSON name
    assertThrows(IllegalArgumentException.class, () -> ExtraFields.checkName(Sample.class,
        "nanocpus"));
    assertThrows(IllegalArgumentException.class, () -> ExtraFields.checkName(Sample.class,
        "NAME"));
    assertThrows(NullPointerException.class, () -> ExtraFields.checkName(Sample.class, null));
  }

  @Test
  void copyRejectsExactRepeatsOnlyAndKeepsNullValues() {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("name", "case differs, so decoding keeps it");
    extra.put("Null", null);
    Map<String, Object> copy = ExtraFields.copy(Sample.class, extra);
    assertEquals(extra, copy);
    assertThrows(UnsupportedOperationException.class, () -> copy.put("x", 1));
    assertThrows(IllegalArgumentException.class,
        () -> ExtraFields.copy(Sample.class, Map.of("Name", "x")));
    assertEquals(Map.of(), ExtraFields.copy(Sample.class, null));
  }

  @Test
  void buildersHelpers() {
    List<String> list = Builders.add(null, "a");
    assertSame(list, Builders.add(list, "b"));
    assertEquals(List.of("a", "b"), list);
    assertThrows(NullPointerException.class, () -> Builders.add(new ArrayList<>(), null));

    Map<String, List<Integer>> map = new LinkedHashMap<>();
    map.put("k", List.of(1));
    Builders.append(map, "k", 2);
    assertEquals(Map.of("k", List.of(1, 2)), map, "an immutable list is copied first");
    assertEquals(Map.of("a", Map.of(), "b", Map.of()), Builders.emptyObjects(List.of("a", "b")));
    assertNull(Builders.mutableList(null));
    assertNull(Builders.mutableMap(null));
    assertNull(Builders.asList(null));
  }

  @Test
  void normalizeHelpers() {
    assertNull(Normalize.listOrNull(null));
    assertEquals(List.of(), Normalize.listOrNull(List.of()));
    Map<String, List<String>> ports = new LinkedHashMap<>();
    ports.put("80/tcp", null);
    assertEquals(Map.of("80/tcp", List.of()), Normalize.mapOfLists(ports));
    Map<String, Map<String, Object>> set = new LinkedHashMap<>();
    set.put("/data", null);
    assertEquals(Map.of("/data", Map.of()), Normalize.mapOfObjects(set));
    List<List<String>> rows = new ArrayList<>();
    rows.add(null);
    assertEquals(List.of(List.of()), Normalize.listOfLists(rows));
  }
}
