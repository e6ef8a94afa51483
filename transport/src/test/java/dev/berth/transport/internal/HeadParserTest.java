package dev.berth.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ProtocolException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link HeadParser} without sockets. */
class HeadParserTest {
  private static final String PING = "HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Length: 2\r\n\r\n";

  private static HeadParser parser(ScriptedConnection c) {
    SlicedInput in = new SlicedInput(c, "test://peer");
    in.beginExchange(Duration.ZERO, 0, 0);
    return new HeadParser(in);
  }

  @Test
  void aHeadParsesWithStatusReasonAndFieldsInOrder() throws Exception {
    HeadParser.Head h = parser(new ScriptedConnection().then(PING)).readHead();
    assertEquals(1, h.version());
    assertEquals(200, h.status());
    assertEquals("OK", h.reason());
    assertEquals("1.41", h.headers().first("api-version"));
    assertEquals("2", h.headers().first("Content-Length"));
    assertEquals(2, h.headers().size());
  }

  @Test
  void aRepeatedAnswerReusesTheStringsOfThePreviousOne() throws Exception {
    HeadParser p = parser(new ScriptedConnection().then(PING + "OK").then(PING));
    HeadParser.Head first = p.readHead();
    byte[] body = new byte[2];
    // the body sits between the heads: skip it the way a response would
    SlicedInput in = fieldOf(p);
    in.read(body, 0, 2);
    HeadParser.Head second = p.readHead();
    assertSame(first.reason(), second.reason());
    assertSame(first.headers().name(0), second.headers().name(0));
    assertSame(first.headers().value(0), second.headers().value(0));
  }

  private static SlicedInput fieldOf(HeadParser p) throws Exception {
    java.lang.reflect.Field f = HeadParser.class.getDeclaredField("in");
    f.setAccessible(true);
    return (SlicedInput) f.get(p);
  }

  @Test
  void aHeadArrivingOneByteAtATimeParsesTheSame() throws Exception {
    ScriptedConnection c = new ScriptedConnection();
    for (char ch : PING.toCharArray()) {
      c.then(String.valueOf(ch));
    }
    HeadParser.Head h = parser(c).readHead();
    assertEquals(200, h.status());
    assertEquals("1.41", h.headers().first("Api-Version"));
  }

  @Test
  void interimAnswersAreSkippedButASwitchIsKept() throws Exception {
    HeadParser.Head h = parser(new ScriptedConnection().then("HTTP/1.1 100 Continue\r\n\r\n" + PING)).readHead();
    assertEquals(200, h.status());
    HeadParser.Head up = parser(new ScriptedConnection()
        .then("HTTP/1.1 101 UPGRADED\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n")).readHead();
    assertEquals(101, up.status());
    assertEquals("tcp", up.headers().first("Upgrade"));
  }

  @Test
  void malformedHeadsAreProtocolErrorsNamingThePeer() {
    for (String bad : new String[] {
        "HTTP/2.0 200 OK\r\n\r\n", "HTTP/1.1 2x0 OK\r\n\r\n", "garbage\r\n\r\n",
        "HTTP/1.1 200 OK\r\n folded: no\r\n\r\n", "HTTP/1.1 200 OK\r\nbad name: v\r\n\r\n",
        "HTTP/1.1 200 OK\r\nno colon\r\n\r\n", "HTTP/1.1 099 Low\r\n\r\n"}) {
      ProtocolException e = assertThrows(ProtocolException.class, () -> parser(new ScriptedConnection().then(bad)).readHead(), bad);
      assertTrue(e.getMessage().contains("test://peer"), e.getMessage());
    }
  }

  @Test
  void headsAreCappedInSizeAndFieldCount() {
    StringBuilder many = new StringBuilder("HTTP/1.1 200 OK\r\n");
    for (int i = 0; i <= HeadParser.MAX_HEADER_FIELDS; i++) {
      many.append("X-").append(i).append(": v\r\n");
    }
    many.append("\r\n");
    assertThrows(ProtocolException.class, () -> parser(new ScriptedConnection().then(many.toString())).readHead());
    String huge = "HTTP/1.1 200 OK\r\nX: " + "v".repeat(SlicedInput.MAX_HEAD_BYTES) + "\r\n\r\n";
    ProtocolException e = assertThrows(ProtocolException.class, () -> parser(new ScriptedConnection().then(huge)).readHead());
    assertTrue(e.getMessage().contains("exceeds"), e.getMessage());
  }
}
