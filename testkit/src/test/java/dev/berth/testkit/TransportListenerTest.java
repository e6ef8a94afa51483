package dev.berth.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.transport.ConnectionStats;
import dev.berth.transport.Dialers;
import dev.berth.transport.Endpoint;
import dev.berth.transport.Http1Doer;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import dev.berth.transport.TransportListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The events an {@link Http1Doer} tells its listener, and its connection stats, on a real engine. */
@EngineTest
class TransportListenerTest {

  /** Records every event as a short line; the request is checked to be the caller's instance. */
  static final class Recorder implements TransportListener {
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    private void add(Request r, String e) {
      if (r != null) {
        requests.add(r);
      }
      events.add(e);
    }

    @Override public void dialStart(Request r, String endpoint) { add(r, "dialStart " + endpoint); }
    @Override public void dialEnd(Request r, String endpoint, long nanos) { add(r, "dialEnd" + (nanos > 0 ? "" : " zero")); }
    @Override public void dialFailed(Request r, String endpoint, long nanos, IOException e) { add(r, "dialFailed"); }
    @Override public void connectionAcquired(Request r, String endpoint, boolean reused) { add(r, "acquired reused=" + reused); }
    @Override public void connectionReleased(String endpoint) { add(null, "released"); }
    @Override public void connectionEvicted(String endpoint) { add(null, "evicted"); }
    @Override public void connectionClosed(String endpoint) { add(null, "closed"); }
    @Override public void requestSent(Request r) { add(r, "sent"); }
    @Override public void responseHeadReceived(Request r, int status) { add(r, "head " + status); }
    @Override public void bodyEnded(Request r, long bytes, boolean complete) { add(r, "bodyEnded " + bytes + " " + complete); }
    @Override public void callFailed(Request r, IOException e) { add(r, "failed " + e.getClass().getSimpleName()); }
  }

  @Test
  void pingTellsEachStepAndTheSecondReusesThePooledConnection(TestEngine engine) throws IOException {
    Recorder rec = new Recorder();
    Endpoint endpoint = Endpoint.parse(engine.address());
    Request ping = Request.get("/_ping").build();
    try (Http1Doer doer = Http1Doer.builder(endpoint.dialer()).listener(rec).build()) {
      for (int i = 0; i < 2; i++) {
        try (Response r = doer.send(ping)) {
          assertEquals("OK", new String(r.body().bytes(100)));
        }
      }
      assertEquals(List.of("dialStart " + endpoint.dialer(), "dialEnd", "acquired reused=false", "sent", "head 200",
          "bodyEnded 2 true", "released",
          "acquired reused=true", "sent", "head 200", "bodyEnded 2 true", "released"), rec.events);
      rec.requests.forEach(r -> assertSame(ping, r));
      ConnectionStats s = doer.stats();
      assertEquals(1, s.open());
      assertEquals(1, s.idle());
      assertEquals(0, s.inUse());
      assertEquals(1, s.dialed());
      assertEquals(1, s.reused());
      assertEquals(0, s.evicted());
      rec.events.clear();
    }
    assertEquals(List.of("evicted", "closed"), rec.events, "closing the doer evicts the idle connection");
  }

  @Test
  void aStreamClosedEarlyEndsIncompleteAndItsConnectionIsClosedNotPooled(TestEngine engine) throws IOException {
    Recorder rec = new Recorder();
    engine.remove(engine.createContainer("true")); // so there are events to replay
    try (Http1Doer doer = Http1Doer.builder(Endpoint.parse(engine.address()).dialer()).listener(rec).build()) {
      Request events = Request.get("/v" + engine.client().apiVersion() + "/events")
          .query("since", "0").readTimeout(Duration.ZERO).build();
      try (Response r = doer.send(events)) {
        InputStream in = r.body().stream();
        assertTrue(in.read() >= 0, "the create and destroy just made are replayed");
        assertEquals(1, doer.stats().inUse(), "a stream being read holds its connection");
      }
      assertEquals("closed", rec.events.get(rec.events.size() - 1));
      assertTrue(rec.events.stream().anyMatch(e -> e.startsWith("bodyEnded ") && e.endsWith(" false")), rec.events.toString());
      ConnectionStats s = doer.stats();
      assertEquals(0, s.open());
      assertEquals(0, s.idle());
    }
  }

