package dev.berth.tracing.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names a berth request observation and chooses its key values. Implement it (or extend
 * {@link DefaultBerthObservationConvention}) and pass it to
 * {@link BerthObservations.Builder#convention}. Low-cardinality key values become meter tags:
 * never put a path, an id or a header value there.
 */
public interface BerthObservationConvention extends ObservationConvention<BerthRequestContext> {

  @Override
  default boolean supportsContext(Observation.Context context) {
    return context instanceof BerthRequestContext;
  }
}
