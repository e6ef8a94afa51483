package dev.berth.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.transport.Request;
import dev.berth.transport.RequestBody;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link RequestWriter} without sockets: the exact bytes of request heads and bodies. */
class RequestWriterTest {
  private final ScriptedConnection c = new ScriptedConnection();
  private final RequestWriter w = new RequestWriter(c.output());

  @Test
  void aGetHasHostAndUserAgentAndNoLength() throws IOException {
    w.writeRequest(Request.get("/v1.41/containers/json").query("all", "1").header("X-A", "b").build(), "docker", false);
    assertEquals("GET /v1.41/containers/json?all=1 HTTP/1.1\r\nHost: docker\r\nX-A: b\r\nUser-Agent: "
        + Version.USER_AGENT + "\r\n\r\n", c.writtenText());
    assertTrue(w.requestSent);
  }

  @Test
  void aPostWithoutBodySaysZeroAndFramingHeadersAreOurs() throws IOException {
    w.writeRequest(Request.post("/x").header("Content-Length", "99").header("Host", "evil")
        .header("User-Agent", "me").build(), "docker", false);
    assertEquals("POST /x HTTP/1.1\r\nHost: docker\r\nUser-Agent: me\r\nContent-Length: 0\r\n\r\n", c.writtenText());
  }

  @Test
  void aFixedBodyGoesWithItsLengthAndType() throws IOException {
    w.writeRequest(Request.post("/x").body(RequestBody.json("{\"a\":1}")).build(), "docker", false);
    String s = c.writtenText();
    assertTrue(s.contains("Content-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"a\":1}"), s);
  }

  @Test
  void aBodyOfUnknownLengthIsChunked() throws IOException {
    byte[] data = "hello world".getBytes(StandardCharsets.US_ASCII);
    w.writeRequest(Request.post("/x").body(RequestBody.ofStream(new ByteArrayInputStream(data), "application/x-tar")).build(),
        "docker", false);
    String s = c.writtenText();
    assertTrue(s.contains("Transfer-Encoding: chunked\r\n\r\n"), s);
    assertTrue(s.endsWith("b\r\nhello world\r\n0\r\n\r\n"), s);
  }

  @Test
  void aBodyShorterThanItsDeclaredLengthFails() {
    RequestBody shortOne = RequestBody.ofStream(new ByteArrayInputStream(new byte[3]), 5, "application/octet-stream");
    IOException e = assertThrows(IOException.class,
        () -> w.writeRequest(Request.post("/x").body(shortOne).build(), "docker", false));
    assertTrue(e.getMessage().contains("declared"), e.getMessage());
    assertFalse(w.requestSent);
    assertFalse(w.socketWriteFailed, "the body's source failed, not the socket");
  }

  @Test
  void anUpgradeAsksForTcpAndDropsTheCallersConnectionHeaders() throws IOException {
    w.writeRequest(Request.post("/exec/1/start").header("Connection", "close").build(), "docker", true);
    String s = c.writtenText();
    assertTrue(s.endsWith("Content-Length: 0\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n"), s);
    assertFalse(s.contains("close"));
  }

  @Test
  void aLineBreakInAHeaderIsRefusedAndNothingIsWritten() {
    assertThrows(IllegalArgumentException.class,
        () -> w.writeRequest(Request.get("/x").header("X-A", "v\r\nInjected: 1").build(), "docker", false));
    assertEquals("", c.writtenText());
  }

  @Test
  void aFailingSocketIsRecorded() {
    c.failWrites = true;
    assertThrows(IOException.class, () -> w.writeRequest(Request.get("/x").build(), "docker", false));
    assertTrue(w.socketWriteFailed);
    w.reset();
    assertFalse(w.socketWriteFailed);
  }
}
