package dev.berth.tracing.opentelemetry;

/** Work in progress (issue 10). */
public final class BerthTelemetry {
  private BerthTelemetry() {}
}
