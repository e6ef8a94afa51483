/**
 * OpenTelemetry tracing for berth: {@link dev.berth.tracing.opentelemetry.BerthTelemetry} wraps
 * any {@link dev.berth.transport.Doer} so that every request becomes a CLIENT span named by its
 * operation id ({@code ContainerStart}, never a raw path with ids), child of the caller's current
 * span, with stable HTTP client attributes, ending when its response body or raw stream ends; its
 * {@link dev.berth.tracing.opentelemetry.BerthTelemetry#clientListener() client listener} marks a
 * span failed when the client throws for it (an error inside a 200 progress stream). Put the
 * telemetry decorator outermost, directly under the {@link dev.berth.client.EngineClient}, so it
 * sees the very request the client sent (the listener matches spans by that instance) and its span
 * covers the other decorators. Request header values, bodies and credentials are never recorded.
 * Arguments are non-null.
 */
package dev.berth.tracing.opentelemetry;
