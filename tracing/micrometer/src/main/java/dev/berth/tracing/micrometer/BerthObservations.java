package dev.berth.tracing.micrometer;

/** Work in progress (issue 10). */
public final class BerthObservations {
  private BerthObservations() {}
}
