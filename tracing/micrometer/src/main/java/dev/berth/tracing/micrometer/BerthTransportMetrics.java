package dev.berth.tracing.micrometer;

import dev.berth.transport.Request;
import dev.berth.transport.TransportListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A {@link TransportListener} that times dialing: timer {@value #CONNECT} tagged
 * {@code outcome=SUCCESS} or {@code outcome=FAILURE}. Install it on the doer's builder:
 * {@code Http1Doer.builder(dialer).listener(BerthTransportMetrics.of(meterRegistry, tags))}.
 * Thread-safe; each event is one timer record, nothing else.
 */
public final class BerthTransportMetrics implements TransportListener {
  /** The connect timer: {@value}. */
  public static final String CONNECT = "berth.client.connect";

  private final Timer success;
  private final Timer failure;

  private BerthTransportMetrics(MeterRegistry registry, Tags tags) {
    this.success = timer(registry, tags, "SUCCESS");
    this.failure = timer(registry, tags, "FAILURE");
  }

  /** Registers the connect timers in {@code registry}, with {@code tags} on each. */
  public static BerthTransportMetrics of(MeterRegistry registry, Iterable<Tag> tags) {
    return new BerthTransportMetrics(Objects.requireNonNull(registry, "registry"),
        Tags.of(Objects.requireNonNull(tags, "tags")));
  }

  private static Timer timer(MeterRegistry registry, Tags tags, String outcome) {
    return Timer.builder(CONNECT).tags(tags).tag("outcome", outcome)
        .description("Time to dial a new connection to the engine").register(registry);
  }

  @Override
  public void dialEnd(Request request, String endpoint, long nanos) {
    success.record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void dialFailed(Request request, String endpoint, long nanos, IOException failure) {
    this.failure.record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public String toString() {
    return "BerthTransportMetrics[" + success.getId() + "]";
  }
}
