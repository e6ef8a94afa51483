package dev.berth.images.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferencesTest {

  @Test
  void splitsTagsAfterTheLastSlashAndDigestsAtTheAt() {
    assertEquals(new References.Parts("busybox", "local", null), References.split("busybox:local"));
    assertEquals(new References.Parts("busybox", null, null), References.split("busybox"));
    assertEquals(new References.Parts("127.0.0.1:5000/app", null, null), References.split("127.0.0.1:5000/app"));
    assertEquals(new References.Parts("127.0.0.1:5000/a/b", "1.2", null), References.split("127.0.0.1:5000/a/b:1.2"));
    References.Parts d = References.split("localhost:5000/app@sha256:abc");
    assertEquals(new References.Parts("localhost:5000/app", null, "sha256:abc"), d);
    assertEquals("sha256:abc", d.tagOrDigest());
  }

  @Test
  void checksRepositoriesAndTagsWithTheReferenceGrammar() {
    for (String ok : List.of("a", "berth-test-1234-x", "a.b_c__d---e/f", "localhost:5000/x", "127.0.0.1:5001/a/b",
        "Registry.Example.com/x", "[::1]:5000/x")) {
      assertEquals(ok, References.checkRepository(ok));
    }
    for (String bad : List.of("UPPER", "a/B", "a_", "-a", "a//b", "a:b", "", "x/", "a".repeat(256))) {
      assertThrows(IllegalArgumentException.class, () -> References.checkRepository(bad), bad);
    }
    for (String ok : List.of("1", "latest", "v1.2-rc_3", "A", "x".repeat(128))) {
      assertEquals(ok, References.checkTag(ok));
    }
    for (String bad : List.of("", ".a", "-a", "b@d", "a:b", "x".repeat(129))) {
      assertThrows(IllegalArgumentException.class, () -> References.checkTag(bad), bad);
    }
  }
}
