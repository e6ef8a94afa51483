/**
 * Micrometer observations and meters for berth: an {@link io.micrometer.observation.Observation}
 * per request ({@link dev.berth.tracing.micrometer.BerthObservations}, timer
 * {@code berth.client.requests} with a {@code DefaultMeterObservationHandler}), a gauge of open
 * streams, the connection pool's meters ({@link dev.berth.tracing.micrometer.BerthPoolMetrics}),
 * an HTTP/2 doer's ({@link dev.berth.tracing.micrometer.BerthHttp2Metrics}, with
 * {@code berth-transport-http2} on the path) and a connect timer
 * ({@link dev.berth.tracing.micrometer.BerthTransportMetrics}). (One
 * {@code System.Logger} line per call needs no Micrometer: {@link dev.berth.transport.LoggingDoer}.)
 *
 * <p>The recipe; the observing doer goes outermost, directly under the client, so it sees the
 * very request the client sent and can match the client's typed errors to it by identity:
 * <pre>{@code
 * BerthObservations obs = BerthObservations.create(observationRegistry);
 * obs.bindTo(meterRegistry);                                        // berth.client.streams.open
 * Http1Doer http = Http1Doer.builder(Endpoint.parse(address).dialer())
 *     .listener(BerthTransportMetrics.of(meterRegistry, Tags.empty())) // berth.client.connect
 *     .build();
 * BerthPoolMetrics.of(http, Tags.empty()).bindTo(meterRegistry);    // berth.client.connections.*
 * EngineClient client = EngineClient.builder(obs.wrap(http))       // other decorators go inside
 *     .listener(obs.clientListener())
 *     .build();
 * }</pre>
 *
 * <p>Tags are low-cardinality only (operation id, method, status, outcome, engine, exception
 * class); paths, ids, header values and credentials never reach names, tags or key values. The
 * decorators never read a body they do not own and rethrow every exception unchanged. Arguments
 * are non-null (NPE otherwise).
 */
package dev.berth.tracing.micrometer;
