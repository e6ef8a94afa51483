package dev.berth.tracing.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testkit.EngineTest;
import dev.berth.testkit.TestEngine;
import dev.berth.transport.Doer;
import dev.berth.transport.Endpoint;
import dev.berth.transport.Http1Doer;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** With a no-op observation registry the decorator costs (almost) nothing per call. */
@EngineTest
class NoopCostEngineTest {
  private static final Request PING = Request.get("/_ping").operation("SystemPing", "/_ping").build();
  private static final int N = 2000;

  private static void ping(Doer doer) throws IOException {
    try (Response r = doer.send(PING)) {
      r.body().bytes(64);
    }
  }

  /**
   * Bytes allocated and nanoseconds per ping of each doer, the best of several rounds that take
   * turns, so that drift in the engine's speed hits every doer alike.
   */
  private static long[][] measure(Doer... doers) throws IOException {
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long[][] best = new long[doers.length][];
    for (int d = 0; d < doers.length; d++) {
      best[d] = new long[] {Long.MAX_VALUE, Long.MAX_VALUE};
    }
    for (int round = 0; round < 8; round++) {
      for (int d = 0; d < doers.length; d++) {
        long b0 = mx.getCurrentThreadAllocatedBytes();
        long t0 = System.nanoTime();
        for (int i = 0; i < N / 2; i++) {
          ping(doers[d]);
        }
        long t1 = System.nanoTime();
        long b1 = mx.getCurrentThreadAllocatedBytes();
        best[d][0] = Math.min(best[d][0], (b1 - b0) / (N / 2));
        best[d][1] = Math.min(best[d][1], (t1 - t0) / (N / 2));
      }
    }
    return best;
  }

  @Test
  void aNoopRegistryAddsAtMostTwoHundredBytesPerPing(TestEngine engine) throws IOException {
    try (Http1Doer http = Http1Doer.of(Endpoint.parse(engine.address()).dialer())) {
      BerthObservations obs = BerthObservations.create(ObservationRegistry.NOOP);
      Doer wrapped = obs.wrap(http);
      BerthObservations counting = BerthObservations.create(ObservationRegistry.NOOP);
      counting.bindTo(new SimpleMeterRegistry()); // the open-streams gauge still counts
      Doer countingWrapped = counting.wrap(http);
      for (int i = 0; i < N; i++) { // warm up all three paths
        ping(http);
        ping(wrapped);
        ping(countingWrapped);
      }
      long[][] m = measure(http, wrapped, countingWrapped);
      long[] plain = m[0];
      long[] noop = m[1];
      long[] gauged = m[2];
      System.out.printf("ping: plain %d B %d ns, noop %d B %d ns (%.3fx), noop+gauge %d B %d ns (%.3fx)%n",
          plain[0], plain[1], noop[0], noop[1], (double) noop[1] / plain[1],
          gauged[0], gauged[1], (double) gauged[1] / plain[1]);
      assertTrue(noop[0] - plain[0] <= 200, "noop adds " + (noop[0] - plain[0]) + " B/op");
      assertTrue(gauged[0] - plain[0] <= 200, "noop with the gauge adds " + (gauged[0] - plain[0]) + " B/op");
      // time is printed, never asserted: the time ratio is measured by the bench (ab.Decorators)
      assertEquals(0, counting.openStreams());
    }
  }
}
