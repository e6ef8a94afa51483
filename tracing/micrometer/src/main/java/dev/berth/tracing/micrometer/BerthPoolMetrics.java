package dev.berth.tracing.micrometer;

import dev.berth.transport.ConnectionStats;
import dev.berth.transport.Http1Doer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Meters of an {@link Http1Doer}'s connection pool, read from {@link Http1Doer#stats()} when the
 * registry publishes: gauges {@code berth.client.connections.open}, {@code .idle} and
 * {@code .in_use}, and function counters {@code berth.client.connections.dialed},
 * {@code .reused} and {@code .evicted}. The meters hold the doer weakly, as Micrometer binders
 * do: keep a reference to the doer for as long as it is in use.
 *
 * <pre>{@code
 * BerthPoolMetrics.of(doer, Tags.of("engine", "local")).bindTo(meterRegistry);
 * }</pre>
 */
public final class BerthPoolMetrics implements MeterBinder {
  private static final String PREFIX = "berth.client.connections.";

  private final Http1Doer doer;
  private final Tags tags;

  private BerthPoolMetrics(Http1Doer doer, Tags tags) {
    this.doer = doer;
    this.tags = tags;
  }

  /** Meters of {@code doer}'s pool, with {@code tags} on each. */
  public static BerthPoolMetrics of(Http1Doer doer, Iterable<Tag> tags) {
    return new BerthPoolMetrics(Objects.requireNonNull(doer, "doer"),
        Tags.of(Objects.requireNonNull(tags, "tags")));
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    gauge(registry, "open", ConnectionStats::open, "Connections open: idle in the pool, busy with a call, or held by a stream");
    gauge(registry, "idle", ConnectionStats::idle, "Connections idle in the pool");
    gauge(registry, "in_use", ConnectionStats::inUse, "Connections busy with a call or held by a stream");
    counter(registry, "dialed", ConnectionStats::dialed, "Connections dialed");
    counter(registry, "reused", ConnectionStats::reused, "Calls served by a pooled connection");
    counter(registry, "evicted", ConnectionStats::evicted, "Idle connections dropped from the pool");
  }

  private void gauge(MeterRegistry registry, String name, ToDoubleFunction<ConnectionStats> value, String description) {
    Gauge.builder(PREFIX + name, doer, d -> value.applyAsDouble(d.stats()))
        .tags(tags).baseUnit("connections").description(description).register(registry);
  }

  private void counter(MeterRegistry registry, String name, ToDoubleFunction<ConnectionStats> value, String description) {
    FunctionCounter.builder(PREFIX + name, doer, d -> value.applyAsDouble(d.stats()))
        .tags(tags).baseUnit("connections").description(description).register(registry);
  }

  @Override
  public String toString() {
    return "BerthPoolMetrics[" + doer + "]";
  }
}
