package dev.berth.bench.jmh;

import dev.berth.bench.Engine;
import dev.berth.tracing.micrometer.BerthObservations;
import dev.berth.tracing.opentelemetry.BerthTelemetry;
import dev.berth.transport.Dialers;
import dev.berth.transport.Doer;
import dev.berth.transport.ForwardingDoer;
import dev.berth.transport.ForwardingResponse;
import dev.berth.transport.Http1Doer;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 10: {@code GET /_ping} through the Doer undecorated and through each decorator, with
 * {@code -prof gc} for bytes per call. Each variant is its own benchmark (own fork, own pooled
 * doer); the steadier time ratio comes from the interleaved harness {@code ab.Decorators}, which
 * scripts/bench runs after JMH; the report shows both.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 6, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class DecoratorBench {
  static final Request PING = Request.get("/_ping").operation("SystemPing", "/_ping").build();

  /** The variant under test. */
  @Param({"undecorated", "forwarding", "otelNoop", "micrometerNoop", "otelSdk", "micrometerTimers"})
  public String variant;

  private Doer doer;
  private SdkTracerProvider tracing;

  @Setup(Level.Trial)
  public void up() {
    Http1Doer http = Http1Doer.of(Dialers.unix(Engine.SOCKET));
    switch (variant) {
      case "undecorated" -> doer = http;
      case "forwarding" -> doer = new Observing(http);
      case "otelNoop" -> doer = BerthTelemetry.create(OpenTelemetry.noop()).wrap(http);
      case "micrometerNoop" -> doer = BerthObservations.create(ObservationRegistry.NOOP).wrap(http);
      case "otelSdk" -> {
        tracing = SdkTracerProvider.builder() // records every span, exports to nowhere
        .addSpanProcessor(SimpleSpanProcessor.create(SpanExporter.composite())).build();
        doer = BerthTelemetry.create(OpenTelemetrySdk.builder().setTracerProvider(tracing).build()).wrap(http);
      }
      case "micrometerTimers" -> {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
        doer = BerthObservations.create(registry).wrap(http);
      }
      default -> throw new IllegalArgumentException(variant);
    }
  }

  @TearDown(Level.Trial)
  public void down() {
    doer.close();
    if (tracing != null) {
      tracing.close();
    }
  }

  @Benchmark
  public int ping() throws IOException {
    try (Response r = doer.send(PING)) {
      InputStream in = r.body().stream();
      while (in.read() >= 0) {
        // "OK"
      }
      return r.status();
    }
  }

  /** The smallest useful decorator: forwards, and observes each response's end. */
  static final class Observing extends ForwardingDoer {
    final LongAdder bytes = new LongAdder();

    Observing(Doer next) {
      super(next);
    }

    @Override
    public Response send(Request request) throws IOException {
      return ForwardingResponse.observe(super.send(request), end -> bytes.add(end.bytesRead()));
    }
  }
}
