package dev.berth.tracing.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.EngineClient;
import dev.berth.client.TransportException;
import dev.berth.transport.Dialers;
import dev.berth.transport.Doer;
import dev.berth.transport.Http1Doer;
import dev.berth.transport.Request;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What needs no engine: failures before any response, and the cost with a no-op registry. */
class BerthObservationsTest {
  private static final Request PING = Request.get("/_ping").operation("SystemPing", "/_ping").build();

  private static Http1Doer deadDoer(SimpleMeterRegistry meters) {
    Path nowhere = Path.of(System.getProperty("java.io.tmpdir"), "berth-missing-" + UUID.randomUUID() + ".sock");
    return Http1Doer.builder(Dialers.unix(nowhere))
        .listener(BerthTransportMetrics.of(meters, Tags.empty())).build();
  }

  @Test
  void aDialFailureIsRethrownUnchangedAndRecordedAsAnError() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    TestObservationRegistry observations = TestObservationRegistry.create();
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    List<Observation.Context> errors = new ArrayList<>();
    observations.observationConfig().observationHandler(new ObservationHandler<>() {
      @Override
      public void onError(Observation.Context context) {
        errors.add(context);
      }

      @Override
      public boolean supportsContext(Observation.Context context) {
        return true;
      }
    });
    BerthObservations obs = BerthObservations.create(observations);
    try (Http1Doer plain = deadDoer(meters); Doer wrapped = obs.wrap(deadDoer(meters))) {
      IOException bare = assertThrows(IOException.class, () -> plain.send(PING));
      IOException seen = assertThrows(IOException.class, () -> wrapped.send(PING));
      assertSame(bare.getClass(), seen.getClass(), "the decorator neither wraps nor re-types");
      IOException raw = assertThrows(IOException.class, () -> wrapped.sendRaw(PING));
      assertSame(bare.getClass(), raw.getClass());

      assertEquals(2, errors.size());
      BerthRequestContext ctx = assertInstanceOf(BerthRequestContext.class, errors.get(0));
      assertSame(seen, ctx.getError());
      assertEquals(0, ctx.status());
      Timer t = meters.get(DefaultBerthObservationConvention.NAME)
          .tags("operation", "SystemPing", "method", "GET", "status", "IO_ERROR", "outcome", "UNKNOWN",
              "engine", "unknown", "exception", bare.getClass().getSimpleName())
          .timer();
      assertEquals(2, t.count());
      assertTrue(meters.get(BerthTransportMetrics.CONNECT).tag("outcome", "FAILURE").timer().count() >= 3);

      // through a client: the same typed exception with and without the decorator
      TransportException viaPlain = assertThrows(TransportException.class, () -> EngineClient.builder(plain).apiVersion("1.41").build().ping());
      TransportException viaWrapped = assertThrows(TransportException.class,
          () -> EngineClient.builder(wrapped).apiVersion("1.41").listener(obs.clientListener()).build().ping());
      assertSame(viaPlain.getClass(), viaWrapped.getClass());
      assertSame(viaPlain.getCause().getClass(), viaWrapped.getCause().getClass());
      assertEquals(0, obs.openStreams());
    }
  }

  @Test
  void aNoopRegistryOnlyForwards() throws IOException {
    BerthObservations obs = BerthObservations.create(ObservationRegistry.NOOP);
    try (Http1Doer dead = deadDoer(new SimpleMeterRegistry())) {
      Doer wrapped = obs.wrap(dead);
      IOException e = assertThrows(IOException.class, () -> wrapped.send(PING));
      assertTrue(e.getClass().getName().startsWith("java."), e.getClass().getName());
      assertEquals(0, obs.openStreams());
    }
  }
}
