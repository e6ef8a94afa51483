package dev.berth.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.transport.Request;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OperationTest {

  private static final Operation START = Operation.of("ContainerStart", "POST", "/containers/{id}/start");
  private static final Operation TWO = Operation.of("PluginX", "POST", "/a/{first}/b/{second}/c");
  private static final Operation TAG = Operation.of("ImageTag", "POST", "/images/{name}/tag");
  private static final Operation INFO = Operation.of("SystemInfo", "GET", "/info");

  @Test
  void fillsTheOnlyParameter() {
    Request r = START.request("abc").build();
    assertEquals("POST", r.method());
    assertEquals("/containers/abc/start", r.path());
    assertEquals("ContainerStart", r.operationId());
    assertEquals("/containers/{id}/start", r.pathTemplate());
  }

  @Test
  void fillsParametersInOrder() {
    Request r = TWO.request("one", "two").build();
    assertEquals("/a/one/b/two/c", r.path());
    assertEquals(List.of("first", "second"), TWO.pathParameters());
  }

  @Test
  void operationWithoutParameters() {
    Request r = INFO.request().build();
    assertEquals("/info", r.path());
    assertEquals("SystemInfo", r.operationId());
    assertEquals(List.of(), INFO.pathParameters());
  }

  @Test
  void wrongCountNamesTheParameters() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TWO.request("one"));
    assertTrue(e.getMessage().contains("first"), e.getMessage());
    assertTrue(e.getMessage().contains("second"), e.getMessage());
    assertTrue(e.getMessage().contains("PluginX"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TWO.request("a", "b", "c"));
    assertThrows(IllegalArgumentException.class, () -> INFO.request("x"));
    assertThrows(IllegalArgumentException.class, () -> START.request());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t"})
  void emptyOrBlankValueIsRejected(String v) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> START.request(v));
    assertTrue(e.getMessage().contains("id"), e.getMessage());
  }

  @Test
  void nullValueIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> START.request((String) null));
  }

  @ParameterizedTest
  @ValueSource(strings = {".", "..", "../images/json", "a/../b", "a/./b", "x/..", "./x"})
  void dotSegmentsAreRejected(String v) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> START.request(v));
    assertTrue(e.getMessage().contains("id"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost:5000/a/b:tag", "nginx:1.25", "repo@sha256:abcdef", "a.b", "...", "..a", "v1..2"})
  void imageLikeValuesAreAccepted(String v) {
    Request r = TAG.request(v).build();
    assertEquals("/images/" + v + "/tag", r.path());
    assertEquals("/images/{name}/tag", r.pathTemplate());
  }

  @Test
  void imageNameIsRoutableOnTheWire() {
    assertEquals("/images/localhost:5000/a/b:tag/tag", TAG.request("localhost:5000/a/b:tag").build().target());
  }

  @Test
  void sinceAndAccessors() {
    Operation op = Operation.of("X", "GET", "/x/{id}", ApiVersion.parse("1.44"));
    assertEquals(ApiVersion.parse("1.44"), op.since());
    assertNull(START.since());
    assertEquals("ContainerStart", START.id());
    assertEquals("POST", START.method());
    assertEquals("/containers/{id}/start", START.pathTemplate());
    assertEquals("ContainerStart POST /containers/{id}/start", START.toString());
  }

  @Test
  void unclosedBraceIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> Operation.of("X", "GET", "/x/{id"));
  }

  @Test
  void builderCanStillBeChanged() {
    Request r = START.request("abc").query("detachKeys", "ctrl-p").build();
    assertEquals("/containers/abc/start?detachKeys=ctrl-p", r.target());
  }
}
