/** OpenTelemetry spans around any berth {@link dev.berth.transport.Doer} and client. */
@SuppressWarnings("requires-transitive-automatic") // OpenTelemetry is in the API: create(OpenTelemetry)
module dev.berth.tracing.opentelemetry {
  requires transitive dev.berth.client;
  requires transitive io.opentelemetry.api;
  requires io.opentelemetry.context;

  exports dev.berth.tracing.opentelemetry;
}