  @Test
  void aDialFailureIsToldAsDialFailedAndCallFailed() {
    Recorder rec = new Recorder();
    Path missing = Path.of("/tmp/berth-no-such-socket-" + System.nanoTime());
    try (Http1Doer doer = Http1Doer.builder(Dialers.unix(missing)).listener(rec).build()) {
      IOException e = assertThrows(IOException.class, () -> doer.send(Request.get("/_ping").build()));
      assertEquals(List.of("dialStart " + Dialers.unix(missing), "dialFailed", "failed " + e.getClass().getSimpleName()),
          rec.events);
      assertEquals(0, doer.stats().open());
      assertEquals(0, doer.stats().dialed());
    }
  }

  @Test
  void anErrorStatusIsAHeadNotAFailure(TestEngine engine) throws IOException {
    Recorder rec = new Recorder();
    try (Http1Doer doer = Http1Doer.builder(Endpoint.parse(engine.address()).dialer()).listener(rec).build();
         Response r = doer.send(Request.get("/v" + engine.client().apiVersion() + "/containers/berth-missing-"
             + System.nanoTime() + "/json").build())) {
      assertEquals(404, r.status());
      r.body().bytes(4096);
      assertTrue(rec.events.contains("head 404"), rec.events.toString());
      assertTrue(rec.events.stream().noneMatch(e -> e.startsWith("failed")), rec.events.toString());
    }
  }

  @Test
  void aListenerThatThrowsNeverFailsTheCallAndStillHearsEveryEvent(TestEngine engine) throws IOException {
    Recorder rec = new Recorder();
    TransportListener throwing = new TransportListener() {
      @Override public void dialStart(Request r, String e) { rec.dialStart(r, e); throw new IllegalStateException("boom"); }
      @Override public void dialEnd(Request r, String e, long n) { rec.dialEnd(r, e, n); throw new IllegalStateException("boom"); }
      @Override public void connectionAcquired(Request r, String e, boolean reused) {
        rec.connectionAcquired(r, e, reused);
        throw new IllegalStateException("boom");
      }
      @Override public void connectionReleased(String e) { rec.connectionReleased(e); throw new IllegalStateException("boom"); }
      @Override public void requestSent(Request r) { rec.requestSent(r); throw new IllegalStateException("boom"); }
      @Override public void responseHeadReceived(Request r, int s) { rec.responseHeadReceived(r, s); throw new IllegalStateException("boom"); }
      @Override public void bodyEnded(Request r, long b, boolean c) { rec.bodyEnded(r, b, c); throw new IllegalStateException("boom"); }
    };
    Endpoint endpoint = Endpoint.parse(engine.address());
    try (Http1Doer doer = Http1Doer.builder(endpoint.dialer()).listener(throwing).build()) {
      for (int i = 0; i < 2; i++) {
        try (Response r = doer.send(Request.get("/_ping").build())) {
          assertEquals("OK", new String(r.body().bytes(100)));
        }
      }
      assertEquals(List.of("dialStart " + endpoint.dialer(), "dialEnd", "acquired reused=false", "sent", "head 200",
          "bodyEnded 2 true", "released",
          "acquired reused=true", "sent", "head 200", "bodyEnded 2 true", "released"), rec.events);
    }
    assertSame(TransportListener.NONE, TransportListener.guarded(TransportListener.NONE));
    TransportListener guarded = TransportListener.guarded(throwing);
    assertSame(guarded, TransportListener.guarded(guarded));
    assertThrows(NullPointerException.class, () -> TransportListener.guarded(null));
  }
}
