package dev.berth.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@link ForwardingResponse#observe}, {@link ForwardingRawStream#observe} and {@link InMemoryResponse}. */
class ObservedStreamsTest {
  private final List<StreamEnd> ends = new CopyOnWriteArrayList<>();

  private static InMemoryResponse body(String s) {
    return InMemoryResponse.builder(200).body(s.getBytes(StandardCharsets.UTF_8), "text/plain").build();
  }

  @Test
  void aBodyReadToItsEndIsCompleteWithItsByteCountAndToldOnce() throws IOException {
    InMemoryResponse inner = body("hello");
    Response r = ForwardingResponse.observe(inner, ends::add);
    assertEquals("hello", new String(r.body().stream().readAllBytes(), StandardCharsets.UTF_8));
    assertTrue(ends.isEmpty(), "the end is the close, not the end of the body");
    r.close();
    r.close();
    assertEquals(1, ends.size(), "told once");
    assertEquals(5, ends.get(0).bytesRead());
    assertTrue(ends.get(0).isComplete());
    assertNull(ends.get(0).failure());
    assertTrue(inner.isClosed(), "closing the wrapper closes the response underneath");
  }

  @Test
  void aBodyClosedEarlyIsIncompleteAndNotAFailure() throws IOException {
    Response r = ForwardingResponse.observe(body("hello world"), ends::add);
    assertEquals('h', r.body().stream().read());
    r.close();
    assertEquals(1, ends.size());
    assertEquals(1, ends.get(0).bytesRead());
    assertFalse(ends.get(0).isComplete());
    assertNull(ends.get(0).failure());
  }

  @Test
  void aFailingReadEndsWithThatFailureRethrownUnchanged() {
    IOException boom = new IOException("boom");
    Response failing = new ForwardingResponse(body("x")) {
      @Override
      public ResponseBody body() {
        ResponseBody real = super.body();
        return new ResponseBody() {
          @Override public long contentLength() { return real.contentLength(); }
          @Override public String contentType() { return real.contentType(); }
          @Override public InputStream stream() {
            return new InputStream() {
              @Override public int read() throws IOException { throw boom; }
            };
          }
          @Override public byte[] bytes(int max) throws IOException { throw boom; }
        };
      }
    };
    Response r = ForwardingResponse.observe(failing, ends::add);
    IOException thrown = assertThrows(IOException.class, () -> r.body().stream().read(new byte[4]));
    assertSame(boom, thrown);
    r.close();
    assertSame(boom, ends.get(0).failure());
    assertFalse(ends.get(0).isComplete());
  }

  @Test
  void bytesReadsAtMostTheCapAndCloses() throws IOException {
    InMemoryResponse inner = body("0123456789");
    Response r = ForwardingResponse.observe(inner, ends::add);
    assertArrayEquals("0123".getBytes(StandardCharsets.UTF_8), r.body().bytes(4));
    assertTrue(inner.isClosed());
    assertEquals(4, ends.get(0).bytesRead());
    assertEquals(200, r.status());
    assertEquals("text/plain", r.body().contentType());
    assertEquals(10, r.body().contentLength());
  }

  @Test
  void inMemoryResponseIsOneShotAndRefusesReadsAfterClose() throws IOException {
    InMemoryResponse r = InMemoryResponse.builder(404).reason("Not Found")
        .header("Server", "fake").json("{\"message\":\"no\"}").build();
    assertEquals(404, r.status());
    assertEquals("Not Found", r.reason());
    assertEquals("application/json", r.headers().first("Content-Type"));
    assertEquals("fake", r.headers().first("Server"));
    assertEquals('{', r.body().stream().read());
    assertFalse(r.isClosed());
    r.body().stream().close();
    assertTrue(r.isClosed());
    assertThrows(IOException.class, () -> r.body().stream().read());
    assertThrows(IllegalArgumentException.class, () -> InMemoryResponse.builder(42));
  }

  @Test
  void rawStreamCountsBothDirectionsAndEndsOnCloseOnly() throws IOException {
    ByteArrayOutputStream sent = new ByteArrayOutputStream();
    boolean[] halfClosed = new boolean[1];
    RawStream fake = new RawStream() {
      private final InputStream in = new ByteArrayInputStream("out".getBytes(StandardCharsets.UTF_8));
      @Override public int status() { return 101; }
      @Override public Headers headers() { return Headers.EMPTY; }
      @Override public InputStream input() { return in; }
      @Override public OutputStream output() { return sent; }
      @Override public void closeOutput() { halfClosed[0] = true; }
      @Override public void close() { }
    };
    RawStream raw = ForwardingRawStream.observe(fake, ends::add);
    raw.output().write("stdin".getBytes(StandardCharsets.UTF_8));
    raw.output().write('!');
    raw.closeOutput();
    assertTrue(halfClosed[0]);
    assertEquals("out", new String(raw.input().readAllBytes(), StandardCharsets.UTF_8));
    assertTrue(ends.isEmpty(), "a raw stream ends when closed, not at end of input");
    raw.close();
    raw.close();
    assertEquals(1, ends.size());
    assertEquals(3, ends.get(0).bytesRead());
    assertEquals(6, ends.get(0).bytesWritten());
    assertTrue(ends.get(0).isComplete());
    assertEquals("stdin!", sent.toString(StandardCharsets.UTF_8));
  }

  @Test
  void cancelTokenRunsActionsOnceAndAtOnceWhenAlreadyCancelled() {
    CancelToken token = new CancelToken();
    int[] runs = new int[3];
    token.onCancel(() -> runs[0]++);
    CancelToken.Registration removed = token.onCancel(() -> runs[1]++);
    removed.remove();
    token.cancel();
    token.cancel();
    assertEquals(1, runs[0]);
    assertEquals(0, runs[1], "a removed action does not run");
    token.onCancel(() -> runs[2]++);
    assertEquals(1, runs[2], "registered after cancel: runs at once");
  }
}
