package dev.berth.transport.http2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.EngineClient;
import dev.berth.containers.AttachedStream;
import dev.berth.containers.ContainerService;
import dev.berth.testkit.EngineTest;
import dev.berth.testkit.TestEngine;
import dev.berth.transport.Endpoint;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import dev.berth.transport.TransportListener;
import dev.berth.types.exec.ExecCreateRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The events an {@link Http2Doer} tells its {@link TransportListener}, at the real peer (nginx in
 * front of the engine): dials, streams on a new and on a reused connection, concurrent streams on
 * one connection, GOAWAY, a refused dial, the ALPN fallback, and a listener that throws.
 */
@EngineTest
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class Http2ListenerTest {

  /** Records each event as a short line; optionally throws after recording it. */
  static final class Recorder implements TransportListener {
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    final List<IOException> failures = new CopyOnWriteArrayList<>();
    final CountDownLatch closed = new CountDownLatch(1);
    final boolean throwing;

    Recorder(boolean throwing) {
      this.throwing = throwing;
    }

    private void add(Request r, String e) {
      if (r != null) {
        requests.add(r);
      }
      events.add(e);
      if (throwing) {
        throw new IllegalStateException("a listener bug: " + e);
      }
    }

    @Override public void dialStart(Request r, String endpoint) { add(r, "dialStart " + endpoint); }
    @Override public void dialEnd(Request r, String endpoint, long nanos) { add(r, "dialEnd" + (nanos > 0 ? "" : " zero")); }
    @Override public void dialFailed(Request r, String endpoint, long nanos, IOException e) {
      failures.add(e);
      add(r, "dialFailed");
    }
    @Override public void connectionAcquired(Request r, String endpoint, boolean reused) { add(r, "acquired reused=" + reused); }
    @Override public void connectionReleased(String endpoint) { add(null, "released"); }
    @Override public void connectionEvicted(String endpoint) { add(null, "evicted"); }
    @Override public void connectionClosed(String endpoint) {
      closed.countDown();
      add(null, "closed");
    }
    @Override public void requestSent(Request r) { add(r, "sent"); }
    @Override public void responseHeadReceived(Request r, int status) { add(r, "head " + status); }
    @Override public void bodyEnded(Request r, long bytes, boolean complete) { add(r, "bodyEnded " + bytes + " " + complete); }
    @Override public void callFailed(Request r, IOException e) {
      failures.add(e);
      add(r, "failed " + e.getClass().getSimpleName());
    }

    /**
     * The events but {@code released} and {@code closed}: those come from the event loop when
     * a stream or connection closes, so their place among the caller's events is not fixed.
     */
    List<String> callerEvents() {
      List<String> out = new ArrayList<>();
      for (String e : events) {
        if (!e.equals("released") && !e.equals("closed")) {
          out.add(e);
        }
      }
      return out;
    }

    long count(String event) {
      return events.stream().filter(event::equals).count();
    }
  }

  private static String v(TestEngine engine) {
    return "/v" + engine.client().apiVersion();
  }

  /** An event stream that stays open (the replay of past events, then waiting for new ones). */
  private static Request events(TestEngine engine) {
    return Request.get(v(engine) + "/events").query("since", "0")
        .readTimeout(Duration.ofSeconds(30)).bodyReadTimeout(Duration.ZERO).build();
  }

  private static String ping(Http2Doer doer, Request ping) throws IOException {
    try (Response r = doer.send(ping)) {
      return new String(r.body().bytes(100), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(H2Rig.Mode.class)
  void aNewThenAReusedConnectionThenTheDoerClosed(H2Rig.Mode mode) throws IOException {
    Recorder rec = new Recorder(false);
    Request ping = Request.get("/_ping").build();
    Endpoint endpoint = H2Rig.endpoint(mode);
    try (Http2Doer h2 = H2Rig.doer(mode, H2Rig.http1Dialer(mode)).listener(rec).build()) {
      assertEquals("OK", ping(h2, ping));
      assertEquals("OK", ping(h2, ping));
      assertEquals(List.of("dialStart " + endpoint, "dialEnd",
          "acquired reused=false", "sent", "head 200", "bodyEnded 2 true",
          "acquired reused=true", "sent", "head 200", "bodyEnded 2 true"), rec.callerEvents());
      assertEquals(2, rec.count("released"), "each stream's end frees its slot: " + rec.events);
      assertEquals(0, rec.count("closed"), rec.events.toString());
      rec.requests.forEach(r -> assertSame(ping, r));
    }
    assertEquals(1, rec.count("closed"), "closing the doer closes its one connection: " + rec.events);
  }

  @Test
  void concurrentStreamsShareOneConnectionAndEachIsToldOnItsOwn(TestEngine engine) throws IOException {
    Recorder rec = new Recorder(false);
    List<Response> open = new ArrayList<>();
    try (Http2Doer h2 = H2Rig.doer(H2Rig.Mode.TCP, H2Rig.http1Dialer(H2Rig.Mode.TCP)).listener(rec).build()) {
      try {
        for (int i = 0; i < 5; i++) {
          Response r = h2.send(events(engine));
          assertEquals(200, r.status());
          open.add(r);
        }
        for (Response r : open) {
          assertTrue(r.body().stream().read() >= 0, "the replayed events arrive on every stream");
        }
        assertEquals(new Http2Stats(1, 1, 5), h2.stats());
        assertEquals(1, rec.events.stream().filter(e -> e.startsWith("dialStart ")).count(), rec.events.toString());
        assertEquals(1, rec.count("acquired reused=false"), rec.events.toString());
        assertEquals(4, rec.count("acquired reused=true"), rec.events.toString());
        assertEquals(5, rec.count("head 200"), rec.events.toString());
        assertEquals(0, rec.count("released"), "no stream has ended yet: " + rec.events);
      } finally {
        for (Response r : open) {
          r.close();
        }
      }
      assertEquals(5, rec.count("released"), rec.events.toString());
      assertEquals(5, rec.events.stream().filter(e -> e.startsWith("bodyEnded ") && e.endsWith(" false")).count(),
          "each stream closed before its end: " + rec.events);
      assertEquals(0, rec.count("closed"), "resets end streams, not the connection: " + rec.events);
      assertEquals(0, h2.stats().openStreams());
    }
  }

  @Test
  void goAwayEndsTheConnectionAndTheNextCallDialsANewOne(TestEngine engine) throws Exception {
    Recorder rec = new Recorder(false);
    try (Http2Doer h2 = H2Rig.doer(H2Rig.Mode.TCP, H2Rig.http1Dialer(H2Rig.Mode.TCP)).listener(rec).build()) {
      Request stream = events(engine);
      Response held = h2.send(stream);
      InputStream in = held.body().stream();
      assertTrue(in.read() >= 0);
      H2Rig.reloadNginx(); // only our own nginx (scripts/nginx-up's): its old worker sends GOAWAY, then closes
      IOException failure = H2Rig.readUntilFailure(in);
      assertInstanceOf(Http2StreamException.class, failure);
      assertTrue(rec.closed.await(30, TimeUnit.SECONDS), "the old connection's close is told: " + rec.events);
      assertTrue(rec.events.contains("failed Http2StreamException"), rec.events.toString());
      assertSame(failure, rec.failures.get(rec.failures.size() - 1), "callFailed gets the exception the reader got");
      held.close();
      assertTrue(rec.events.stream().anyMatch(e -> e.startsWith("bodyEnded ") && e.endsWith(" false")),
          "closing the failed response tells an incomplete body: " + rec.events);
      rec.events.clear();
      Request ping = Request.get("/_ping").build();
      assertEquals("OK", ping(h2, ping));
      assertEquals(List.of("dialStart " + H2Rig.endpoint(H2Rig.Mode.TCP), "dialEnd",
          "acquired reused=false", "sent", "head 200", "bodyEnded 2 true"), rec.callerEvents());
      assertEquals(2, h2.stats().dialedConnections());
    }
  }

  @Test
  void aRefusedDialIsToldAsDialFailedAndCallFailed() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort(); // closed below: nothing listens there any more
    }
    Endpoint closed = Endpoint.parse("http://127.0.0.1:" + port);
    Recorder rec = new Recorder(false);
    try (Http2Doer h2 = Http2Doer.builder(closed).connectTimeout(Duration.ofSeconds(5)).listener(rec).build()) {
      IOException e = assertThrows(IOException.class, () -> h2.send(Request.get("/_ping").build()));
      assertEquals(List.of("dialStart " + closed, "dialFailed", "failed " + e.getClass().getSimpleName()), rec.events);
      assertSame(e, rec.failures.get(0), "dialFailed gets the failure the caller sees");
      assertSame(e, rec.failures.get(1));
      assertEquals(new Http2Stats(0, 0, 0), h2.stats());
    }
    assertEquals(3, rec.events.size(), "nothing was open, so closing tells nothing: " + rec.events);
  }

  @Test
  void aListenerThatThrowsBreaksNoCall(TestEngine engine) throws IOException {
    Recorder rec = new Recorder(true);
    Request ping = Request.get("/_ping").build();
    try (Http2Doer h2 = H2Rig.doer(H2Rig.Mode.TCP, H2Rig.http1Dialer(H2Rig.Mode.TCP)).listener(rec).build()) {
      assertEquals("OK", ping(h2, ping));
      assertEquals("OK", ping(h2, ping));
      try (Response r = h2.send(events(engine))) {
        assertTrue(r.body().stream().read() >= 0);
      }
      assertEquals(new Http2Stats(1, 1, 0), h2.stats(), "the streams' accounting survived the listener");
      assertEquals(List.of("dialStart " + H2Rig.endpoint(H2Rig.Mode.TCP), "dialEnd",
          "acquired reused=false", "sent", "head 200", "bodyEnded 2 true",
          "acquired reused=true", "sent", "head 200", "bodyEnded 2 true",
          "acquired reused=true", "sent", "head 200", "bodyEnded 1 false"), rec.callerEvents().subList(0, 14),
          "every event still reaches the listener");
    }
    assertEquals(1, rec.count("closed"), rec.events.toString());
  }

  @Test
  void theAlpnFallbackTellsTheSameListenerThroughItsHttp1Doer() throws Exception {
    Recorder rec = new Recorder(false);
    Endpoint endpoint = H2Rig.tlsHttp1Only();
    try (Http2Doer h2 = Http2Doer.builder(endpoint).tls(H2Rig.tls()).listener(rec).build()) {
      Request ping = Request.get("/_ping").build();
      assertEquals("OK", ping(h2, ping));
      assertEquals(java.util.Optional.of(false), h2.usesHttp2());
      List<String> seen = rec.callerEvents();
      assertEquals(List.of("dialStart " + endpoint, "dialEnd"), seen.subList(0, 2),
          "the HTTP/2 dial, which ALPN answered with http/1.1: " + seen);
      assertEquals(List.of("dialStart " + endpoint.dialer(H2Rig.tls()), "dialEnd", "acquired reused=false", "sent",
          "head 200", "bodyEnded 2 true"), seen.subList(2, seen.size()), "then the HTTP/1.1 doer's own: " + seen);
      assertTrue(rec.closed.await(10, TimeUnit.SECONDS), "the connection ALPN gave http/1.1 is closed: " + rec.events);
      assertEquals(1, rec.count("released"), "the HTTP/1.1 connection went back to its pool: " + rec.events);
    }
  }

  @Test
  void aRawCallGoesOverTheDefaultHttp1DoerAndIsToldToTheSameListener(TestEngine engine) throws Exception {
    Recorder rec = new Recorder(false);
    Endpoint endpoint = H2Rig.endpoint(H2Rig.Mode.TLS);
    String sleeper = engine.createContainer("sleep", "60");
    engine.start(sleeper);
    // no http1(...): the doer's own HTTP/1.1 doer (same TLS listener; nginx speaks HTTP/1.1 there
    // to a client without ALPN h2) carries the raw call, and tells rec
    try (Http2Doer h2 = Http2Doer.builder(endpoint).tls(H2Rig.tls()).listener(rec).build();
         EngineClient client = EngineClient.builder(h2).build()) {
      ContainerService containers = ContainerService.create(client);
      String exec = containers.execCreate(sleeper, ExecCreateRequest.builder()
          .cmd("echo", "raw").attachStdout(true).attachStderr(true).build());
      List<String> beforeRaw = rec.callerEvents();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (AttachedStream session = containers.execStart(exec)) {
        session.output().copyTo(out, new ByteArrayOutputStream());
      }
      assertEquals("raw\n", out.toString(StandardCharsets.UTF_8));
      List<String> all = rec.callerEvents();
      assertEquals("dialStart " + endpoint, beforeRaw.get(0), "the API calls before went over HTTP/2: " + beforeRaw);
      List<String> raw = all.subList(beforeRaw.size(), all.size());
      int dial = raw.indexOf("dialStart " + endpoint.dialer(H2Rig.tls()));
      assertTrue(dial >= 0, "the raw call dialed a connection: " + raw);
      assertEquals(List.of("dialEnd", "acquired reused=false", "sent", "head 101"), raw.subList(dial + 1, dial + 5),
          "and was told as an HTTP/1.1 exchange switching protocols: " + raw);
      assertEquals(1, h2.stats().dialedConnections(), "the raw call opened no HTTP/2 connection");
    } finally {
      engine.remove(sleeper);
    }
  }
}
