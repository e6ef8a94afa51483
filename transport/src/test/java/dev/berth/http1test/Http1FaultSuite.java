package dev.berth.http1test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.berth.testkit.peer.MisbehavingPeer;
import dev.berth.testkit.peer.MisbehavingPeer.Exchange;
import dev.berth.testkit.peer.MisbehavingPeer.RecordedRequest;
import dev.berth.testkit.peer.MisbehavingPeer.Script;
import dev.berth.transport.Dialer;
import dev.berth.transport.Dialers;
import dev.berth.transport.Http1Doer;
import dev.berth.transport.RawStream;
import dev.berth.transport.Request;
import dev.berth.transport.RequestBody;
import dev.berth.transport.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fault tests of the HTTP/1.1 engine ({@link Http1Doer}) against {@link MisbehavingPeer}: the ones
 * whose outcome depends on the socket underneath (closes, half-closes, stalls, timeouts, retries on
 * a dropped connection, raw streams), run over TCP and over a Unix-socket dialer. Faults of the
 * HTTP framing itself, which no socket changes, are in {@link Http1FaultTest}, over TCP only.
 *
 * <p>A concrete class says which Unix dialer it tests ({@link #unixDialer(Path)}) and declares the
 * transports the tests run over as a static factory method {@code transports()} returning a
 * {@code Stream<Transport>} (each test is {@code @MethodSource("transports")}, looked up in the
 * concrete class): {@link Http1FaultTest} runs them over TCP and the JDK's Unix channels,
 * {@code JunixsocketHttp1FaultTest} in transport-junixsocket over junixsocket's Unix dialer. This
 * class is in transport's test-jar, in a package of its own: a test-jar class in a package of the
 * {@code dev.berth.transport} module would be invisible to the tests of another module.
 *
 * <p>Everything a real Docker or Podman daemon can be made to do is tested against a real daemon
 * (see {@code DoerContract} in berth-testkit). Each test here says in a comment which misbehaviour
 * it needs and why a real daemon cannot produce it. A daemon is a Go {@code net/http} server (or
 * Podman's, also Go): it always writes a well-formed status line and head in one piece, frames
 * every body with {@code Content-Length} or chunked encoding, never closes in the middle of a body
 * it framed, never sends unsolicited bytes, never answers HTTP/1.0 to an HTTP/1.1 request, and
 * never lies about lengths. Those are exactly the things tested here.
 *
 * <p>After every test, {@link #noConnectionIsLeftOpen()} checks that the client closed every socket
 * it opened, on every failure path: on the client side (through a {@link CountingDialer}) and as
 * the peer sees it ({@link MisbehavingPeer#openConnections()}). For that second check to mean
 * something, the scripts do not close connections on their own unless the misbehaviour is a close:
 * they end by waiting for the client to close ({@link Exchange#awaitClientClose}) or by reading
 * requests until end of stream.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class Http1FaultSuite {

  /** How long a script waits for the client to close; well under the class timeout. */
  static final Duration CLIENT_CLOSE_WAIT = Duration.ofSeconds(30);

  /** How the client reaches the peer: TCP, or a Unix socket through {@link #unixDialer(Path)}. */
  protected enum Transport { TCP, UNIX }

  @TempDir Path tmp;

  MisbehavingPeer peer;
  CountingDialer dialer;
  Http1Doer doer;
  String endpoint;

  /**
   * The Unix-socket dialer under test, for a peer listening on {@code socket}: {@code
   * Dialers.unix(socket)} in transport, {@code JunixsocketDialer.of(socket)} in
   * transport-junixsocket.
   */
  protected abstract Dialer unixDialer(Path socket);

  // ---------------------------------------------------------------- fixture

  void start(Script script) throws IOException {
    start(Transport.TCP, script, b -> {});
  }

  void start(Transport transport, Script script) throws IOException {
    start(transport, script, b -> {});
  }

  void start(Transport transport, Script script, Consumer<Http1Doer.Builder> config)
      throws IOException {
    Dialer raw;
    if (transport == Transport.TCP) {
      peer = MisbehavingPeer.tcp(script);
      raw = Dialers.tcp("127.0.0.1", peer.port());
      endpoint = "tcp://127.0.0.1:" + peer.port();
    } else {
      Path socket = tmp.resolve("peer.sock");
      peer = MisbehavingPeer.unix(socket, script);
      raw = unixDialer(socket);
      endpoint = "unix://" + socket;
    }
    dialer = new CountingDialer(raw);
    Http1Doer.Builder builder = Http1Doer.builder(dialer);
    config.accept(builder);
    doer = builder.build();
  }

  /** The leak check of every test: after closing the doer, no socket stays open on either side. */
  @AfterEach
  void noConnectionIsLeftOpen() {
    AssertionError failure = null;
    try {
      if (doer != null) {
        doer.close();
      }
      if (dialer != null) {
        awaitZero(dialer::open, "connections the client opened and did not close");
      }
      if (peer != null) {
        awaitZero(peer::openConnections, "connections the peer still sees open after the doer was closed");
      }
    } catch (AssertionError e) {
      failure = e;
    } finally {
      if (peer != null) {
        try {
          peer.close(); // rethrows a failure of a script
        } catch (AssertionError e) {
          if (failure == null) {
            failure = e;
          } else {
            failure.addSuppressed(e);
          }
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  static void awaitZero(IntSupplier count, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    int n;
    while ((n = count.getAsInt()) != 0) {
      if (System.nanoTime() - deadline > 0) {
        fail(n + " " + what + " (polled for 2 s)");
      }
      sleep(10);
    }
  }

  static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        fail("timed out waiting for " + what);
      }
      sleep(5);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  static String text(byte[] b) {
    return new String(b, StandardCharsets.ISO_8859_1);
  }

  static String body(Response r) throws IOException {
    return text(r.body().stream().readAllBytes());
  }

  static long millisSince(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  /** Reads one request, writes {@code response} as it is, then waits for the client to close. */
  static Script answerOnceThenAwaitClose(String response) {
    return ex -> {
      ex.readRequest();
      ex.write(response);
      ex.awaitClientClose(CLIENT_CLOSE_WAIT);
    };
  }

  /** Answers every request on the connection with the response built from it, until end of stream. */
  static void serveAll(Exchange ex, Function<RecordedRequest, String> answer) throws IOException {
    RecordedRequest r;
    while ((r = ex.readRequest()) != null) {
      ex.write(answer.apply(r));
    }
  }

  static String ok(String body) {
    return "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
  }

  /** Reads the body until it fails; returns the failure and, through {@code got}, what was read. */
  static IOException readUntilFailure(Response r, ByteArrayOutputStream got) {
    InputStream in = r.body().stream();
    byte[] buf = new byte[64];
    try {
      int n;
      while ((n = in.read(buf)) >= 0) {
        got.write(buf, 0, n);
      }
    } catch (IOException e) {
      return e;
    }
    fail("the body ended normally after " + got.size() + " bytes (\"" + text(got.toByteArray())
        + "\") instead of failing");
    return null; // unreachable
  }

  // ---------------------------------------------------------------- 5. truncated bodies

  @ParameterizedTest
  @MethodSource("transports")
  void contentLengthBodyCutShortByACloseFailsWithEofExceptionNotAShortRead(Transport transport)
      throws IOException {
    // Why a fake: a daemon never closes the connection before the end of a body whose length it
    // declared; here 10 of the 100 declared bytes arrive, then the peer closes.
    start(transport, ex -> {
      ex.readRequest();
      ex.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789");
      // returning closes the connection: the misbehaviour under test
    });
    try (Response r = doer.send(Request.get("/containers/json").build())) {
      assertEquals(200, r.status());
      assertEquals(100, r.body().contentLength());
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      IOException e = readUntilFailure(r, got);
      assertInstanceOf(EOFException.class, e, "got " + e);
      assertEquals("0123456789", text(got.toByteArray()), "the bytes that did arrive are delivered first");
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void chunkedBodyCutInTheMiddleOfAChunkFailsWithEofException(Transport transport) throws IOException {
    // Why a fake: a daemon never closes in the middle of a chunk; here a 10-byte chunk is cut
    // after 5 bytes.
    start(transport, ex -> {
      ex.readRequest();
      ex.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\na\r\n01234");
    });
    try (Response r = doer.send(Request.get("/events").build())) {
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      IOException e = readUntilFailure(r, got);
      assertInstanceOf(EOFException.class, e, "got " + e);
      assertEquals("abc01234", text(got.toByteArray()));
    }
  }

  // ---------------------------------------------------------------- 6. head size limits

  @ParameterizedTest
  @MethodSource("transports")
  void aLongChunkedStreamThenSmallAnswersOnTheSameConnectionArriveIntact(Transport transport)
      throws IOException {
    // Why a fake: exact control of chunk sizes and of what follows. 4 MiB in chunks of 1 KiB to
    // 64 KiB makes the client's reads fill its buffer (it then reads with a larger one); the next
    // answers on the pooled connection must be read whole after it goes back to the small one.
    byte[] data = new byte[4 << 20];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 31 + (i >>> 12));
    }
    start(transport, ex -> {
      ex.readRequest();
      ex.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
      int off = 0;
      for (int k = 0; off < data.length; k++) {
        int n = Math.min(data.length - off, 1024 << (k % 7));
        ex.write(Integer.toHexString(n) + "\r\n");
        ex.write(Arrays.copyOfRange(data, off, off + n));
        ex.write("\r\n");
        off += n;
      }
      ex.write("0\r\n\r\n");
      serveAll(ex, r -> ok("small " + r.target()));
    });
    try (Response r = doer.send(Request.get("/logs").build())) {
      assertArrayEquals(data, r.body().stream().readAllBytes());
    }
    for (int i = 0; i < 3; i++) {
      try (Response r = doer.send(Request.get("/n" + i).build())) {
        assertEquals("small /n" + i, body(r));
      }
    }
    assertEquals(1, peer.connectionsAccepted());
  }

  // ---------------------------------------------------------------- 7. kept-alive connection closed

  /**
   * Connection 0 answers one request with keep-alive and a Content-Length body, then closes;
   * later connections answer every request with {@code "second:<METHOD>:<body>"}.
   */
  static Script keepAliveThenClose() {
    return ex -> {
      if (ex.connectionIndex() == 0) {
        ex.readRequest();
        ex.write("HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nContent-Length: 5\r\n\r\nfirst");
        return; // closes the kept-alive connection: the misbehaviour under test
      }
      serveAll(ex, r -> ok("second:" + r.method() + ":" + text(r.body())));
    };
  }

  /** Sends the first request, reads it to its end (the connection is pooled), waits for the close. */
  void firstRequestThenPeerCloses() throws IOException {
    try (Response r = doer.send(Request.get("/_ping").build())) {
      assertEquals("first", body(r));
    }
    assertEquals(1, doer.idleConnections(), "the first connection was pooled");
    await(() -> peer.openConnections() == 0, "the peer to close the kept-alive connection");
    sleep(50); // let the FIN reach the client's socket
  }

  @ParameterizedTest
  @MethodSource("transports")
  void getOnAKeptAliveConnectionThePeerClosedIsRetriedOnANewConnection(Transport transport)
      throws IOException {
    // Why a fake: a daemon closes idle keep-alive connections only after minutes (or on restart),
    // not at a moment the test controls; the fake closes right after the first answer.
    start(transport, keepAliveThenClose());
    firstRequestThenPeerCloses();
    try (Response r = doer.send(Request.get("/version").build())) {
      assertEquals(200, r.status());
      assertEquals("second:GET:", body(r));
    }
    assertEquals(2, peer.connectionsAccepted());
    assertEquals(2, peer.requests().size(), "both requests answered: " + peer.requests());
  }

  @ParameterizedTest
  @MethodSource("transports")
  void postWithAFixedBodyOnAKeptAliveConnectionThePeerClosedIsRetriedOnANewConnection(Transport transport)
      throws IOException {
    // Why a fake: as above; a daemon does not close a kept-alive connection when told to.
    start(transport, keepAliveThenClose());
    firstRequestThenPeerCloses();
    String json = "{\"Image\":\"alpine\"}";
    try (Response r = doer.send(Request.post("/containers/create").body(RequestBody.json(json)).build())) {
      assertEquals(200, r.status());
      assertEquals("second:POST:" + json, body(r));
    }
    assertEquals(2, peer.connectionsAccepted());
    assertEquals(2, peer.requests().size(), "both requests answered: " + peer.requests());
    RecordedRequest post = peer.requests().get(1);
    assertEquals("POST", post.method());
    assertEquals(json, text(post.body()));
    assertEquals("application/json", post.header("Content-Type"));
  }

  @ParameterizedTest
  @MethodSource("transports")
  void aOneShotStreamedBodyGoesOutOnceOnANewConnectionWhenThePooledOneWasDropped(
      Transport transport) throws IOException {
    // Why a fake: as above; and here the point is a body that cannot be sent twice. The pool
    // checks a connection idle for a while before a POST, sees the close, and dials instead.
    start(transport, keepAliveThenClose());
    firstRequestThenPeerCloses();
    AtomicBoolean sourceClosed = new AtomicBoolean();
    InputStream source = new ByteArrayInputStream(ascii("tar bytes")) {
      @Override
      public void close() throws IOException {
        sourceClosed.set(true);
        super.close();
      }
    };
    Request upload = Request.post("/build").body(RequestBody.ofStream(source, "application/x-tar")).build();
    try (Response r = doer.send(upload)) {
      assertEquals("second:POST:tar bytes", body(r));
    }
    assertTrue(sourceClosed.get(), "the transport closes a one-shot body's stream");
    assertEquals(2, peer.connectionsAccepted());
    assertEquals(2, peer.requests().size(), "the upload reached the peer once: " + peer.requests());
  }

  /** Answers the first request kept-alive, then reads the second one and drops the connection. */
  static Script answerOnceThenDropAfterReading() {
    return ex -> {
      ex.readRequest();
      ex.write("HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nContent-Length: 5\r\n\r\nfirst");
      ex.readRequest();
      // closes without answering, as a Go server does when a handler panics
    };
  }

  @ParameterizedTest
  @MethodSource("transports")
  void aPostTheEngineReceivedBeforeDroppingTheConnectionIsNotSentTwice(Transport transport)
      throws IOException {
    // Why a fake: a real daemon cannot be made to read a request and then drop the connection
    // without answering (it does so only when a handler crashes).
    start(transport, answerOnceThenDropAfterReading());
    try (Response r = doer.send(Request.get("/_ping").build())) {
      assertEquals("first", body(r));
    }
    Request create = Request.post("/containers/create").body(RequestBody.json("{}")).build();
    assertThrows(IOException.class, () -> doer.send(create).close());
    assertEquals(1, peer.connectionsAccepted(), "the POST was not sent again on a new connection");
    assertEquals(2, peer.requests().size());
  }

  @ParameterizedTest
  @MethodSource("transports")
  void aGetTheEngineDroppedIsRetriedOnceAndOnlyOnce(Transport transport) throws IOException {
    // Why a fake: as above. Every connection answers one request and drops the next one unanswered.
    start(transport, answerOnceThenDropAfterReading());
    try (Response r = doer.send(Request.get("/_ping").build())) {
      assertEquals("first", body(r));
    }
    // reused connection drops the GET -> one retry on a new connection, which answers "first"
    try (Response r = doer.send(Request.get("/version").build())) {
      assertEquals("first", body(r));
    }
    assertEquals(2, peer.connectionsAccepted());
    // the new connection now drops the next GET; its retry gets a third connection, no more
    try (Response r = doer.send(Request.get("/info").build())) {
      assertEquals("first", body(r));
    }
    assertEquals(3, peer.connectionsAccepted(), "one retry per call");
  }

  // ---------------------------------------------------------------- 8. stalls and timeouts

  @ParameterizedTest
  @MethodSource("transports")
  void bodyStalledAfterTheHeadersFailsWithSocketTimeoutAfterTheReadTimeout(Transport transport)
      throws IOException {
    // Why a fake: DoerContract tests an idle stream (events) on a real daemon; what a daemon cannot
    // do is stall in the middle of a body it declared with Content-Length (it writes such bodies
    // whole). The peer sends the head and 3 of 10 bytes, then goes quiet until the client closes.
    start(transport, ex -> {
      ex.readRequest();
      ex.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc");
      ex.awaitClientClose(CLIENT_CLOSE_WAIT);
    });
    try (Response r = doer.send(Request.get("/info").readTimeout(Duration.ofMillis(300)).build())) {
      assertEquals(200, r.status());
      InputStream in = r.body().stream();
      assertEquals("abc", text(in.readNBytes(3)));
      long t0 = System.nanoTime();
      assertThrows(SocketTimeoutException.class, in::read);
      long ms = millisSince(t0);
      assertTrue(ms >= 250 && ms < 2000, "timed out after " + ms + " ms");
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void peerThatNeverAnswersFailsTheCallWithSocketTimeoutAfterTheCallTimeout(Transport transport)
      throws IOException {
    // Why a fake: a real daemon withholds its head only while it works (DoerContract stops a
    // stubborn container, which ends after the stop timeout and needs a container); the fake reads
    // the request and never answers at all, which isolates the timer.
    start(transport, ex -> {
      ex.readRequest();
      ex.awaitClientClose(CLIENT_CLOSE_WAIT);
    });
    long t0 = System.nanoTime();
    SocketTimeoutException e = assertThrows(SocketTimeoutException.class,
        () -> doer.send(Request.get("/info").callTimeout(Duration.ofMillis(300)).build()).close());
    long ms = millisSince(t0);
    assertTrue(ms >= 250 && ms < 2000, "timed out after " + ms + " ms: " + e.getMessage());
    assertTrue(e.getMessage().contains(endpoint), e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("transports")
  void peerThatNeverAnswersFailsTheCallWithSocketTimeoutAfterTheDoersReadTimeout(Transport transport)
      throws IOException {
    // Why a fake: as above: a reply that never comes, independent of any container's lifecycle.
    start(transport, ex -> {
      ex.readRequest();
      ex.awaitClientClose(CLIENT_CLOSE_WAIT);
    }, b -> b.readTimeout(Duration.ofMillis(300)));
    long t0 = System.nanoTime();
    SocketTimeoutException e = assertThrows(SocketTimeoutException.class,
        () -> doer.send(Request.get("/info").build()).close());
    long ms = millisSince(t0);
    assertTrue(ms >= 250 && ms < 2000, "timed out after " + ms + " ms: " + e.getMessage());
  }

  // ---------------------------------------------------------------- 9. slow head

  @ParameterizedTest
  @MethodSource("transports")
  void headDribbledOneByteAtATimeIsStillParsedCorrectly(Transport transport) throws IOException {
    // Why a fake: a daemon writes its head in one piece; it cannot be made to send it one byte
    // every 20 ms, which makes every line cross many reads.
    String response = "HTTP/1.1 200 OK\r\nX-Slow: yes, very\r\nContent-Length: 5\r\n\r\nslow!";
    start(transport, ex -> {
      ex.readRequest();
      for (byte b : ascii(response)) {
        ex.write(new byte[] {b});
        ex.stall(Duration.ofMillis(20));
      }
      serveAll(ex, r -> ok("again"));
    });
    long t0 = System.nanoTime();
    // the read timeout bounds each wait, not the whole head: 1 s is below the ~1.3 s total, and far
    // above one 20 ms gap even on a loaded machine with a cold JVM
    try (Response r = doer.send(Request.get("/info").readTimeout(Duration.ofMillis(1000)).build())) {
      assertEquals(200, r.status());
      assertEquals("OK", r.reason());
      assertEquals("yes, very", r.headers().first("X-Slow"));
      assertEquals("slow!", body(r));
    }
    assertTrue(millisSince(t0) >= 500, "the head really was slow: " + millisSince(t0) + " ms");
    try (Response r = doer.send(Request.get("/info").build())) {
      assertEquals("again", body(r));
    }
    assertEquals(1, peer.connectionsAccepted(), "the slow connection was kept alive and reused");
  }

  // ---------------------------------------------------------------- 12, 13. not reusable

  @ParameterizedTest
  @MethodSource("transports")
  void closeDelimitedBodyIsReadToEndOfStreamAndTheConnectionIsNotReused(Transport transport)
      throws IOException {
    // Why a fake: Go's net/http frames every HTTP/1.1 answer with Content-Length or chunked
    // encoding (raw streams aside); a body delimited only by the close is not something a daemon
    // sends on a normal call. The peer half-closes to end the body, then waits for the client to
    // close its side too.
    String big = "x".repeat(20_000) + "END";
    start(transport, ex -> {
      ex.readRequest();
      ex.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n" + big);
      ex.shutdownOutput();
      ex.awaitClientClose(CLIENT_CLOSE_WAIT);
    });
    try (Response r = doer.send(Request.get("/a").build())) {
      assertEquals(-1, r.body().contentLength());
      assertEquals(big, body(r));
    }
    assertEquals(0, doer.idleConnections(), "a close-delimited connection is not pooled");
    try (Response r = doer.send(Request.get("/b").build())) {
      assertEquals(big, body(r));
    }
    assertEquals(2, peer.connectionsAccepted(), "the second call dialled again");
  }

  // ---------------------------------------------------------------- 14. raw streams

  /**
   * Answers the upgrade with {@code head + "early"} in one write, expects "ping", answers "late",
   * waits for the client's half-close, then sends "after-eof" and half-closes.
   */
  static Script rawPeer(String head, CompletableFuture<RecordedRequest> request,
      CompletableFuture<Boolean> sawClientEof) {
    return ex -> {
      request.complete(ex.readRequest());
      ex.write(head + "early"); // one write: the client's parser reads the first bytes with the head
      byte[] ping = ex.input().readNBytes(4);
      if (!"ping".equals(text(ping))) {
        throw new AssertionError("expected ping from the client, got \"" + text(ping) + "\"");
      }
      ex.write("late");
      sawClientEof.complete(ex.awaitClientClose(Duration.ofSeconds(10)));
      ex.write("after-eof");
      ex.shutdownOutput();
      ex.awaitClientClose(CLIENT_CLOSE_WAIT);
    };
  }

  void exerciseRawStream(int expectedStatus, CompletableFuture<Boolean> sawClientEof)
      throws Exception {
    try (RawStream raw = doer.sendRaw(Request.post("/containers/c/attach")
        .query("stream", 1).query("stdin", 1).query("stdout", 1).build())) {
      assertEquals(expectedStatus, raw.status());
      assertEquals("application/vnd.docker.raw-stream", raw.headers().first("Content-Type"));
      InputStream in = raw.input();
      assertEquals(5, in.available(), "the bytes that came with the head were buffered by the parser");
      assertEquals("early", text(in.readNBytes(5)));

      raw.output().write(ascii("ping"));
      raw.output().flush();
      assertEquals("late", text(in.readNBytes(4)));

      raw.closeOutput();
      assertTrue(sawClientEof.get(5, TimeUnit.SECONDS), "the peer saw end of stream after closeOutput()");
      assertEquals("after-eof", text(in.readAllBytes()), "input stays readable after closeOutput()");
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void upgradeHandsOutBufferedBytesFirstAndSupportsHalfClose(Transport transport) throws Exception {
    // Why a fake: DoerContract runs attach with half-close on a real daemon, but whether the first
    // stream bytes share a read with the 101 head depends on timing there; the fake sends them in
    // the same write, so the hand-over of the parser's buffered bytes is tested every time. It also
    // lets the test see exactly when the peer observed the half-close.
    CompletableFuture<RecordedRequest> request = new CompletableFuture<>();
    CompletableFuture<Boolean> sawEof = new CompletableFuture<>();
    start(transport, rawPeer("HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\n"
        + "Connection: Upgrade\r\nUpgrade: tcp\r\n\r\n", request, sawEof));
    exerciseRawStream(101, sawEof);
    RecordedRequest r = request.get(5, TimeUnit.SECONDS);
    assertEquals("Upgrade", r.header("Connection"));
    assertEquals("tcp", r.header("Upgrade"));
  }

  @ParameterizedTest
  @MethodSource("transports")
  void olderRawFormWith200AndNoLengthBehavesLikeAnUpgrade(Transport transport) throws Exception {
    // Why a fake: only daemons older than any supported API answer attach with "200 OK" and a raw
    // stream; a current daemon always answers 101 to an upgrade request.
    CompletableFuture<RecordedRequest> request = new CompletableFuture<>();
    CompletableFuture<Boolean> sawEof = new CompletableFuture<>();
    start(transport, rawPeer("HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\n\r\n",
        request, sawEof));
    exerciseRawStream(200, sawEof);
  }
}
