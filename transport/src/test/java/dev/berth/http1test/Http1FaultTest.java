package dev.berth.http1test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testkit.peer.MisbehavingPeer;
import dev.berth.transport.Dialer;
import dev.berth.transport.Dialers;
import dev.berth.transport.Http1Doer;
import dev.berth.transport.Request;
import dev.berth.transport.RequestBody;
import dev.berth.transport.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fault tests of the HTTP/1.1 engine ({@link Http1Doer}) against {@link MisbehavingPeer}: the
 * {@link Http1FaultSuite} over TCP and the JDK's own Unix channels (the default Unix dialer), and
 * the faults of the HTTP framing itself (status line, header fields, lengths, chunks, interim and
 * bodiless answers, unsolicited bytes), which do not depend on the socket and run over TCP only.
 * The rules of the suite hold here: each test says which misbehaviour it needs and why a real
 * daemon cannot produce it, and no test leaves a connection open.
 */
class Http1FaultTest extends Http1FaultSuite {

  /** The transports the suite's tests run over: TCP, and the JDK's Unix channels. */
  static Stream<Transport> transports() {
    return Stream.of(Transport.TCP, Transport.UNIX);
  }

  @Override
  protected Dialer unixDialer(Path socket) {
    return Dialers.unix(socket);
  }

  // ---------------------------------------------------------------- 1. status line

  @ParameterizedTest(name = "status line \"{0}\"")
  @ValueSource(strings = {"HTTP/1.1 2x0 OK", "garbage", "HTTP/2 200", "HTTP/1.1 2000 OK", "HTTP/1.1 099 Low", ""})
  void malformedStatusLineFailsTheCallWithProtocolExceptionNamingTheEndpoint(String statusLine)
      throws IOException {
    // Why a fake: a daemon's status line is written by Go's net/http and is always well formed.
    start(answerOnceThenAwaitClose(statusLine + "\r\nContent-Length: 0\r\n\r\n"));
    ProtocolException e = assertThrows(ProtocolException.class,
        () -> doer.send(Request.get("/_ping").build()).close());
    assertTrue(e.getMessage().contains(endpoint), "message names the endpoint: " + e.getMessage());
  }

  // ---------------------------------------------------------------- 2. header lines

  @ParameterizedTest(name = "header block \"{0}\"")
  @ValueSource(strings = {
      "X-No-Colon-Here\r\n",
      "X-Folded: first part\r\n  continued on a folded line\r\n",
      "X-Folded: first part\r\n\tcontinued after a tab\r\n",
      ": empty name\r\n",
      "Bad Name: a space in the field name\r\n",
  })
  void malformedHeaderLineFailsTheCallWithProtocolException(String headerBlock) throws IOException {
    // Why a fake: Go's net/http writes header fields itself, always as "Name: value" on one line;
    // a daemon cannot be made to send a line without a colon or an obsolete folded line.
    start(answerOnceThenAwaitClose("HTTP/1.1 200 OK\r\n" + headerBlock + "Content-Length: 0\r\n\r\n"));
    ProtocolException e = assertThrows(ProtocolException.class,
        () -> doer.send(Request.get("/_ping").build()).close());
    assertTrue(e.getMessage().contains(endpoint), "message names the endpoint: " + e.getMessage());
  }

