package dev.berth.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.transport.Dialer;
import dev.berth.transport.Doer;
import dev.berth.transport.Http1Doer;
import dev.berth.transport.RawStream;
import dev.berth.transport.Request;
import dev.berth.transport.RequestBody;
import dev.berth.transport.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link Doer} must show, checked against the real test engine. A transport
 * passes it by extending this class and returning its {@link Dialer} (and, for a Doer other than
 * {@link Http1Doer}, overriding {@link #newDoer}). Each test says what it asks of the transport.
 * Assertions on how many connections were dialed (keep-alive and pooling, as HTTP/1.1 does them)
 * go through {@link #assertDialed}; a Doer that multiplexes or holds no connections (HTTP/2, in
 * memory) overrides {@link #countsDials()} and passes the rest. The byte-level behaviour of a
 * {@link Dialer} alone is {@link DialerContract}'s.
 */
@EngineTest
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class DoerContract {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TrackingDialer dialer;
  private Doer doer;
  private String v; // version prefix, e.g. /v1.41
  private final List<AutoCloseable> toClose = new ArrayList<>();

  /** The dialer of the transport under test; called once per test. */
  protected abstract Dialer dialer() throws IOException;

  /** The doer under test over {@code dialer}; {@link Http1Doer} unless overridden. */
  protected Doer newDoer(Dialer dialer) {
    return Http1Doer.of(dialer);
  }

  /**
   * Whether connections are dialed as an HTTP/1.1 pool does: one kept-alive connection for
   * sequential calls, at most one per concurrent call. Override to return false for a Doer that
   * multiplexes or dials differently; the dial-count assertions are then skipped.
   */
  protected boolean countsDials() {
    return true;
  }

  /** Asserts that at most {@code max} connections were dialed so far, when {@link #countsDials()}. */
  protected final void assertDialed(int max, String why) {
    if (countsDials()) {
      assertTrue(dialer.dialed() <= max, why + ": " + dialer.dialed() + " connections dialed, expected at most " + max);
    }
  }

  @BeforeEach
  void setUp(TestEngine engine) throws IOException {
    dialer = new TrackingDialer(dialer());
    doer = newDoer(dialer);
    v = "/v" + engine.client().apiVersion();
  }

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
    doer.close();
    assertEquals(0, dialer.open(), "connections left open by the doer under test");
  }

  private <T extends AutoCloseable> T closeLater(T c) {
    toClose.add(c);
    return c;
  }

  private static String text(Response r) throws IOException {
    return new String(r.body().stream().readAllBytes(), StandardCharsets.UTF_8);
  }

  private static JsonNode json(Response r) throws IOException {
    return JSON.readTree(r.body().stream().readAllBytes());
  }

  @Test
  void pingAnswersOkWithApiVersionHeader() throws IOException {
    try (Response r = doer.send(Request.get("/_ping").build())) {
      assertEquals(200, r.status());
      assertEquals("OK", text(r));
      assertNotNull(r.headers().first("api-version"), "API-Version header, looked up case-insensitively");
    }
  }

  /** After close, a response already handed out stays readable, and new calls are refused. */
  @Test
  void closedDoerRefusesNewCallsButLetsOpenResponsesFinish() throws IOException {
    Response open = doer.send(Request.get(v + "/version").build());
    doer.close();
    doer.close(); // idempotent
    try (open) {
      JsonNode version = JSON.readTree(open.body().stream());
      assertNotNull(version.get("ApiVersion"));
    }
    assertThrows(IllegalStateException.class, () -> doer.send(Request.get("/_ping").build()));
    assertThrows(IllegalStateException.class, () -> doer.sendRaw(Request.post("/_ping").build()));
  }

  @Test
  void sequentialRequestsReuseOneKeptAliveConnection() throws IOException {
    for (int i = 0; i < 25; i++) {
      try (Response r = doer.send(Request.get(v + "/version").build())) {
        assertEquals(200, r.status());
        assertTrue(json(r).has("ApiVersion"));
      }
    }
    assertDialed(1, "one connection for sequential calls whose bodies were read");
  }

  @Test
  void errorStatusCarriesTheEnginesJsonBody() throws IOException {
    try (Response r = doer.send(Request.get(v + "/containers/berth-no-such-container/json").build())) {
      assertEquals(404, r.status());
      assertTrue(json(r).get("message").asText().contains("berth-no-such-container"));
    }
  }

  @Test
  void headRequestHasNoBodyAndKeepsTheConnection() throws IOException {
    for (int i = 0; i < 3; i++) {
      try (Response r = doer.send(Request.head("/_ping").build())) {
        assertEquals(200, r.status());
        assertEquals(-1, r.body().stream().read());
      }
    }
    assertDialed(1, "HEAD answers have no body, so the connection is kept");
  }

  @Test
  void postWithFixedLengthAndChunkedBodiesAndQuery(TestEngine engine) throws IOException {
    String body = "{\"Image\":\"" + engine.image() + "\",\"Cmd\":[\"true\"],\"Labels\":{\"" + TestEngine.LABEL
        + "\":\"" + engine.labels().get(TestEngine.LABEL) + "\"},\"HostConfig\":{\"NetworkMode\":\"none\"}}";
    String fixedName = engine.uniqueName("fixed");
    try (Response r = doer.send(Request.post(v + "/containers/create").query("name", fixedName)
        .body(RequestBody.json(body)).build())) {
      assertEquals(201, r.status(), () -> "create with Content-Length body");
      assertEquals(64, json(r).get("Id").asText().length());
    }
    String chunkedName = engine.uniqueName("chunked");
    InputStream stream = new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    try (Response r = doer.send(Request.post(v + "/containers/create").query("name", chunkedName)
        .body(RequestBody.ofStream(stream, "application/json")).build())) {
      assertEquals(201, r.status(), () -> "create with chunked body");
    }
    for (String name : List.of(fixedName, chunkedName)) {
      try (Response r = doer.send(Request.get(v + "/containers/" + name + "/json").build())) {
        assertEquals(200, r.status());
        assertEquals("/" + name, json(r).get("Name").asText());
      }
      try (Response r = doer.send(Request.delete(v + "/containers/" + name).query("force", true).build())) {
        assertEquals(204, r.status());
      }
    }
  }

  @Test
  void queryValuesAreEncoded(TestEngine engine) throws IOException {
    String filters = "{\"label\":[\"" + TestEngine.LABEL + "=" + engine.labels().get(TestEngine.LABEL) + "\"]}";
    String id = engine.createContainer("true");
    try (Response r = doer.send(Request.get(v + "/containers/json").query("all", 1).query("filters", filters).build())) {
      assertEquals(200, r.status());
      JsonNode list = json(r);
      assertEquals(1, list.size(), "the label filter, sent JSON-encoded in the query, matched");
      assertEquals(id, list.get(0).get("Id").asText());
    }
  }

  @Test
  void concurrentCallsFromManyThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(pool.submit(() -> {
          int ok = 0;
          for (int i = 0; i < 40; i++) {
            try (Response r = doer.send(Request.get("/_ping").build())) {
              if (r.status() == 200 && text(r).equals("OK")) {
                ok++;
              }
            }
          }
          return ok;
        }));
      }
      for (Future<Integer> f : results) {
        assertEquals(40, f.get(30, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertDialed(8 + 8, "connections are pooled, not dialed per call");
  }

  @Test
  void streamingBodyDeliversEventsAsTheyHappenAndCloseFromAnotherThreadUnblocksTheReader(TestEngine engine)
      throws Exception {
    Response events = closeLater(doer.send(Request.get(v + "/events")
        .query("filters", "{\"type\":[\"container\"],\"label\":[\"" + TestEngine.LABEL + "="
            + engine.labels().get(TestEngine.LABEL) + "\"]}")
        .readTimeout(Duration.ZERO).build()));
    assertEquals(200, events.status());
    String id = engine.createContainer("true");
    InputStream in = events.body().stream();
    byte[] buf = new byte[4096];
    int n = in.read(buf);
    assertTrue(n > 0);
    String first = new String(buf, 0, n, StandardCharsets.UTF_8);
    assertTrue(first.contains(id) && first.contains("create"), first);

    // the stream is now idle; a reader blocks until another thread closes the response
    CompletableFuture<Throwable> reader = CompletableFuture.supplyAsync(() -> {
      try {
        while (in.read(buf) >= 0) {
          // more events would be fine; we wait for the close
        }
        return null;
      } catch (IOException e) {
        return e;
      }
    });
    Thread.sleep(200);
    assertFalse(reader.isDone(), "the reader should be blocked on the idle stream");
    long t0 = System.nanoTime();
    events.close();
    Throwable outcome = reader.get(5, TimeUnit.SECONDS);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(ms < 1000, "close unblocked the reader in " + ms + " ms");
    assertNotNull(outcome, "a read after close fails rather than reporting a clean end");
    assertThrows(IOException.class, () -> in.read(buf), "no data after close");
  }

  @Test
  void readTimeoutFiresOnAnIdleStream() throws IOException {
    // filtered to a label nothing carries: the engine may be shared with other tests running containers
    String nothing = "{\"label\":[\"" + TestEngine.LABEL + ".idle=" + java.util.UUID.randomUUID() + "\"]}";
    try (Response r = doer.send(Request.get(v + "/events").query("filters", nothing)
        .readTimeout(Duration.ofMillis(300)).build())) {
      assertEquals(200, r.status());
      long t0 = System.nanoTime();
      assertThrows(SocketTimeoutException.class, () -> r.body().stream().read());
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(ms >= 250 && ms < 3000, "timed out after " + ms + " ms");
    }
  }

  /** A container whose PID 1 ignores SIGTERM: stopping it makes the engine wait before answering. */
  private String stubbornContainer(TestEngine engine) {
    String id = engine.createContainer("sleep", "600");
    engine.start(id);
    return id;
  }

  @Test
  void callTimeoutBoundsTheWaitForResponseHeaders(TestEngine engine) throws IOException {
    String id = stubbornContainer(engine);
    long t0 = System.nanoTime();
    SocketTimeoutException e = assertThrows(SocketTimeoutException.class,
        () -> doer.send(Request.post(v + "/containers/" + id + "/stop").query("t", 5)
            .callTimeout(Duration.ofMillis(400)).build()).close());
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(ms >= 350 && ms < 2500, "call timeout after " + ms + " ms: " + e.getMessage());
  }

  @Test
  void interruptCancelsACallWaitingForHeaders(TestEngine engine) throws Exception {
    String id = stubbornContainer(engine);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(1);
    Thread caller = new Thread(() -> {
      started.countDown();
      try (Response r = doer.send(Request.post(v + "/containers/" + id + "/stop").query("t", 5).build())) {
        failure.set(new AssertionError("stop answered " + r.status() + " despite the interrupt"));
      } catch (Throwable t) {
        failure.set(t);
      }
    });
    caller.start();
    started.await();
    Thread.sleep(300);
    long t0 = System.nanoTime();
    caller.interrupt();
    caller.join(5000);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertFalse(caller.isAlive());
    assertTrue(failure.get() instanceof InterruptedIOException, "got " + failure.get());
    assertTrue(ms < 2000, "interrupt took " + ms + " ms");
  }

  private static final Map<String, Object> STDIN = Map.of(
      "OpenStdin", true, "StdinOnce", true, "AttachStdin", true, "AttachStdout", true, "AttachStderr", true);

  @Test
  void rawStreamIsFullDuplexWithHalfClose(TestEngine engine) throws Exception {
    // cat echoes stdin to stdout; with StdinOnce, closing our side of stdin ends the container
    String id = engine.createContainer(STDIN, "cat");
    RawStream raw = closeLater(doer.sendRaw(Request.post(v + "/containers/" + id + "/attach")
        .query("stream", 1).query("stdin", 1).query("stdout", 1).query("stderr", 1)
        .readTimeout(Duration.ZERO).build()));
    assertTrue(raw.status() == 101 || raw.status() == 200, "status " + raw.status());
    engine.start(id);

    ByteArrayOutputStream got = new ByteArrayOutputStream();
    CountDownLatch blocked = new CountDownLatch(1);
    CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
      try {
        blocked.countDown();
        byte[] b = new byte[8192];
        int n;
        while ((n = raw.input().read(b)) >= 0) {
          synchronized (got) {
            got.write(b, 0, n);
          }
        }
      } catch (IOException e) {
        throw new RuntimeException(e);
      }
    });
    blocked.await();
    Thread.sleep(100); // the reader is now blocked in read; writing must not wait for it
    byte[] hello = "hello\n".getBytes(StandardCharsets.UTF_8);
    raw.output().write(hello);
    raw.output().flush();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      synchronized (got) {
        if (got.size() >= 8 + hello.length) {
          break;
        }
      }
      if (System.nanoTime() > deadline) {
        fail("no echo within 10 s while a reader was blocked: got " + got.size() + " bytes");
      }
      Thread.sleep(10);
    }
    raw.closeOutput(); // EOF on the container's stdin: cat exits, the engine closes the stream
    reader.get(20, TimeUnit.SECONDS);
    byte[] all = got.toByteArray();
    assertEquals(1, all[0], "a stdout frame");
    assertArrayEquals(hello, java.util.Arrays.copyOfRange(all, 8, 8 + hello.length));
    assertEquals(0, engine.waitForExit(id));
  }

  @Test
  void closingARawStreamFromAnotherThreadUnblocksItsReader(TestEngine engine) throws Exception {
    String id = engine.createContainer(STDIN, "cat");
    RawStream raw = doer.sendRaw(Request.post(v + "/containers/" + id + "/attach")
        .query("stream", 1).query("stdin", 1).query("stdout", 1).readTimeout(Duration.ZERO).build());
    engine.start(id);
    CompletableFuture<Throwable> reader = CompletableFuture.supplyAsync(() -> {
      try {
        raw.input().read(new byte[100]);
        return null;
      } catch (IOException e) {
        return e;
      }
    });
    Thread.sleep(200);
    assertFalse(reader.isDone());
    long t0 = System.nanoTime();
    raw.close();
    assertNotNull(reader.get(5, TimeUnit.SECONDS));
    assertTrue((System.nanoTime() - t0) / 1_000_000 < 1000);
  }

  @Test
  void rawCallWithAnErrorStatusExposesTheErrorBody() throws IOException {
    try (RawStream raw = doer.sendRaw(Request.post(v + "/containers/berth-no-such-container/attach")
        .query("stream", 1).query("stdout", 1).build())) {
      assertEquals(404, raw.status());
      String body = new String(raw.input().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(body.contains("berth-no-such-container"), body);
    }
  }
}
