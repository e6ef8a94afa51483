package dev.berth.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeadersTest {

  @Test
  void lookupIgnoresCase() {
    Headers h = Headers.of("Content-Type", "application/json", "X-Multi", "a", "x-multi", "b");
    assertEquals("application/json", h.first("content-type"));
    assertEquals("application/json", h.first("CONTENT-TYPE"));
    assertEquals(List.of("a", "b"), h.all("X-MULTI"));
    assertTrue(h.contains("x-MuLtI"));
    assertFalse(h.contains("Accept"));
    assertNull(h.first("Accept"));
    assertEquals(List.of(), h.all("Accept"));
    assertEquals(3, h.size());
    assertEquals("X-Multi", h.name(1));
    assertEquals("b", h.value(2));
    assertEquals(Set.of("Content-Type", "X-Multi", "x-multi"), h.names());
  }

  @Test
  void allIsUnmodifiable() {
    Headers h = Headers.of("A", "1", "a", "2");
    assertThrows(UnsupportedOperationException.class, () -> h.all("a").add("3"));
  }

  @Test
  void setReplacesEveryFieldOfThatName() {
    Headers h = Headers.builder().add("Accept", "a").add("X-Other", "o").add("accept", "b")
        .set("ACCEPT", "c").build();
    assertEquals(List.of("c"), h.all("accept"));
    assertEquals("o", h.first("x-other"));
    assertEquals(2, h.size());
  }

  @Test
  void removeRemovesEveryFieldOfThatNameIgnoringCase() {
    Headers h = Headers.of("A", "1", "B", "2", "a", "3").toBuilder().remove("a").build();
    assertFalse(h.contains("A"));
    assertEquals(1, h.size());
    assertEquals("2", h.first("b"));
  }

  @Test
  void emptyBuilderGivesEmpty() {
    assertSame(Headers.EMPTY, Headers.builder().build());
    assertSame(Headers.EMPTY, Headers.of("A", "1").toBuilder().remove("a").build());
    assertEquals(0, Headers.EMPTY.size());
  }

  @Test
  void toBuilderDoesNotChangeTheOriginal() {
    Headers h = Headers.of("A", "1");
    Headers h2 = h.toBuilder().add("B", "2").set("A", "x").build();
    assertEquals("1", h.first("A"));
    assertEquals(1, h.size());
    assertEquals("x", h2.first("a"));
  }

  @Test
  void equalityIsByFieldsInOrder() {
    assertEquals(Headers.of("A", "1", "B", "2"), Headers.of("A", "1", "B", "2"));
    assertEquals(Headers.of("A", "1").hashCode(), Headers.of("A", "1").hashCode());
    assertFalse(Headers.of("A", "1", "B", "2").equals(Headers.of("B", "2", "A", "1")));
  }

  @Test
  void oddNumberOfArgumentsIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> Headers.of("A", "1", "B"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"X-Registry-Auth", "x-registry-auth", "Authorization", "AUTHORIZATION",
      "X-Registry-Config", "Proxy-Authorization", "Cookie"})
  void toStringRedactsCredentials(String name) {
    String secret = "eyJ1c2VybmFtZSI6ImJvYiIsInBhc3N3b3JkIjoiaHVudGVyMiJ9";
    Headers h = Headers.of("Accept", "application/json", name, secret);
    String s = h.toString();
    assertFalse(s.contains(secret), s);
    assertTrue(s.contains(name), s);
    assertTrue(s.contains("application/json"), s);
    assertTrue(Headers.isSensitive(name));
  }

  @Test
  void ordinaryHeadersAreNotSensitive() {
    assertFalse(Headers.isSensitive("Content-Type"));
    assertFalse(Headers.isSensitive("X-Registry"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\r", "\n", "\u0000", "\r\nX-Injected: yes"})
  void controlCharactersInValuesAreRejectedWithoutEchoingTheValue(String bad) {
    String value = "s3cr3t-token" + bad + "tail";
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
        () -> Headers.builder().add("X-Registry-Auth", value));
    assertFalse(ex.getMessage().contains("s3cr3t-token"), ex.getMessage());
    assertFalse(ex.getMessage().contains("tail"), ex.getMessage());
    assertTrue(ex.getMessage().contains("X-Registry-Auth"), ex.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Headers.builder().set("X-A", value));
    assertThrows(IllegalArgumentException.class, () -> Headers.of("X-A", value));
  }

  @Test
  void tabAndLatin1ValuesAreAllowed() {
    Headers h = Headers.of("X-A", "a\tb", "X-B", "caf\u00e9");
    assertEquals("a\tb", h.first("x-a"));
    assertEquals("caf\u00e9", h.first("x-b"));
  }

  @Test
  void nullValueIsRejected() {
    assertThrows(NullPointerException.class, () -> Headers.builder().add("X-A", null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "X A", "X:A", "X\rA", "X\nA", "X\u0000A", "\tX", "X-\u00e9", "X\u007f"})
  void invalidNamesAreRejected(String name) {
    assertThrows(IllegalArgumentException.class, () -> Headers.builder().add(name, "v"));
  }

  /**
   * RFC 9110: a field name is a token, and delimiters are not token characters; Go's HTTP server
   * (Docker, Podman) answers 400 to such a name, so the builder should refuse it up front.
   */
  @Test
  void namesWithDelimitersAreRejected() {
    List<String> accepted = new java.util.ArrayList<>();
    for (String name : List.of("X(A)", "X\"A", "X,A", "X/A", "X;A", "X=A", "X{A}", "X@A", "X[A]", "X?A")) {
      try {
        Headers.builder().add(name, "v");
        accepted.add(name);
      } catch (IllegalArgumentException expected) {
        // good
      }
    }
    assertEquals(List.of(), accepted, "header names that are not RFC 9110 tokens were accepted");
  }

  @Test
  void nullNameIsRejected() {
    assertThrows(NullPointerException.class, () -> Headers.builder().add(null, "v"));
  }

  /** Issue 18, "also": a user's own authentication header joins the redaction list. */
  @Test
  void addedSensitiveHeadersAreRedactedToo() {
    Headers h = Headers.of("X-Gateway-Token-Issue18", "gw-s3cret", "Accept", "*/*");
    assertTrue(h.toString().contains("gw-s3cret"), "not redacted before it is added");
    Headers.addSensitive("x-gateway-token-ISSUE18");
    assertTrue(Headers.isSensitive("X-GATEWAY-TOKEN-issue18"));
    assertEquals("{X-Gateway-Token-Issue18: <redacted>, Accept: */*}", h.toString());
    assertThrows(IllegalArgumentException.class, () -> Headers.addSensitive(" "));
    assertThrows(NullPointerException.class, () -> Headers.addSensitive(null));
  }
}