  // ---------------------------------------------------------------- 3. Content-Length

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "Content-Length: -5\r\n",
      "Content-Length: abc\r\n",
      "Content-Length: 0x10\r\n",
      "Content-Length: \r\n",
      "Content-Length: 5\r\nContent-Length: 6\r\n",
      "Content-Length: 5, 6\r\n",
      "Content-Length: 99999999999999999999\r\n",
  })
  void invalidContentLengthFailsTheCallWithProtocolException(String lengthHeaders) throws IOException {
    // Why a fake: Go's net/http computes Content-Length itself from the bytes written, so a daemon
    // never sends a negative, non-numeric, conflicting or absurdly large one.
    start(answerOnceThenAwaitClose("HTTP/1.1 200 OK\r\n" + lengthHeaders + "\r\nhello"));
    assertThrows(ProtocolException.class, () -> doer.send(Request.get("/_ping").build()).close());
  }

  // ---------------------------------------------------------------- 4. chunked framing

  @Test
  void badChunkSizeFailsTheBodyReadWithProtocolException() throws IOException {
    // Why a fake: Go's chunked writer always writes valid hexadecimal chunk sizes.
    start(answerOnceThenAwaitClose("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n"));
    try (Response r = doer.send(Request.get("/events").build())) {
      assertEquals(200, r.status());
      assertThrows(ProtocolException.class, () -> r.body().stream().readAllBytes());
    }
  }

  @Test
  void chunkDataWithoutItsCrlfFailsTheBodyReadWithProtocolException() throws IOException {
    // Why a fake: Go's chunked writer always ends chunk data with CRLF; here the chunk declares 5
    // bytes but carries 6 before the line end.
    start(answerOnceThenAwaitClose(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloX\r\n0\r\n\r\n"));
    try (Response r = doer.send(Request.get("/events").build())) {
      assertEquals(200, r.status());
      assertThrows(ProtocolException.class, () -> r.body().stream().readAllBytes());
    }
  }

  @Test
  void chunkDataOverrunningItsSizeByALongLineFailsWithProtocolException() throws IOException {
    // Why a fake: as above, with a long overrun (longer than the few bytes a chunk terminator
    // may take), so the line reader's budget is what trips.
    start(answerOnceThenAwaitClose("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "5\r\nhello, this chunk is much longer than it said\r\n0\r\n\r\n"));
    try (Response r = doer.send(Request.get("/events").build())) {
      assertThrows(ProtocolException.class, () -> r.body().stream().readAllBytes());
    }
  }

  // ---------------------------------------------------------------- 5. truncated bodies

  @Test
  void chunkedBodyCutBeforeTheLastChunkFailsWithEofException() throws IOException {
    // Why a fake: a daemon always ends a chunked body with its last (zero) chunk; here the peer
    // closes on a chunk boundary, so the cut is visible only as a missing last chunk.
    start(ex -> {
      ex.readRequest();
      ex.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n");
    });
    try (Response r = doer.send(Request.get("/events").build())) {
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      IOException e = readUntilFailure(r, got);
      assertInstanceOf(EOFException.class, e, "got " + e);
      assertEquals("abc", text(got.toByteArray()));
    }
  }

  // ---------------------------------------------------------------- 6. head size limits

  @Test
  void headerSectionOverTheLimitFailsWithProtocolExceptionNamingTheSize() throws IOException {
    // Why a fake: a daemon's response heads are a few hundred bytes; it cannot be made to send
    // 70 KiB of header fields.
    StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\n");
    String pad = "a".repeat(1000);
    for (int i = 0; i < 70; i++) {
      head.append("X-Pad-").append(i).append(": ").append(pad).append("\r\n");
    }
    head.append("Content-Length: 0\r\n\r\n");
    start(answerOnceThenAwaitClose(head.toString()));
    ProtocolException e = assertThrows(ProtocolException.class,
        () -> doer.send(Request.get("/_ping").build()).close());
    assertTrue(e.getMessage().contains("65536") || e.getMessage().contains("64 KiB"),
        "message names the limit: " + e.getMessage());
  }

  @Test
  void neverEndingHeaderLineStopsAtTheLimitWithoutRunningOutOfMemory() throws IOException {
    // Why a fake: a daemon cannot be made to stream an endless header line. The peer offers up to
    // 64 MiB of one header line; the client must give up at its head limit and close.
    start(ex -> {
      ex.readRequest();
      ex.write("HTTP/1.1 200 OK\r\nX-Endless: ");
      byte[] mib = new byte[1 << 20];
      Arrays.fill(mib, (byte) 'a');
      for (int i = 0; i < 64; i++) {
        ex.write(mib); // fails with a reset or broken pipe once the client has closed
      }
      ex.awaitClientClose(CLIENT_CLOSE_WAIT);
    });
    long t0 = System.nanoTime();
    assertThrows(ProtocolException.class, () -> doer.send(Request.get("/_ping").build()).close());
    assertTrue(millisSince(t0) < 5000, "gave up after " + millisSince(t0) + " ms");
  }

  @Test
  void aHeaderLineLongerThanTheReadBufferIsReadWhole() throws IOException {
    // Why a fake: a daemon's header lines are short; this one (20 000 bytes) and the reason
    // phrase (9 000) are longer than the connection's read buffer.
    String big = "v".repeat(20_000);
    String reason = "R".repeat(9_000);
    start(ex -> serveAll(ex, r -> "HTTP/1.1 200 " + reason + "\r\nX-Big:  " + big + " \r\nContent-Length: 2\r\n\r\nok"));
    for (int i = 0; i < 2; i++) {
      try (Response r = doer.send(Request.get("/_ping").build())) {
        assertEquals(big, r.headers().first("X-Big"));
        assertEquals(reason, r.reason());
        assertEquals("ok", body(r));
      }
    }
    assertEquals(1, peer.connectionsAccepted());
  }

  @Test
  void headerFieldsThatChangeBetweenAnswersOnOneConnectionAreReadAfresh() throws IOException {
    // Why a fake: the client reuses the previous answer's name and value Strings when the bytes
    // match; a daemon repeats its fields in one fixed order, so it cannot show that a reordered,
    // changed, added or dropped field is still read as sent.
    String[] answers = {
        "HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nOstype: linux\r\nContent-Length: 2\r\n\r\nok",
        "HTTP/1.1 200 OK\r\nOstype: windows\r\nApi-Version: 1.41\r\nX-New: 1\r\nContent-Length: 3\r\n\r\nyes",
        "HTTP/1.1 201 Created\r\nApi-Version: 1.410\r\nContent-Length: 2\r\n\r\nok",
    };
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    start(ex -> serveAll(ex, r -> answers[n.getAndIncrement() % answers.length]));
    try (Response r = doer.send(Request.get("/a").build())) {
      assertEquals("linux", r.headers().first("Ostype"));
      assertEquals("1.41", r.headers().first("Api-Version"));
      assertEquals("ok", body(r));
    }
    try (Response r = doer.send(Request.get("/b").build())) {
      assertEquals("windows", r.headers().first("Ostype"));
      assertEquals("1.41", r.headers().first("Api-Version"));
      assertEquals("1", r.headers().first("X-New"));
      assertEquals("yes", body(r));
    }
    try (Response r = doer.send(Request.get("/c").build())) {
      assertEquals(201, r.status());
      assertNull(r.headers().first("Ostype"));
      assertNull(r.headers().first("X-New"));
      assertEquals("1.410", r.headers().first("Api-Version"));
      assertEquals("ok", body(r));
    }
    assertEquals(1, peer.connectionsAccepted());
  }

  @Test
  void moreThan256HeaderFieldsFailWithProtocolException() throws IOException {
    // Why a fake: a daemon sends a handful of header fields; it cannot be made to send 300.
    StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\n");
    for (int i = 0; i < 300; i++) {
      head.append("X-H").append(i).append(": v\r\n");
    }
    head.append("Content-Length: 0\r\n\r\n");
    start(answerOnceThenAwaitClose(head.toString()));
    ProtocolException e = assertThrows(ProtocolException.class,
        () -> doer.send(Request.get("/_ping").build()).close());
    assertTrue(e.getMessage().contains("256"), "message names the limit: " + e.getMessage());
  }

  @Test
  void exactly256HeaderFieldsAreAccepted() throws IOException {
    // Why a fake: the boundary of the field-count limit; a daemon sends far fewer fields.
    StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\n");
    for (int i = 0; i < 255; i++) {
      head.append("X-H").append(i).append(": v").append(i).append("\r\n");
    }
    head.append("Content-Length: 2\r\n\r\nok"); // field number 256
    start(answerOnceThenAwaitClose(head.toString()));
    try (Response r = doer.send(Request.get("/_ping").build())) {
      assertEquals(200, r.status());
      assertEquals("v254", r.headers().first("x-h254"));
      assertEquals("ok", body(r));
    }
  }

  // ---------------------------------------------------------------- 7. kept-alive connection closed

  @Test
  void aBodyWhoseSourceFailsFailsTheCallWithoutWaitingForTheEngine() throws IOException {
    // Why a fake: the point is the client's own failure mid-request; a real daemon would wait for
    // the missing bytes just the same, but the fake lets the test see nothing was answered.
    start(Transport.TCP, ex -> {
      ex.awaitClientClose(Duration.ofSeconds(10));
    });
    InputStream tenBytes = new ByteArrayInputStream(new byte[10]);
    long t0 = System.nanoTime();
    IOException e = assertThrows(IOException.class, () -> doer.send(Request.post("/build")
        .body(RequestBody.ofStream(tenBytes, 100, "application/x-tar")).build()).close());
    assertTrue((System.nanoTime() - t0) / 1_000_000 < 2000, "failed at once: " + e);
    assertTrue(e.getMessage().contains("before its declared length"), e.getMessage());
  }

  @Test
  void bytesReturnsAtMostTheCapAndDiscardsTheRest() throws IOException {
    // Why a fake: error bodies are read with a cap; a real daemon's error bodies are all short,
    // the fake sends a long one.
    start(Transport.TCP, ex -> serveAll(ex, r -> ok("0123456789012345678901234567890123456789")));
    try (Response r = doer.send(Request.get("/x").build())) {
      assertEquals("01234", new String(r.body().bytes(5), StandardCharsets.US_ASCII));
    }
    try (Response r = doer.send(Request.get("/x").build())) {
      assertEquals(40, r.body().bytes(1000).length);
    }
  }

  @Test
  void aContentTypeWithALineBreakIsRefusedBeforeAnythingIsSent() {
    assertThrows(IllegalArgumentException.class,
        () -> RequestBody.of(new byte[1], "application/json\r\nX-Injected: yes"));
  }

  // ---------------------------------------------------------------- 8. stalls and timeouts

  @Test
  void callTimeoutFiresEvenWhileTheHeadTricklesIn() throws IOException {
    // Why a fake: a daemon writes its head in one piece; it cannot be made to trickle header lines
    // every 50 ms ("slowloris" in reverse). The call timeout bounds the time until the head has
    // arrived (Http1Doer Javadoc), so it must fire although no single wait is long. The peer stops
    // trickling and completes the head after 3 s, so a client that misses the deadline gets a 200.
    start(ex -> {
      ex.readRequest();
      ex.write("HTTP/1.1 200 OK\r\n");
      try {
        for (int i = 0; i < 60; i++) {
          ex.stall(Duration.ofMillis(50));
          ex.write("X-Drip-" + i + ": v\r\n");
        }
        ex.write("Content-Length: 2\r\n\r\nok");
      } catch (IOException clientGone) {
        return; // the client gave up, as it should
      }
      ex.awaitClientClose(CLIENT_CLOSE_WAIT);
    });
    long t0 = System.nanoTime();
    assertThrows(SocketTimeoutException.class,
        () -> doer.send(Request.get("/info").callTimeout(Duration.ofMillis(300)).build()).close(),
        "the call timeout of 300 ms must bound the wait for the complete head");
    long ms = millisSince(t0);
    assertTrue(ms >= 250 && ms < 2000, "timed out after " + ms + " ms");
  }

  // ---------------------------------------------------------------- 10. dial failures

  @Test
  void connectionRefusedFailsWithConnectExceptionNamingTheEndpoint() throws IOException {
    // No peer and no daemon: the point is that nothing listens on the port. A closed ephemeral
    // port is the only reliable way to get a refusal.
    int port;
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress("127.0.0.1", 0));
      port = s.getLocalPort();
    }
    dialer = new CountingDialer(Dialers.tcp("127.0.0.1", port));
    doer = Http1Doer.of(dialer);
    ConnectException e = assertThrows(ConnectException.class,
        () -> doer.send(Request.get("/_ping").build()).close());
    assertTrue(e.getMessage().contains("tcp://127.0.0.1:" + port), e.getMessage());
  }

  @Test
  void missingUnixSocketFileFailsWithConnectExceptionNamingThePath() throws IOException {
    // No peer and no daemon: the point is that the socket file does not exist.
    Path missing = Path.of("/tmp/berth-no-such-socket-" + UUID.randomUUID());
    dialer = new CountingDialer(Dialers.unix(missing));
    doer = Http1Doer.of(dialer);
    ConnectException e = assertThrows(ConnectException.class,
        () -> doer.send(Request.get("/_ping").build()).close());
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }

  // ---------------------------------------------------------------- 11. interim and bodiless answers

  @Test
  void interimResponsesAreSkipped() throws IOException {
    // Why a fake: a daemon (Go net/http) sends "100 Continue" only to a request carrying
    // "Expect: 100-continue", which the engine never sends, and never sends 103 Early Hints.
    start(ex -> {
      ex.readRequest();
      ex.write("HTTP/1.1 100 Continue\r\n\r\n"
          + "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"
          + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
      serveAll(ex, r -> ok("again"));
    });
    try (Response r = doer.send(Request.post("/containers/create").body(RequestBody.json("{}")).build())) {
      assertEquals(200, r.status());
      assertNull(r.headers().first("Link"), "headers of an interim response are not the final ones");
      assertEquals("ok", body(r));
    }
    try (Response r = doer.send(Request.get("/info").build())) {
      assertEquals("again", body(r));
    }
    assertEquals(1, peer.connectionsAccepted());
  }

  @ParameterizedTest(name = "status {0}")
  @ValueSource(ints = {204, 304})
  void noContentAndNotModifiedHaveNoBodyWhateverTheirHeadersSayAndKeepTheConnection(int status)
      throws IOException {
    // Why a fake: a daemon does answer 204 (start) and 304 (start again), but Go's net/http never
    // puts a length on them. RFC 9112 section 6.3 says such answers end at the empty line
    // "regardless of the header fields present"; the fake adds a Content-Length (forbidden on 204,
    // allowed on 304 as the size of the representation) to catch a client that would wait for it.
    start(ex -> serveAll(ex, r -> r.target().equals("/after")
        ? ok("after")
        : "HTTP/1.1 " + status + " X\r\nContent-Length: 42\r\n\r\n"));
    try (Response r = doer.send(Request.post("/containers/c/start").readTimeout(Duration.ofSeconds(2)).build())) {
      assertEquals(status, r.status());
      long t0 = System.nanoTime();
      assertEquals(-1, r.body().stream().read());
      assertTrue(millisSince(t0) < 100, "end of body at once, not after " + millisSince(t0) + " ms");
    }
    try (Response r = doer.send(Request.get("/after").build())) {
      assertEquals("after", body(r));
    }
    assertEquals(1, peer.connectionsAccepted(), "the connection was reused");
  }

  @Test
  void headAnswerWithAContentLengthButNoBodyDoesNotHangAndKeepsTheConnection() throws IOException {
    // Why a fake: a daemon answers HEAD /_ping with Content-Length: 0, so it cannot catch a client
    // that waits for the declared length; the fake declares 1234 bytes (the size a GET would get,
    // as HTTP allows) and sends none.
    start(ex -> serveAll(ex, r -> r.method().equals("HEAD")
        ? "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1234\r\n\r\n"
        : ok("after")));
    try (Response r = doer.send(Request.head("/_ping").readTimeout(Duration.ofSeconds(2)).build())) {
      assertEquals(200, r.status());
      long t0 = System.nanoTime();
      assertEquals(-1, r.body().stream().read());
      assertTrue(millisSince(t0) < 100, "end of body at once, not after " + millisSince(t0) + " ms");
    }
    try (Response r = doer.send(Request.get("/after").build())) {
      assertEquals("after", body(r));
    }
    assertEquals(1, peer.connectionsAccepted(), "the connection was reused");
  }

  // ---------------------------------------------------------------- 12, 13. not reusable

  @Test
  void http10AnswerWithoutKeepAliveIsNotReused() throws IOException {
    // Why a fake: Go's net/http answers an HTTP/1.1 request with HTTP/1.1, never HTTP/1.0. The
    // peer keeps the connection open, so that it is the client that must decide not to reuse it.
    start(answerOnceThenAwaitClose("HTTP/1.0 200 OK\r\nContent-Length: 3\r\n\r\none"));
    for (int i = 0; i < 2; i++) {
      try (Response r = doer.send(Request.get("/info").build())) {
        assertEquals("one", body(r));
      }
    }
    assertEquals(0, doer.idleConnections());
    assertEquals(2, peer.connectionsAccepted(), "an HTTP/1.0 connection without keep-alive is not reused");
  }

  @Test
  void http10AnswerWithKeepAliveIsReused() throws IOException {
    // Why a fake: as above (a daemon never answers HTTP/1.0); the counterpart of the previous test.
    start(ex -> serveAll(ex, r -> "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 3\r\n\r\none"));
    for (int i = 0; i < 2; i++) {
      try (Response r = doer.send(Request.get("/info").build())) {
        assertEquals("one", body(r));
      }
    }
    assertEquals(1, peer.connectionsAccepted());
  }

  // ---------------------------------------------------------------- 15. unsolicited bytes

  @Test
  void garbageAfterACompleteResponseNeverCorruptsTheNextResponse() throws IOException {
    // Why a fake: a daemon never sends bytes after a complete response. Here the peer appends junk
    // to its first answer (same write), then answers the next request properly. Acceptable: the
    // next call detects the out-of-step connection and gets "second" on a new one, or fails with a
    // ProtocolException. Never acceptable: any other answer.
    start(ex -> {
      if (ex.connectionIndex() == 0) {
        ex.readRequest();
        ex.write(ok("first") + "GARBAGE\r\n");
      }
      serveAll(ex, r -> ok("second"));
    });
    try (Response r = doer.send(Request.get("/a").build())) {
      assertEquals("first", body(r));
    }
    try (Response r = doer.send(Request.get("/b").build())) {
      assertEquals(200, r.status());
      assertEquals("second", body(r));
    } catch (ProtocolException acceptable) {
      assertTrue(acceptable.getMessage().contains(endpoint), acceptable.getMessage());
    }
  }

  @Test
  void unsolicitedCompleteResponseIsNeverTakenAsTheAnswerToTheNextRequest() throws IOException {
    // Why a fake: a daemon never sends a second response to one request. The peer appends a
    // complete, well-formed response ("stale") to its first answer, in the same write, and answers
    // the next request with "fresh". The next call must get "fresh" or fail; "stale" would be the
    // answer to a request the peer had not even received yet.
    start(ex -> {
      if (ex.connectionIndex() == 0) {
        ex.readRequest();
        ex.write(ok("first") + ok("stale"));
      }
      serveAll(ex, r -> ok("fresh"));
    });
    try (Response r = doer.send(Request.get("/a").build())) {
      assertEquals("first", body(r));
    }
    String second;
    try (Response r = doer.send(Request.get("/b").build())) {
      second = body(r);
    } catch (IOException acceptable) {
      return;
    }
    assertEquals("fresh", second, "the answer to the second request");
  }

  @Test
  void unsolicitedAnswerOnAnIdleConnectionIsNeverTakenAsTheAnswerToTheNextRequest() throws Exception {
    // Why a fake: a daemon never writes on an idle connection. Some servers do: on their idle
    // timeout they send "408 Request Timeout" with "Connection: close" and close. The peer does
    // that (half-closing, then discarding whatever arrives, so no reset destroys the evidence)
    // after the client pooled the connection; the next call must not return that 408.
    CountDownLatch sent408 = new CountDownLatch(1);
    start(ex -> {
      if (ex.connectionIndex() == 0) {
        ex.readRequest();
        ex.write(ok("first"));
        ex.stall(Duration.ofMillis(100));
        ex.write("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        ex.shutdownOutput();
        sent408.countDown();
        ex.awaitClientClose(CLIENT_CLOSE_WAIT);
        return;
      }
      serveAll(ex, r -> ok("fresh"));
    });
    try (Response r = doer.send(Request.get("/a").build())) {
      assertEquals("first", body(r));
    }
    assertTrue(sent408.await(5, TimeUnit.SECONDS));
    sleep(50); // let the bytes and the FIN reach the client's socket; still well under 1 s idle
    int status;
    String second;
    try (Response r = doer.send(Request.get("/b").build())) {
      status = r.status();
      second = body(r);
    } catch (IOException acceptable) {
      return;
    }
    assertEquals(200, status, "the 408 the peer sent while the connection was idle is not the answer");
    assertEquals("fresh", second);
  }

  // ---------------------------------------------------------------- extra: 101 to a plain send

  @Test
  void switchingProtocolsAnswerToAPlainSendIsNeverPooled() throws IOException {
    // Why a fake: a daemon answers 101 only to an attach or exec start that asked to upgrade; the
    // connection then carries the container's stdin, and whether the engine would write its next
    // request into it cannot be observed there. The fake answers 101 to a plain send() and records
    // what arrives on the switched connection. After a 101 the connection no longer speaks HTTP
    // (RFC 9110 section 15.2.2); it must never carry another request.
    start(ex -> {
      if (ex.connectionIndex() == 0) {
        ex.readRequest();
        ex.write("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n");
        serveAll(ex, r -> ok("sent-into-the-switched-connection"));
        return;
      }
      serveAll(ex, r -> ok("fresh"));
    });
    try (Response r = doer.send(Request.post("/containers/c/attach")
        .header("Connection", "Upgrade").header("Upgrade", "tcp").build())) {
      assertEquals(101, r.status());
    }
    try (Response r = doer.send(Request.get("/info").build())) {
      assertEquals("fresh", body(r));
    }
    assertEquals(2, peer.connectionsAccepted());
  }
}
