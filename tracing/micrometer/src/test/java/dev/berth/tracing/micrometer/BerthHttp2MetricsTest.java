package dev.berth.tracing.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testkit.EngineTest;
import dev.berth.transport.Endpoint;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import dev.berth.transport.http2.Http2Doer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link BerthHttp2Metrics}' gauges and counter, and {@link BerthTransportMetrics} as an
 * {@link Http2Doer}'s listener, at the real HTTP/2 peer of berth's tests: nginx in front of the
 * engine (h2c with prior knowledge; {@code scripts/nginx-up}, {@code BERTH_TEST_H2_TCP}).
 */
@EngineTest
class BerthHttp2MetricsTest {
  private static final Tags TAGS = Tags.of("engine", "h2");

  private static Endpoint h2c() {
    String v = System.getenv("BERTH_TEST_H2_TCP");
    return Endpoint.parse(v == null || v.isBlank() ? "http://127.0.0.1:8080" : v);
  }

  private static double gauge(SimpleMeterRegistry meters, String name) {
    Gauge g = meters.find(name).tags(TAGS).gauge();
    assertTrue(g != null, name + " is registered with the tags");
    return g.value();
  }

  private static double dialed(SimpleMeterRegistry meters) {
    FunctionCounter c = meters.find("berth.client.http2.connections.dialed").tags(TAGS).functionCounter();
    assertTrue(c != null, "the dialed counter is registered with the tags");
    return c.count();
  }

  @Test
  void gaugesFollowConnectionsAndStreamsAndTheConnectTimerCountsTheDial() throws IOException {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    List<Response> open = new ArrayList<>();
    Http2Doer h2 = Http2Doer.builder(h2c()).listener(BerthTransportMetrics.of(meters, TAGS)).build();
    try {
      BerthHttp2Metrics.of(h2, TAGS).bindTo(meters);
      assertEquals(0, gauge(meters, "berth.client.http2.connections.open"));
      assertEquals(0, gauge(meters, "berth.client.http2.streams.open"));
      assertEquals(0, dialed(meters));
      // event streams stay open (the replay of past events, then waiting for new ones)
      Request events = Request.get("/events").query("since", "0").bodyReadTimeout(Duration.ZERO).build();
      for (int i = 0; i < 3; i++) {
        Response r = h2.send(events);
        open.add(r);
        assertEquals(200, r.status());
      }
      assertEquals(1, gauge(meters, "berth.client.http2.connections.open"), "three streams on one connection");
      assertEquals(3, gauge(meters, "berth.client.http2.streams.open"));
      assertEquals(1, dialed(meters));
      open.remove(0).close();
      assertEquals(2, gauge(meters, "berth.client.http2.streams.open"), "a closed response ends its stream");
      Timer connect = meters.find(BerthTransportMetrics.CONNECT).tags(TAGS).tag("outcome", "SUCCESS").timer();
      assertEquals(1, connect.count(), "one dial timed");
    } finally {
      for (Response r : open) {
        r.close();
      }
      h2.close();
    }
    assertEquals(0, gauge(meters, "berth.client.http2.streams.open"));
    assertEquals(0, gauge(meters, "berth.client.http2.connections.open"), "closing the doer closes its connection");
    assertEquals(1, dialed(meters));
  }

  @Test
  void nullArgumentsAreRefused() {
    try (Http2Doer h2 = Http2Doer.builder(h2c()).build()) {
      assertThrows(NullPointerException.class, () -> BerthHttp2Metrics.of(null, TAGS));
      assertThrows(NullPointerException.class, () -> BerthHttp2Metrics.of(h2, null));
    }
  }
}
