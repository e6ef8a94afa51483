package dev.berth.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.client.internal.Codec;
import dev.berth.transport.Headers;
import dev.berth.transport.Response;
import dev.berth.transport.ResponseBody;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class JsonStreamTest {

  private static final ObjectMapper MAPPER = Codec.mapper();
  private static final long PROMPT_MS = 5000;

  /** A small response type; the engine sends more fields than it declares. */
  public record Progress(String status, String id) {}

  /**
   * An in-memory {@link Response}: a unit-test double of the transport interface. As the real
   * transport does, closing the response closes the body stream.
   */
  static final class MemoryResponse implements Response {
    private final InputStream in;
    final AtomicInteger closes = new AtomicInteger();

    MemoryResponse(InputStream in) {
      this.in = in;
    }

    MemoryResponse(String body) {
      this(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    boolean isClosed() {
      return closes.get() > 0;
    }

    @Override
    public int status() {
      return 200;
    }

    @Override
    public String reason() {
      return "OK";
    }

    @Override
    public Headers headers() {
      return Headers.of("Content-Type", "application/json");
    }

    @Override
    public ResponseBody body() {
      return new ResponseBody() {
        @Override
        public long contentLength() {
          return -1;
        }

        @Override
        public String contentType() {
          return "application/json";
        }

        @Override
        public InputStream stream() {
          return in;
        }

        @Override
        public byte[] bytes(int maxBytes) throws IOException {
          try {
            return in.readNBytes(maxBytes);
          } finally {
            close();
          }
        }
      };
    }

    @Override
    public void close() {
      closes.incrementAndGet();
      try {
        in.close();
      } catch (IOException e) {
        // ignore
      }
    }
  }

  private static <T> JsonStream<T> stream(Response r, Class<T> type, boolean checkErrors) {
    JavaType t = MAPPER.getTypeFactory().constructType(type);
    return new JsonStream<>(r, MAPPER, t, "ImageCreate POST /images/create", checkErrors);
  }

  @Test
  void valuesSeparatedByCrLfAreDecodedInOrder() {
    MemoryResponse r = new MemoryResponse(
        "{\"status\":\"Pulling\",\"id\":\"a\"}\r\n{\"status\":\"Downloading\",\"id\":\"b\"}\r\n"
            + "{\"status\":\"Done\",\"id\":\"c\"}\r\n");
    JsonStream<Progress> s = stream(r, Progress.class, true);
    assertTrue(s.hasNext());
    assertEquals(new Progress("Pulling", "a"), s.next());
    assertEquals(new Progress("Downloading", "b"), s.next());
    assertEquals(new Progress("Done", "c"), s.next());
    assertFalse(s.hasNext());
    assertThrows(NoSuchElementException.class, s::next);
    assertTrue(r.isClosed(), "closed at the end");
  }

  @Test
  void valuesSeparatedByNothingAreDecodedInOrder() {
    MemoryResponse r = new MemoryResponse("{\"status\":\"1\"}{\"status\":\"2\"}{\"status\":\"3\"}");
    List<String> got = stream(r, Progress.class, false).stream().map(Progress::status).collect(Collectors.toList());
    assertEquals(List.of("1", "2", "3"), got);
  }

  @Test
  void hasNextIsIdempotent() {
    JsonStream<Progress> s = stream(new MemoryResponse("{\"status\":\"1\"}\n{\"status\":\"2\"}"), Progress.class, true);
    assertTrue(s.hasNext());
    assertTrue(s.hasNext());
    assertEquals("1", s.next().status());
    assertTrue(s.hasNext());
    assertEquals("2", s.next().status());
    assertFalse(s.hasNext());
    assertFalse(s.hasNext());
  }

  @Test
  void emptyBodyHasNoValues() {
    MemoryResponse r = new MemoryResponse("");
    JsonStream<Progress> s = stream(r, Progress.class, true);
    assertFalse(s.hasNext());
    assertTrue(r.isClosed());
  }

  @Test
  void errorLineAfterProgressRaisesStreamError() {
    MemoryResponse r = new MemoryResponse(
        "{\"status\":\"Pulling from library/x\",\"id\":\"latest\"}\r\n"
            + "{\"status\":\"Pulling fs layer\",\"id\":\"abc\"}\r\n"
            + "{\"errorDetail\":{\"code\":1,\"message\":\"unauthorized: bad creds\"},\"error\":\"unauthorized: bad creds\"}\r\n"
            + "{\"status\":\"never seen\"}\r\n");
    JsonStream<Progress> s = stream(r, Progress.class, true);
    assertEquals("Pulling from library/x", s.next().status());
    assertEquals("Pulling fs layer", s.next().status());
    StreamErrorException e = assertThrows(StreamErrorException.class, s::hasNext);
    assertEquals("unauthorized: bad creds", e.engineMessage());
    assertEquals(Integer.valueOf(1), e.code());
    assertTrue(e.getMessage().contains("ImageCreate"), e.getMessage());
    assertTrue(r.isClosed(), "response closed on the error");
    assertFalse(s.hasNext(), "nothing after the error");
  }

  @Test
  void errorWithoutDetail() {
    MemoryResponse r = new MemoryResponse("{\"error\":\"x\"}");
    JsonStream<Progress> s = stream(r, Progress.class, true);
    StreamErrorException e = assertThrows(StreamErrorException.class, s::next);
    assertEquals("x", e.engineMessage());
    assertNull(e.code());
    assertTrue(r.isClosed());
  }

  @Test
  void errorDetailWithoutErrorField() {
    MemoryResponse r = new MemoryResponse("{\"errorDetail\":{\"message\":\"denied\"}}");
    StreamErrorException e = assertThrows(StreamErrorException.class, stream(r, Progress.class, true)::hasNext);
    assertEquals("denied", e.engineMessage());
    assertNull(e.code());
  }

  @Test
  void withoutErrorCheckingAnErrorLineIsAValue() {
    MemoryResponse r = new MemoryResponse(
        "{\"status\":\"x\"}\n{\"errorDetail\":{\"code\":1,\"message\":\"unauthorized: bad creds\"},\"error\":\"unauthorized: bad creds\"}\n");
    @SuppressWarnings({"unchecked", "rawtypes"})
    JsonStream<Map<String, Object>> s = (JsonStream) stream(r, Map.class, false);
    assertEquals("x", s.next().get("status"));
    Map<String, Object> err = s.next();
    assertEquals("unauthorized: bad creds", err.get("error"));
    assertEquals(Map.of("code", 1, "message", "unauthorized: bad creds"), err.get("errorDetail"));
    assertFalse(s.hasNext());
  }

  @Test
  void garbageIsMalformedAndClosesTheResponse() {
    MemoryResponse r = new MemoryResponse("{\"status\":\"ok\"}\nthis is not json\n");
    JsonStream<Progress> s = stream(r, Progress.class, true);
    assertEquals("ok", s.next().status());
    MalformedResponseException e = assertThrows(MalformedResponseException.class, s::hasNext);
    assertTrue(e.getMessage().contains("ImageCreate"), e.getMessage());
    assertTrue(r.isClosed());
    assertFalse(s.hasNext());
  }

  @Test
  void garbageWithoutErrorCheckingIsMalformedToo() {
    MemoryResponse r = new MemoryResponse("<html>502 Bad Gateway</html>");
    assertThrows(MalformedResponseException.class, stream(r, Progress.class, false)::hasNext);
    assertTrue(r.isClosed());
  }

  @Test
  void truncatedValueIsMalformed() {
    MemoryResponse r = new MemoryResponse("{\"status\":\"ok\"}{\"status\":\"cut");
    JsonStream<Progress> s = stream(r, Progress.class, true);
    assertEquals("ok", s.next().status());
    assertThrows(MalformedResponseException.class, s::hasNext);
  }

  @Test
  void connectionFailureIsTransportException() {
    InputStream failing = new InputStream() {
      private final byte[] first = "{\"status\":\"a\"}\n".getBytes(StandardCharsets.UTF_8);
      private int pos;

      @Override
      public int read() throws IOException {
        if (pos < first.length) {
          return first[pos++];
        }
        throw new IOException("connection reset by peer");
      }
    };
    MemoryResponse r = new MemoryResponse(failing);
    JsonStream<Progress> s = stream(r, Progress.class, false);
    assertEquals("a", s.next().status());
    TransportException e = assertThrows(TransportException.class, s::hasNext);
    assertTrue(e.getMessage().contains("ImageCreate"), e.getMessage());
    assertTrue(r.isClosed());
  }

  @Test
  void unknownFieldsAreIgnored() {
    MemoryResponse r = new MemoryResponse(
        "{\"status\":\"Downloading\",\"id\":\"abc\",\"progressDetail\":{\"current\":1,\"total\":2},"
            + "\"progress\":\"[=>   ]\",\"somethingNew\":[1,2,3]}\n");
    for (boolean check : new boolean[] {true, false}) {
      JsonStream<Progress> s = stream(new MemoryResponse(
          "{\"status\":\"Downloading\",\"id\":\"abc\",\"progressDetail\":{\"current\":1},\"new\":true}"), Progress.class, check);
      assertEquals(new Progress("Downloading", "abc"), s.next());
    }
    assertEquals(new Progress("Downloading", "abc"), stream(r, Progress.class, true).next());
  }

  @Test
  void decodesIntoTrees() {
    JsonStream<JsonNode> s = stream(new MemoryResponse("{\"a\":1} [2] \"three\""), JsonNode.class, true);
    assertEquals(1, s.next().get("a").asInt());
    assertEquals(2, s.next().get(0).asInt());
    assertEquals("three", s.next().asText());
    assertFalse(s.hasNext());
  }

  @Test
  void streamDeliversValuesAndClosingItClosesTheResponse() {
    MemoryResponse r = new MemoryResponse("{\"status\":\"1\"}\n{\"status\":\"2\"}\n{\"status\":\"3\"}\n");
    JsonStream<Progress> js = stream(r, Progress.class, true);
    try (Stream<Progress> s = js.stream()) {
      assertEquals("1", s.findFirst().orElseThrow().status());
      assertFalse(r.isClosed());
    }
    assertTrue(r.isClosed(), "closing the Stream closes the response");
    assertFalse(js.hasNext());
  }

  @Test
  void closeIsIdempotentAndStopsTheStream() {
    MemoryResponse r = new MemoryResponse("{\"status\":\"1\"}\n{\"status\":\"2\"}\n");
    JsonStream<Progress> s = stream(r, Progress.class, true);
    s.close();
    s.close();
    assertTrue(r.isClosed());
    assertFalse(s.hasNext());
  }

  @Test
  void closeFromAnotherThreadWhileHasNextBlocks() throws Exception {
    BlockingInputStream in = new BlockingInputStream();
    in.offer("{\"status\":\"first\"}\n".getBytes(StandardCharsets.UTF_8));
    MemoryResponse r = new MemoryResponse(in);
    JsonStream<Progress> s = stream(r, Progress.class, true);
    assertEquals("first", s.next().status());
    CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(s::hasNext);
    assertTrue(in.awaitBlocked(PROMPT_MS), "hasNext blocked on the engine");
    Thread.sleep(50);
    assertFalse(waiting.isDone());
    s.close();
    assertFalse(waiting.get(PROMPT_MS, TimeUnit.MILLISECONDS), "hasNext returns false after a close");
    in.offer("{\"status\":\"late\"}\n".getBytes(StandardCharsets.UTF_8));
    assertFalse(s.hasNext());
    assertTrue(r.isClosed());
  }

  @Test
  void closeFromAnotherThreadWhileBlockedInsideAValue() throws Exception {
    BlockingInputStream in = new BlockingInputStream();
    in.offer("{\"status\":\"first\"}\n{\"status\":\"sec".getBytes(StandardCharsets.UTF_8));
    MemoryResponse r = new MemoryResponse(in);
    JsonStream<Progress> s = stream(r, Progress.class, false);
    assertEquals("first", s.next().status());
    CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(s::hasNext);
    assertTrue(in.awaitBlocked(PROMPT_MS));
    s.close();
    assertFalse(waiting.get(PROMPT_MS, TimeUnit.MILLISECONDS), "a close is not a malformed stream");
  }

  /**
   * An event stream (GET /events) sends nothing until something happens. Creating the stream
   * must not wait for the first bytes, or the caller cannot even get hold of it to close it.
   */
  @Test
  void creatingTheStreamDoesNotWaitForTheFirstBytes() throws Exception {
    BlockingInputStream in = new BlockingInputStream();
    MemoryResponse r = new MemoryResponse(in);
    CompletableFuture<JsonStream<Progress>> created =
        CompletableFuture.supplyAsync(() -> stream(r, Progress.class, true));
    try {
      JsonStream<Progress> s = created.get(2000, TimeUnit.MILLISECONDS);
      CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(s::hasNext);
      assertTrue(in.awaitBlocked(PROMPT_MS));
      s.close();
      assertFalse(waiting.get(PROMPT_MS, TimeUnit.MILLISECONDS));
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the JsonStream constructor blocked reading the body before any byte arrived", e);
    } finally {
      r.close(); // releases a constructor still blocked in the body
    }
  }
}
