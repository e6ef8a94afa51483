package dev.berth.bench.ab;

import com.sun.management.ThreadMXBean;
import dev.berth.bench.Engine;
import dev.berth.tracing.micrometer.BerthObservations;
import dev.berth.tracing.opentelemetry.BerthTelemetry;
import dev.berth.transport.Doer;
import dev.berth.transport.ForwardingDoer;
import dev.berth.transport.ForwardingResponse;
import dev.berth.transport.Http1Doer;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import dev.berth.transport.TransportListener;
import dev.berth.transport.Dialers;
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
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The cost of berth's decorators (issue 10): sequential {@code GET /_ping} through the Doer with
 * each decorator, in one JVM, in short alternating blocks so load from other processes hits every
 * variant alike. Prints, per variant, the median block time and the bytes allocated per call on
 * the calling thread, each as a ratio / difference to the undecorated Doer measured in the same
 * run. Each variant has its own pooled doer (one kept-alive connection), so none waits for another.
 *
 * <p>Targets: with a no-op backend (OpenTelemetry.noop(), ObservationRegistry.NOOP) at most 1.05×
 * the time and +200 B/op. The rows with a recording backend are for information: they include
 * what the backend itself does (an SDK span without an exporter, a Micrometer timer).
 *
 * <p>{@code java [-Dout=FILE.json] -cp ... dev.berth.bench.ab.Decorators [seconds]}
 */
public final class Decorators {
  private Decorators() {}

  private static final Request PING = Request.get("/_ping").operation("SystemPing", "/_ping").build();

  /** The smallest useful decorator: forwards, and observes each body's end. */
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

  /** A transport listener that counts events (the events switched on). */
  static final class Counting implements TransportListener {
    final LongAdder events = new LongAdder();

    @Override public void connectionAcquired(Request r, String endpoint, boolean reused) { events.increment(); }
    @Override public void requestSent(Request r) { events.increment(); }
    @Override public void responseHeadReceived(Request r, int status) { events.increment(); }
    @Override public void bodyEnded(Request r, long bytes, boolean complete) { events.increment(); }
    @Override public void connectionReleased(String endpoint) { events.increment(); }
  }

  static Http1Doer plainDoer() {
    return Http1Doer.of(Dialers.unix(Engine.SOCKET));
  }

  static void ping(Doer doer) throws IOException {
    try (Response r = doer.send(PING)) {
      InputStream in = r.body().stream();
      while (in.read() >= 0) {
        // "OK"
      }
    }
  }

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    Map<String, Doer> variants = new LinkedHashMap<>();
    variants.put("undecorated", plainDoer());
    variants.put("forwarding+observe", new Observing(plainDoer()));
    variants.put("transportListener", Http1Doer.builder(Dialers.unix(Engine.SOCKET)).listener(new Counting()).build());
    variants.put("opentelemetry noop", BerthTelemetry.create(OpenTelemetry.noop()).wrap(plainDoer()));
    variants.put("micrometer noop", BerthObservations.create(ObservationRegistry.NOOP).wrap(plainDoer()));
    SdkTracerProvider tracing = SdkTracerProvider.builder() // records every span, exports to nowhere
        .addSpanProcessor(SimpleSpanProcessor.create(SpanExporter.composite())).build();
    OpenTelemetry sdk = OpenTelemetrySdk.builder().setTracerProvider(tracing).build();
    variants.put("opentelemetry sdk (info)", BerthTelemetry.create(sdk).wrap(plainDoer()));
    ObservationRegistry timers = ObservationRegistry.create();
    timers.observationConfig().observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
    variants.put("micrometer timers (info)", BerthObservations.create(timers).wrap(plainDoer()));

    ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().getId();
    Map<String, List<Double>> micros = new LinkedHashMap<>();
    Map<String, List<Double>> bytes = new LinkedHashMap<>();
    variants.keySet().forEach(k -> {
      micros.put(k, new ArrayList<>());
      bytes.put(k, new ArrayList<>());
    });
    int block = 500;
    for (int warm = 0; warm < 20; warm++) {
      for (Doer d : variants.values()) {
        for (int i = 0; i < block; i++) {
          ping(d);
        }
      }
    }
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < end) {
      for (Map.Entry<String, Doer> e : variants.entrySet()) {
        Doer d = e.getValue();
        long a0 = mx.getThreadAllocatedBytes(tid);
        long t0 = System.nanoTime();
        for (int i = 0; i < block; i++) {
          ping(d);
        }
        long t1 = System.nanoTime();
        long a1 = mx.getThreadAllocatedBytes(tid);
        micros.get(e.getKey()).add((t1 - t0) / 1e3 / block);
        bytes.get(e.getKey()).add((a1 - a0) / (double) block);
      }
    }
    double baseTime = Interleaved.median(micros.get("undecorated"));
    double baseBytes = Interleaved.median(bytes.get("undecorated"));
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    System.out.printf("%-26s %7s %10s %9s %10s %9s%n", "variant", "blocks", "µs/op", "time ×", "B/op", "+B/op");
    for (String k : variants.keySet()) {
      double t = Interleaved.median(micros.get(k));
      double b = Interleaved.median(bytes.get(k));
      System.out.printf("%-26s %7d %10.1f %8.3f× %10.0f %+9.0f%n", k, micros.get(k).size(), t, t / baseTime, b, b - baseBytes);
      out.put(k, Map.of("microsPerOp", t, "ratio", t / baseTime, "bytesPerOp", b, "extraBytesPerOp", b - baseBytes));
    }
    variants.values().forEach(Doer::close);
    tracing.close();
    if (System.getProperty("out") != null) {
      new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
          .writeValue(new java.io.File(System.getProperty("out")), out);
    }
  }
}
