package dev.berth.tracing.micrometer;

import dev.berth.transport.http2.Http2Doer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;

/**
 * Meters of an {@link Http2Doer}, read from {@link Http2Doer#stats()} when the registry publishes:
 * gauges {@code berth.client.http2.connections.open} and {@code berth.client.http2.streams.open},
 * and function counter {@code berth.client.http2.connections.dialed}. The meters hold the doer
 * weakly, as Micrometer binders do: keep a reference to the doer for as long as it is in use.
 *
 * <p>Needs {@code berth-transport-http2} (and so Netty) on the path, which this module does not
 * bring: only those who build an {@link Http2Doer} use this class. Dial and stream events come
 * from a listener: {@code Http2Doer.builder(endpoint).listener(BerthTransportMetrics.of(...))}.
 *
 * <pre>{@code
 * BerthHttp2Metrics.of(http2Doer, Tags.of("engine", "gateway")).bindTo(meterRegistry);
 * }</pre>
 */
public final class BerthHttp2Metrics implements MeterBinder {
  private static final String PREFIX = "berth.client.http2.";

  private final Http2Doer doer;
  private final Tags tags;

  private BerthHttp2Metrics(Http2Doer doer, Tags tags) {
    this.doer = doer;
    this.tags = tags;
  }

  /** Meters of {@code doer}'s connections and streams, with {@code tags} on each. */
  public static BerthHttp2Metrics of(Http2Doer doer, Iterable<Tag> tags) {
    return new BerthHttp2Metrics(Objects.requireNonNull(doer, "doer"),
        Tags.of(Objects.requireNonNull(tags, "tags")));
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(PREFIX + "connections.open", doer, d -> d.stats().openConnections())
        .tags(tags).baseUnit("connections")
        .description("HTTP/2 connections open (more than one while an old one drains after GOAWAY)")
        .register(registry);
    Gauge.builder(PREFIX + "streams.open", doer, d -> d.stats().openStreams())
        .tags(tags).baseUnit("streams")
        .description("HTTP/2 streams opened and not closed yet")
        .register(registry);
    FunctionCounter.builder(PREFIX + "connections.dialed", doer, d -> d.stats().dialedConnections())
        .tags(tags).baseUnit("connections").description("HTTP/2 connections dialed").register(registry);
  }

  @Override
  public String toString() {
    return "BerthHttp2Metrics[" + doer + "]";
  }
}
