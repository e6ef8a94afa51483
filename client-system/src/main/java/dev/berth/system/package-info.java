/**
 * Engine-wide operations: {@link dev.berth.system.SystemService} answers ping, version, info and
 * disk usage, and streams engine events.
 *
 * <p>Conventions of this package, shared with {@code dev.berth.containers} and
 * {@code dev.berth.images}. <b>Options:</b> required arguments are positional; the optional
 * parameters of an operation live in one immutable options class named
 * {@code <Noun><Verb>Options} after the method ({@code System} + {@code events} =
 * {@link dev.berth.system.SystemEventsOptions}), with a {@code DEFAULT}, {@code builder()},
 * {@code toBuilder()} and property-named builder methods; the operation is offered without
 * options, with the options value and with a {@code Consumer} of the builder. Where the API has an
 * enumeration, the builder takes the enum ({@link dev.berth.types.system.EventType}); the generic
 * {@code filter(name, values...)} stays as the escape hatch for values an engine adds (Podman's
 * event types {@code pod}, {@code system}, {@code machine}). <b>Nulls:</b> arguments are non-null
 * unless their Javadoc says otherwise; a null is a {@link java.lang.NullPointerException} naming
 * the parameter, thrown before anything is sent. Builder methods of options classes that take an
 * object accept null to mean "not set", and the options' accessors return null for a value not
 * set. Results are never null: an answer lacking what the API promises is a
 * {@link dev.berth.client.MalformedResponseException}. <b>Ownership:</b> a method whose result
 * holds a connection returns a {@link dev.berth.client.JsonStream} (the event stream); the caller
 * must close it, on any thread.
 */
package dev.berth.system;
