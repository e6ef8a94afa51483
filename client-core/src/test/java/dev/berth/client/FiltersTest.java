package dev.berth.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FiltersTest {

  @Test
  void keepsInsertionOrderAndMultipleValues() {
    Filters f = Filters.builder()
        .add("status", "running")
        .add("label", "a=b", "c")
        .add("ancestor", "nginx")
        .add("label", "d=e")
        .build();
    assertEquals(List.of("status", "label", "ancestor"), List.copyOf(f.asMap().keySet()));
    assertEquals(List.of("a=b", "c", "d=e"), f.asMap().get("label"));
    assertEquals(List.of("running"), f.asMap().get("status"));
    assertFalse(f.isEmpty());
  }

  @Test
  void noneIsEmpty() {
    assertTrue(Filters.NONE.isEmpty());
    assertEquals(Map.of(), Filters.NONE.asMap());
    assertSame(Filters.NONE, Filters.builder().build());
  }

  @Test
  void nullValueIsRejected() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> Filters.builder().add("label", "a", null));
    assertTrue(e.getMessage().contains("label"), e.getMessage());
  }

  @Test
  void nullOrBlankNameIsRejected() {
    assertThrows(NullPointerException.class, () -> Filters.builder().add(null, "a"));
    assertThrows(IllegalArgumentException.class, () -> Filters.builder().add(" ", "a"));
  }

  @Test
  void isImmutable() {
    Filters f = Filters.builder().add("label", "a").build();
    assertThrows(UnsupportedOperationException.class, () -> f.asMap().put("x", List.of()));
    assertThrows(UnsupportedOperationException.class, () -> f.asMap().get("label").add("b"));
  }

  @Test
  void builderChangesAfterBuildDoNotLeak() {
    Filters.Builder b = Filters.builder().add("label", "a");
    Filters f = b.build();
    b.add("label", "b").add("status", "exited");
    assertEquals(List.of("a"), f.asMap().get("label"));
    assertEquals(1, f.asMap().size());
  }

  @Test
  void toBuilderAndEquality() {
    Filters f = Filters.builder().add("label", "a", "b").add("status", "exited").build();
    Filters g = f.toBuilder().build();
    assertEquals(f, g);
    assertEquals(f.hashCode(), g.hashCode());
    Filters h = f.toBuilder().add("label", "c").build();
    assertEquals(List.of("a", "b", "c"), h.asMap().get("label"));
    assertEquals(List.of("a", "b"), f.asMap().get("label"));
    assertFalse(f.equals(h));
  }
}
