package dev.berth.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testkit.peer.MisbehavingPeer;
import dev.berth.transport.Dialers;
import dev.berth.transport.Http1Doer;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import dev.berth.types.containers.ContainerInspect;
import dev.berth.types.progress.ProgressMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 18: a hostile engine's successful answers must not exhaust the heap. This class runs in
 * its own surefire execution with a small heap ({@code -Xmx192m}, see this module's pom): before
 * the limits, each endless answer below ended in {@link OutOfMemoryError} within seconds; now
 * each ends in {@link ResponseTooLargeException} after at most the limit's bytes.
 *
 * <p>Why a fake engine: a real daemon never sends a 10 GB inspect, an endless labels map, a
 * progress line without end, a frame header without its frame or a megabyte of control
 * characters as an error message; only a hostile or broken peer does, which is what these tests
 * are about.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileEngineSmallHeapTest {
  private static final Request INSPECT = Request.get("/containers/c1/json")
      .operation("ContainerInspect", "/containers/{id}/json").build();
  private static final Request PULL = Request.post("/images/create")
      .operation("ImageCreate", "/images/create").build();
  private static final Request LOGS = Request.get("/containers/c1/logs")
      .operation("ContainerLogs", "/containers/{id}/logs").build();

  private static EngineClient client(MisbehavingPeer peer, java.util.function.Consumer<EngineClient.Builder> more) {
    EngineClient.Builder b = EngineClient.builder(Http1Doer.of(Dialers.tcp("127.0.0.1", peer.port())))
        .ownsDoer(true).apiVersion("1.41");
    more.accept(b);
    return b.build();
  }

  private static EngineClient client(MisbehavingPeer peer) {
    return client(peer, b -> { });
  }

  /** Writes one chunk of a chunked body. */
  private static void chunk(MisbehavingPeer.Exchange ex, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    ex.write(Integer.toHexString(b.length) + "\r\n");
    ex.write(b);
    ex.write("\r\n");
  }

  /** Sends {@code element(i)} for i = 0, 1, 2, ... in 64 KiB chunks until the client hangs up. */
  private static void endless(MisbehavingPeer.Exchange ex, boolean chunked, IntFunction<String> element)
      throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = 0; ; i++) {
      b.append(element.apply(i));
      if (b.length() >= 64 * 1024) {
        if (chunked) {
          chunk(ex, b.toString());
        } else {
          ex.write(b.toString().getBytes(StandardCharsets.UTF_8));
        }
        b.setLength(0);
      }
    }
  }

  private static final String CHUNKED_HEAD =
      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";

  @Test
  void tenGigabyteInspectWithAGrowingEnvListIsRefused() throws Exception {
    try (MisbehavingPeer peer = MisbehavingPeer.tcp(ex -> {
          ex.readRequest();
          ex.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10737418240\r\n\r\n"
              + "{\"Id\":\"c1\",\"Config\":{\"Env\":[");
          endless(ex, false, i -> "\"VAR_" + i + "=value-" + i + "\",");
        });
        EngineClient client = client(peer)) {
      ResponseTooLargeException e = assertThrows(ResponseTooLargeException.class,
          () -> client.call(INSPECT, ContainerInspect.class));
      assertEquals(EngineClient.DEFAULT_MAX_RESPONSE_SIZE, e.limit());
      assertTrue(e.getMessage().startsWith("ContainerInspect GET /containers/{id}/json: the engine's answer is larger"),
          e.getMessage());
      assertTrue(e.getMessage().contains("maxResponseSize"), e.getMessage());
    }
  }

  @Test
  void endlessChunkedLabelsMapIsRefusedAfterTheLimit() throws Exception {
    try (MisbehavingPeer peer = MisbehavingPeer.tcp(ex -> {
          ex.readRequest();
          ex.write(CHUNKED_HEAD);
          chunk(ex, "{\"Id\":\"c1\",\"Config\":{\"Labels\":{");
          endless(ex, true, i -> "\"com.example.label." + i + "\":\"value-" + i + "\",");
        });
        EngineClient client = client(peer)) {
      assertThrows(ResponseTooLargeException.class, () -> client.call(INSPECT, ContainerInspect.class));
    }
  }

  @Test
  void anUnknownEndlessFieldIsNotReadWithoutLimit() throws Exception {
    try (MisbehavingPeer peer = MisbehavingPeer.tcp(ex -> {
          ex.readRequest();
          ex.write(CHUNKED_HEAD);
          chunk(ex, "{\"Id\":\"c1\",\"SomethingNew\":\"");
          endless(ex, true, i -> "x");
        });
        EngineClient client = client(peer, b -> b.maxResponseSize(4L * 1024 * 1024))) {
      ResponseTooLargeException e = assertThrows(ResponseTooLargeException.class,
          () -> client.call(INSPECT, ContainerInspect.class));
      assertEquals(4L * 1024 * 1024, e.limit());
    }
  }

  @Test
  void progressLineWithEndlessFieldsAndNoNewlineEndsTheStream() throws Exception {
    try (MisbehavingPeer peer = MisbehavingPeer.tcp(ex -> {
          ex.readRequest();
          ex.write(CHUNKED_HEAD);
          chunk(ex, "{\"status\":\"Pulling from library/busybox\",\"id\":\"latest\"}\r\n{\"status\":\"Downloading\"");
          endless(ex, true, i -> ",\"field" + i + "\":\"value\"");
        });
        EngineClient client = client(peer);
        JsonStream<ProgressMessage> s = client.stream(PULL, ProgressMessage.class, true)) {
      assertEquals("Pulling from library/busybox", s.next().status());
      ResponseTooLargeException e = assertThrows(ResponseTooLargeException.class, s::hasNext);
      assertEquals(EngineClient.DEFAULT_MAX_STREAM_VALUE_SIZE, e.limit());
      assertTrue(e.getMessage().contains("maxStreamValueSize"), e.getMessage());
      assertFalse(s.hasNext(), "a failed stream is closed");
    }
  }

  @Test
  void theStreamLimitIsPerValueNotForTheWholeStream() throws Exception {
    // 2,000 small values: 60 KB in all, far over a 1 KiB limit per value
    try (MisbehavingPeer peer = MisbehavingPeer.tcp(ex -> {
          ex.readRequest();
          ex.write(CHUNKED_HEAD);
          StringBuilder b = new StringBuilder();
          for (int i = 0; i < 2000; i++) {
            b.append("{\"status\":\"Extracting\",\"id\":\"").append(i).append("\"}\r\n");
          }
          chunk(ex, b.toString());
          ex.write("0\r\n\r\n");
        });
        EngineClient client = client(peer, b -> b.maxStreamValueSize(1024));
        JsonStream<ProgressMessage> s = client.stream(PULL, ProgressMessage.class, true)) {
      assertEquals(2000, s.stream().count());
    }
  }

  @Test
  void limitsMustBePositive() {
    EngineClient.Builder b = EngineClient.builder(Http1Doer.of(Dialers.tcp("127.0.0.1", 9)));
    assertThrows(IllegalArgumentException.class, () -> b.maxResponseSize(0));
    assertThrows(IllegalArgumentException.class, () -> b.maxStreamValueSize(-1));
  }

  /** Issue 18, finding 6: an 8-byte header alone must not make the reader allocate 64 MiB. */
  @Test
  void aFrameHeaderClaiming64MiBAllocatesOnlyWhatArrives() throws Exception {
    try (MisbehavingPeer peer = MisbehavingPeer.tcp(ex -> {
          ex.readRequest();
          ex.write("HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.multiplexed-stream\r\n\r\n");
          byte[] header = {1, 0, 0, 0, 0x03, (byte) 0xff, (byte) 0xff, (byte) 0xff}; // 64 MiB - 1
          ex.write(header);
          ex.write(new byte[100]);
          ex.close();
        });
        EngineClient client = client(peer);
        Response r = client.open(LOGS);
        FrameReader frames = new FrameReader(r.body().stream(), true, "ContainerLogs")) {
      MalformedResponseException e = assertThrows(MalformedResponseException.class, frames::next);
      assertTrue(e.getMessage().contains("output ended inside a frame (100 of 67108863 bytes)"), e.getMessage());
      assertTrue(frames.buffer().length <= 64 * 1024, "buffer of " + frames.buffer().length + " bytes");
    }
  }

  /**
   * Issue 18, finding 6: the engine's words in a stream error are capped and cleaned of control
   * characters (a terminal escape that clears the screen, a carriage return that hides a line).
   */
  @Test
  void streamErrorMessagesAreCappedAndCleaned() throws Exception {
    String hostile = "pull failed\\u001b[2J\\rall good" + "A".repeat(100_000);
    try (MisbehavingPeer peer = MisbehavingPeer.tcp(ex -> {
          ex.readRequest();
          ex.write(CHUNKED_HEAD);
          chunk(ex, "{\"errorDetail\":{\"message\":\"" + hostile + "\"},\"error\":\"" + hostile + "\"}\r\n");
          ex.write("0\r\n\r\n");
        });
        EngineClient client = client(peer);
        JsonStream<ProgressMessage> s = client.stream(PULL, ProgressMessage.class, true)) {
      StreamErrorException e = assertThrows(StreamErrorException.class, s::hasNext);
      for (String m : new String[] {e.getMessage(), e.engineMessage()}) {
        assertTrue(m.length() < 2200, "message of " + m.length() + " characters");
        assertFalse(m.chars().anyMatch(c -> c == 0x1b || c == '\r'), "control characters kept");
      }
      assertTrue(e.engineMessage().startsWith("pull failed?[2J?all good"), e.engineMessage());
    }
  }

  @Test
  void theTypedErrorIsAMalformedResponse() {
    assertInstanceOf(MalformedResponseException.class, new ResponseTooLargeException("m", 1));
  }
}
