package dev.berth.tracing.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** An OpenTelemetry SDK exporting to memory, with W3C propagation and a count of spans not ended. */
final class TestTelemetry implements AutoCloseable {
  final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  final AtomicInteger running = new AtomicInteger();
  final OpenTelemetrySdk sdk;

  TestTelemetry() {
    SpanProcessor counting = new SpanProcessor() {
      @Override
      public void onStart(Context parentContext, ReadWriteSpan span) {
        running.incrementAndGet();
      }

      @Override
      public boolean isStartRequired() {
        return true;
      }

      @Override
      public void onEnd(ReadableSpan span) {
        running.decrementAndGet();
      }

      @Override
      public boolean isEndRequired() {
        return true;
      }
    };
    SdkTracerProvider provider = SdkTracerProvider.builder()
        .addSpanProcessor(counting)
        .addSpanProcessor(SimpleSpanProcessor.create(exporter))
        .build();
    sdk = OpenTelemetrySdk.builder().setTracerProvider(provider)
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
  }

  /** A tracer for the test's own (caller) spans. */
  Tracer callerTracer() {
    return sdk.getTracer("test-caller");
  }

  /** Ended spans from berth's scope, in end order. */
  List<SpanData> berthSpans() {
    return exporter.getFinishedSpanItems().stream()
        .filter(s -> s.getInstrumentationScopeInfo().getName().equals(BerthTelemetry.SCOPE))
        .toList();
  }

  /** The only ended berth span called {@code name}. */
  SpanData only(String name) {
    List<SpanData> found = berthSpans().stream().filter(s -> s.getName().equals(name)).toList();
    if (found.size() != 1) {
      fail("expected one span " + name + ", got " + found.size() + " in " + names());
    }
    return found.get(0);
  }

  List<String> names() {
    return berthSpans().stream().map(SpanData::getName).toList();
  }

  static <T> T attr(SpanData span, AttributeKey<T> key) {
    return span.getAttributes().get(key);
  }

  /** Every started span has ended, and the decorator holds no span. */
  void assertNothingOpen(BerthTelemetry telemetry) {
    assertEquals(0, running.get(), "spans started and not ended");
    assertEquals(0, telemetry.openSpans(), "spans left in the decorator's map");
  }

  @Override
  public void close() {
    sdk.close();
  }
}
