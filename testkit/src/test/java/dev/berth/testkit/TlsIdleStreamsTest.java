package dev.berth.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.transport.Endpoint;
import dev.berth.transport.Http1Doer;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import dev.berth.transport.TlsConfig;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Idle streams over mutual TLS to the real dockerd on 127.0.0.1:2376: event streams filtered to a
 * label nothing carries (the engine is shared, so they stay silent). Their readers wait parked on
 * the one shared poller thread, not in socket reads woken every slice, and close from another
 * thread ends each wait with a failure, never a clean end of stream. (Read timeouts on an idle TLS
 * stream: TlsDoerContractTest.)
 */
@EngineTest
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsIdleStreamsTest {
  private static final int STREAMS = 20;

  private static Http1Doer doer() throws IOException {
    return Http1Doer.builder(Endpoint.parse(TestEngines.dockerTls())
        .dialer(TlsConfig.fromCertPath(TestEngines.dockerCertPath(), true))).maxIdleConnections(0).build();
  }

  private static Request silentEvents(Duration readTimeout) {
    String nothing = "{\"label\":[\"" + TestEngine.LABEL + ".tls-idle=" + UUID.randomUUID() + "\"]}";
    return Request.get("/events").query("filters", nothing).readTimeout(readTimeout).build();
  }

  /** Whether {@code t} is parked in the shared poller's wait. */
  private static boolean parkedOnThePoller(Thread t) {
    if (t.getState() != Thread.State.WAITING) {
      return false;
    }
    for (StackTraceElement e : t.getStackTrace()) {
      if (e.getClassName().equals("dev.berth.transport.internal.Poller") && e.getMethodName().equals("await")) {
        return true;
      }
    }
    return false;
  }

  @Test
  void idleTlsStreamsWaitOnTheOnePollerThreadAndCloseEndsEveryReaderWithAFailure() throws Exception {
    try (Http1Doer doer = doer()) {
      List<Response> streams = new ArrayList<>();
      List<Thread> readers = new ArrayList<>();
      List<CompletableFuture<Throwable>> outcomes = new ArrayList<>();
      try {
        for (int i = 0; i < STREAMS; i++) {
          Response r = doer.send(silentEvents(Duration.ZERO));
          streams.add(r);
          assertEquals(200, r.status());
          InputStream in = r.body().stream();
          CompletableFuture<Throwable> outcome = new CompletableFuture<>();
          outcomes.add(outcome);
          Thread t = new Thread(() -> {
            try {
              byte[] buf = new byte[1024];
              while (in.read(buf) >= 0) {
                // silent: nothing comes
              }
              outcome.complete(null);
            } catch (IOException e) {
              outcome.complete(e);
            }
          }, "tls-idle-reader-" + i);
          t.setDaemon(true);
          t.start();
          readers.add(t);
        }
        // an outcome, not a time: every reader ends up parked on the poller (the test's timeout bounds the wait)
        while (!readers.stream().allMatch(TlsIdleStreamsTest::parkedOnThePoller)) {
          for (CompletableFuture<Throwable> o : outcomes) {
            assertTrue(!o.isDone(), "a reader of a silent stream ended: " + o.getNow(null));
          }
          Thread.sleep(10);
        }
        long pollers = Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().equals("berth-poller") && t.isAlive()).count();
        assertEquals(1, pollers, "one thread watches every idle stream");
      } finally {
        for (Response r : streams) {
          r.close();
        }
      }
      for (CompletableFuture<Throwable> o : outcomes) {
        assertNotNull(o.get(20, TimeUnit.SECONDS), "a read cut by close fails, never a clean end of stream");
      }
    }
  }
}
