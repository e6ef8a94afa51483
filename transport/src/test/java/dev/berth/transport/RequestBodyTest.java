package dev.berth.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RequestBodyTest {

  /** Counts closes; otherwise a plain byte array stream. */
  static final class TrackingStream extends ByteArrayInputStream {
    int closes;

    TrackingStream(byte[] b) {
      super(b);
    }

    @Override
    public void close() throws IOException {
      closes++;
      super.close();
    }
  }

  private static byte[] write(RequestBody body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    body.writeTo(out);
    return out.toByteArray();
  }

  @Test
  void bytesBodyHasItsLengthAndTypeAndIsReplayable() throws IOException {
    byte[] data = {1, 2, 3, 4, 5};
    RequestBody b = RequestBody.of(data, "application/x-tar");
    assertEquals(5, b.contentLength());
    assertEquals("application/x-tar", b.contentType());
    assertTrue(b.isReplayable());
    assertArrayEquals(data, write(b));
    assertArrayEquals(data, write(b));
  }

  @Test
  void bytesBodyMayHaveNoContentType() {
    assertNull(RequestBody.of(new byte[0], null).contentType());
    assertEquals(0, RequestBody.of(new byte[0], null).contentLength());
  }

  @Test
  void jsonLengthCountsUtf8Bytes() throws IOException {
    String json = "{\"name\":\"caf\u00e9 \u65e5\"}";
    RequestBody b = RequestBody.json(json);
    byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
    assertEquals(utf8.length, b.contentLength());
    assertTrue(b.contentLength() > json.length());
    assertEquals("application/json", b.contentType());
    assertTrue(b.isReplayable());
    assertArrayEquals(utf8, write(b));
    assertArrayEquals(utf8, write(b));
  }

  @Test
  void jsonBytes() throws IOException {
    byte[] utf8 = "[1,2]".getBytes(StandardCharsets.UTF_8);
    RequestBody b = RequestBody.json(utf8);
    assertEquals(5, b.contentLength());
    assertEquals("application/json", b.contentType());
    assertArrayEquals(utf8, write(b));
  }

  @Test
  void toStringDoesNotShowTheContent() {
    RequestBody b = RequestBody.json("{\"password\":\"hunter2\"}");
    assertFalse(b.toString().contains("hunter2"), b.toString());
  }

  @Test
  void streamBodyIsOneShotAndClosesItsStream() throws IOException {
    byte[] data = new byte[100_000];
    new Random(1).nextBytes(data);
    TrackingStream in = new TrackingStream(data);
    RequestBody b = RequestBody.ofStream(in, "application/x-tar");
    assertEquals(-1, b.contentLength());
    assertEquals("application/x-tar", b.contentType());
    assertFalse(b.isReplayable());
    assertArrayEquals(data, write(b));
    assertTrue(in.closes >= 1, "stream closed after writing");
    IOException second = assertThrows(IOException.class, () -> write(b));
    assertTrue(second.getMessage().contains("once"), second.getMessage());
  }

  @Test
  void streamBodyWithLengthWritesExactlyThatMany() throws IOException {
    byte[] data = new byte[50_000];
    new Random(2).nextBytes(data);
    TrackingStream in = new TrackingStream(data);
    RequestBody b = RequestBody.ofStream(in, 40_000, null);
    assertEquals(40_000, b.contentLength());
    byte[] out = write(b);
    assertEquals(40_000, out.length);
    assertArrayEquals(java.util.Arrays.copyOf(data, 40_000), out);
    assertTrue(in.closes >= 1);
    assertThrows(IOException.class, () -> write(b));
  }

  @Test
  void shorterStreamThanDeclaredFailsAndStillCloses() {
    TrackingStream in = new TrackingStream(new byte[10]);
    RequestBody b = RequestBody.ofStream(in, 11, "application/octet-stream");
    IOException ex = assertThrows(IOException.class, () -> write(b));
    assertTrue(ex.getMessage().contains("11"), ex.getMessage());
    assertTrue(in.closes >= 1, "stream closed on failure too");
  }

  @Test
  void streamThatFailsIsClosed() {
    int[] closes = {0};
    InputStream failing = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("disk gone");
      }

      @Override
      public void close() {
        closes[0]++;
      }
    };
    RequestBody b = RequestBody.ofStream(failing, null);
    assertThrows(IOException.class, () -> write(b));
    assertTrue(closes[0] >= 1);
  }

  @Test
  void zeroLengthStream() throws IOException {
    RequestBody b = RequestBody.ofStream(new ByteArrayInputStream(new byte[5]), 0, null);
    assertEquals(0, write(b).length);
  }

  @Test
  void negativeDeclaredLengthIsRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> RequestBody.ofStream(new ByteArrayInputStream(new byte[0]), -2, null));
  }

  @Test
  void nullsAreRejected() {
    assertThrows(NullPointerException.class, () -> RequestBody.of(null, "x"));
    assertThrows(NullPointerException.class, () -> RequestBody.ofStream(null, "x"));
    assertThrows(NullPointerException.class, () -> RequestBody.json((byte[]) null));
  }
}
