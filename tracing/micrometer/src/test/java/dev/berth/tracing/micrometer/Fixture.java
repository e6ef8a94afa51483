package dev.berth.tracing.micrometer;

import dev.berth.client.EngineClient;
import dev.berth.testkit.TestEngine;
import dev.berth.transport.Endpoint;
import dev.berth.transport.Http1Doer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.ObservationHandler;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/** One instrumented client over its own pooled doer to the test engine, as the package docs build it. */
final class Fixture implements AutoCloseable {
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final TestObservationRegistry observations = TestObservationRegistry.create();
  final Recorder recorder = new Recorder();
  final BerthObservations obs;
  final Http1Doer http;
  final EngineClient client;

  Fixture(TestEngine engine) {
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters))
        .observationHandler(recorder);
    obs = BerthObservations.create(observations);
    obs.bindTo(meters);
    http = Http1Doer.builder(Endpoint.parse(engine.address()).dialer())
        .listener(BerthTransportMetrics.of(meters, Tags.empty()))
        .build();
    BerthPoolMetrics.of(http, Tags.empty()).bindTo(meters);
    client = EngineClient.builder(obs.wrap(http)).listener(obs.clientListener()).build();
  }

  /** The contexts of every observation with this contextual name (operation id), in start order. */
  List<BerthRequestContext> contexts(String operationId) {
    return recorder.started.stream()
        .filter(c -> c instanceof BerthRequestContext)
        .map(c -> (BerthRequestContext) c)
        .filter(c -> operationId.equals(c.request().operationId()))
        .collect(Collectors.toList());
  }

  /** The one observation of this operation. */
  BerthRequestContext only(String operationId) {
    List<BerthRequestContext> all = contexts(operationId);
    if (all.size() != 1) {
      throw new AssertionError("expected one " + operationId + " observation, got " + all);
    }
    return all.get(0);
  }

  boolean stopped(Observation.Context context) {
    return recorder.stopped.contains(context);
  }

  /** Every observation context seen, started in this order. */
  List<Observation.Context> all() {
    return List.copyOf(recorder.started);
  }

  static final class Recorder implements ObservationHandler<Observation.Context> {
    final Queue<Observation.Context> started = new ConcurrentLinkedQueue<>();
    final Set<Observation.Context> stopped = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    @Override
    public void onStart(Observation.Context context) {
      started.add(context);
    }

    @Override
    public void onStop(Observation.Context context) {
      stopped.add(context);
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
      return true;
    }
  }

  /** The request timers of one operation. */
  List<Timer> timers(String operationId) {
    return meters.find(DefaultBerthObservationConvention.NAME).tag("operation", operationId).timers()
        .stream().collect(Collectors.toList());
  }

  /** The single request timer of one operation, asserting its tags. */
  Timer timer(String operationId, String method, String status, String outcome, String exception) {
    return meters.get(DefaultBerthObservationConvention.NAME)
        .tags("operation", operationId, "method", method, "status", status, "outcome", outcome,
            "engine", "docker", "exception", exception)
        .timer();
  }

  double gauge(String name) {
    return meters.get(name).gauge().value();
  }

  double counter(String name) {
    return meters.get(name).functionCounter().count();
  }

  String allMeterIds() {
    return meters.getMeters().stream().map(Meter::getId).map(Object::toString)
        .collect(Collectors.joining("\n"));
  }

  @Override
  public void close() {
    client.close();
    http.close();
  }
}
