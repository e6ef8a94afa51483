package dev.berth.transport.http2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testkit.EngineTest;
import dev.berth.testkit.TestEngine;
import dev.berth.transport.Doer;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What HTTP/2 adds over HTTP/1.1, checked at the real peer (nginx in front of the engine): many
 * streams on one connection, per-stream flow control, reset of one stream, GOAWAY, the ALPN
 * fallback, and no threads left after close.
 */
@EngineTest
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class Http2MultiplexTest {

  private static String v(TestEngine engine) {
    return "/v" + engine.client().apiVersion();
  }

  private static Request follow(TestEngine engine, String id) {
    return Request.get(v(engine) + "/containers/" + id + "/logs").query("follow", 1).query("stdout", 1)
        .readTimeout(Duration.ZERO).build();
  }

  /** The payload of a multiplexed log stream (8-byte frame headers dropped). */
  private static String demux(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i + 8 <= raw.length) {
      int len = ((raw[i + 4] & 0xff) << 24) | ((raw[i + 5] & 0xff) << 16) | ((raw[i + 6] & 0xff) << 8) | (raw[i + 7] & 0xff);
      out.write(raw, i + 8, Math.min(len, raw.length - i - 8));
      i += 8 + len;
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void sixtyFourFollowLogStreamsShareOneConnectionAndAllGetTheirLines(TestEngine engine) throws Exception {
    String mark = "fan-" + UUID.randomUUID();
    String id = engine.createContainer("sh", "-c", "sleep 2; for i in 1 2 3 4 5; do echo line$i; sleep 0.2; done");
    ExecutorService pool = Executors.newFixedThreadPool(64);
    try (Http2Doer h2 = H2Rig.doer(H2Rig.Mode.TCP)) {
      Doer doer = new Marking(h2, mark);
      engine.start(id);
      List<Future<String>> streams = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        streams.add(pool.submit(() -> {
          try (Response r = doer.send(follow(engine, id))) {
            assertEquals(200, r.status());
            return demux(r.body().stream().readAllBytes());
          }
        }));
      }
      for (Future<String> f : streams) {
        assertEquals("line1\nline2\nline3\nline4\nline5\n", f.get(60, TimeUnit.SECONDS));
      }
      assertEquals(1, h2.stats().dialedConnections());
      assertEquals(0, h2.stats().openStreams());
    } finally {
      pool.shutdownNow();
    }
    List<String[]> log = H2Rig.logLines(mark);
    assertEquals(64, log.size(), "nginx logged every stream");
    assertEquals(1, H2Rig.connections(mark).size(), "one connection at the peer: " + H2Rig.connections(mark));
    for (String[] f : log) {
      assertEquals("HTTP/2.0", f[2]);
    }
  }

  @Test
  void aStalledReaderHoldsBackOnlyItsOwnStream(TestEngine engine) throws Exception {
    // about 4 MB of log at once, then the container waits: far more than one stream window
    String id = engine.createContainer("sh", "-c", "yes 0123456789abcdef0123456789abcdef | head -c 4000000; sleep 30");
    int window = 64 * 1024;
    try (Http2Doer h2 = H2Rig.doer(H2Rig.Mode.UNIX, H2Rig.http1Dialer(H2Rig.Mode.UNIX)).streamWindow(window).build()) {
      engine.start(id);
      Response stalled = h2.send(follow(engine, id));
      InputStream s = stalled.body().stream();
      assertTrue(s.read(new byte[100]) > 0);
      // the stalled stream stays open and unread while two others read the whole log
      for (int round = 0; round < 2; round++) {
        try (Response r = h2.send(follow(engine, id))) {
          InputStream in = r.body().stream();
          byte[] buf = new byte[64 * 1024];
          long total = 0;
          while (total < 4_000_000L) {
            int n = in.read(buf);
            assertTrue(n > 0, "the stream ended early after " + total + " bytes");
            total += n;
          }
        } // closed mid-stream (the container still runs): RST_STREAM for this stream only
      }
      int held = s.available();
      assertTrue(held <= 2 * window, "the stalled stream buffers " + held + " bytes, at most two windows");
      assertEquals(1, h2.stats().openStreams(), "only the stalled stream is still open");
      // it was only paused: reading it resumes where it stopped
      byte[] more = new byte[256 * 1024];
      int got = s.readNBytes(more, 0, more.length);
      assertEquals(more.length, got);
      stalled.close();
      assertThrows(IOException.class, () -> s.read());
      try (Response r = h2.send(Request.get("/_ping").build())) {
        assertEquals(200, r.status());
      }
      assertEquals(1, h2.stats().dialedConnections(), "resets closed streams, not the connection");
    }
  }

  @Test
  void goAwayFromAReloadFailsTheOldStreamAndTheNextCallUsesANewConnection(TestEngine engine) throws Exception {
    String mark = "goaway-" + UUID.randomUUID();
    String id = engine.createContainer("sh", "-c", "while true; do echo tick; sleep 0.2; done");
    try (Http2Doer h2 = H2Rig.doer(H2Rig.Mode.TCP)) {
      Doer doer = new Marking(h2, mark);
      engine.start(id);
      Response ticking = doer.send(follow(engine, id));
      InputStream in = ticking.body().stream();
      assertTrue(in.read(new byte[64]) > 0);
      H2Rig.reloadNginx(); // only our own nginx: scripts/nginx-up's
      Throwable failure = H2Rig.readUntilFailure(in); // ticks until the old worker closes the connection
      assertInstanceOf(Http2StreamException.class, failure, "the stream's end is a typed failure, not EOF");
      ticking.close();
      try (Response r = doer.send(Request.get("/_ping").build())) {
        assertEquals(200, r.status());
      }
      assertEquals(2, h2.stats().dialedConnections(), "the next call opened a new connection");
    }
    Set<String> connections = H2Rig.connections(mark);
    assertEquals(2, connections.size(), "two connections at the peer: " + connections);
  }

  @Test
  void streamsRefusedByGoAwayAtThePeersRequestLimitAreSentAgainOnANewConnection() throws Exception {
    // nginx ends a connection with GOAWAY after 1000 requests (keepalive_requests): the streams
    // it did not process are retried on a new connection, and no call sees the GOAWAY
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (Http2Doer h2 = H2Rig.doer(H2Rig.Mode.TCP)) {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(pool.submit(() -> {
          int ok = 0;
          for (int i = 0; i < 150; i++) {
            try (Response r = h2.send(Request.get("/_ping").build())) {
              ok += r.status() == 200 ? 1 : 0;
            }
          }
          return ok;
        }));
      }
      for (Future<Integer> f : results) {
        assertEquals(150, f.get(60, TimeUnit.SECONDS));
      }
      assertTrue(h2.stats().dialedConnections() >= 2, "1200 calls need a second connection: " + h2.stats());
      assertEquals(1, h2.stats().openConnections(), "connections drained after GOAWAY are closed: " + h2.stats());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void alpnFallsBackToHttp1WhenTheServerPicksIt() throws Exception {
    String mark = "alpn-" + UUID.randomUUID();
    try (Http2Doer h2 = Http2Doer.builder(H2Rig.tlsHttp1Only()).tls(H2Rig.tls()).build()) {
      assertEquals(Optional.empty(), h2.usesHttp2());
      Doer doer = new Marking(h2, mark);
      for (int i = 0; i < 3; i++) {
        try (Response r = doer.send(Request.get("/_ping").build())) {
          assertEquals(200, r.status());
          assertEquals("OK", new String(r.body().stream().readAllBytes(), StandardCharsets.UTF_8));
        }
      }
      assertEquals(Optional.of(false), h2.usesHttp2());
      assertEquals(0, h2.stats().openConnections());
    }
    List<String[]> log = H2Rig.logLines(mark);
    assertEquals(3, log.size());
    for (String[] f : log) {
      assertEquals("HTTP/1.1", f[2]);
    }
  }

  @Test
  void h2OverTlsIsChosenByAlpn() throws Exception {
    try (Http2Doer h2 = H2Rig.doer(H2Rig.Mode.TLS)) {
      try (Response r = h2.send(Request.get("/_ping").build())) {
        assertEquals(200, r.status());
      }
      assertEquals(Optional.of(true), h2.usesHttp2());
    }
  }

  @Test
  void eventLoopThreadsAreGoneAfterCloseOnceTheLastResponseIsClosed(TestEngine engine) throws Exception {
    Http2Doer h2 = H2Rig.doer(H2Rig.Mode.UNIX);
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    Response open = h2.send(Request.get(v(engine) + "/version").build());
    List<Thread> ours = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (!before.contains(t) && t.getName().startsWith("berth-http2-")) {
        ours.add(t);
        assertTrue(t.isDaemon(), t.getName() + " is a daemon thread");
      }
    }
    assertEquals(1, ours.size(), "one event loop thread by default: " + ours);
    h2.close();
    assertThrows(IllegalStateException.class, () -> h2.send(Request.get("/_ping").build()));
    try (open) {
      assertTrue(new String(open.body().stream().readAllBytes(), StandardCharsets.UTF_8).contains("ApiVersion"),
          "a response handed out before close stays readable");
    }
    for (Thread t : ours) {
      t.join(5000);
      assertFalse(t.isAlive(), t.getName() + " still runs after close");
    }
    assertEquals(0, h2.stats().openConnections());
  }

  @Test
  void aCancelTokenEndsACallWaitingForItsHeadAndOnlyThatStream(TestEngine engine) throws Exception {
    String id = engine.createContainer("sleep", "600"); // PID 1 ignores SIGTERM: stop waits for t
    engine.start(id);
    try (Http2Doer h2 = H2Rig.doer(H2Rig.Mode.UNIX)) {
      dev.berth.transport.CancelToken token = new dev.berth.transport.CancelToken();
      CompletableFuture<Throwable> call = CompletableFuture.supplyAsync(() -> {
        try (Response r = h2.send(Request.post(v(engine) + "/containers/" + id + "/stop").query("t", 5)
            .cancelToken(token).build())) {
          return new AssertionError("stop answered " + r.status() + " despite the cancel");
        } catch (Throwable t) {
          return t;
        }
      });
      Thread.sleep(300);
      assertFalse(call.isDone(), "the stop call waits for the engine");
      token.cancel();
      assertInstanceOf(dev.berth.transport.CallCancelledException.class, call.get(5, TimeUnit.SECONDS));
      try (Response r = h2.send(Request.get("/_ping").build())) {
        assertEquals(200, r.status(), "the connection outlives the cancelled stream");
      }
      assertEquals(1, h2.stats().dialedConnections());
      assertEquals(0, h2.stats().openStreams());
    }
  }

  @Test
  void closingAResponseResetsItsStreamAndLaterReadsFail(TestEngine engine) throws Exception {
    String id = engine.createContainer("sh", "-c", "while true; do echo x; sleep 0.1; done");
    try (Http2Doer h2 = H2Rig.doer(H2Rig.Mode.TLS)) {
      engine.start(id);
      Response r = h2.send(follow(engine, id));
      r.close();
      IOException e = assertThrows(IOException.class, () -> r.body().stream().read());
      assertNotEquals(null, e.getMessage());
      assertEquals(0, h2.stats().openStreams());
    }
  }

  @Test
  void theReadTimeoutBoundsTheWaitForTheHeadAndTheBodyReadTimeoutTheIdleStream(TestEngine engine) throws Exception {
    String sleeper = engine.createContainer("sleep", "600"); // PID 1 ignores SIGTERM: stop waits for t
    String talker = engine.createContainer("sh", "-c", "echo first; sleep 3; echo second");
    engine.start(sleeper);
    try (Http2Doer h2 = H2Rig.doer(H2Rig.Mode.UNIX)) {
      // the engine sends no head until the 5 s stop timeout has passed: the 1 s read timeout ends the wait
      Request stop = Request.post(v(engine) + "/containers/" + sleeper + "/stop").query("t", 5)
          .readTimeout(Duration.ofSeconds(1)).build();
      IOException e = assertThrows(IOException.class, () -> h2.send(stop).close());
      assertInstanceOf(java.net.SocketTimeoutException.class, e, String.valueOf(e));

      // a follow stream whose head came at once may idle past the read timeout when asked to
      engine.start(talker);
      Request logs = Request.get(v(engine) + "/containers/" + talker + "/logs").query("follow", 1)
          .query("stdout", 1).readTimeout(Duration.ofSeconds(1)).bodyReadTimeout(Duration.ZERO).build();
      try (Response r = h2.send(logs)) {
        String out = demux(r.body().stream().readAllBytes());
        assertEquals("first\nsecond\n", out);
      }
    }
  }
}
