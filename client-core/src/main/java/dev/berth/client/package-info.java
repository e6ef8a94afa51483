/**
 * The engine client: {@link dev.berth.client.EngineClient} adds the API version to each request,
 * negotiates it once, encodes and decodes JSON and turns error statuses into the
 * {@link dev.berth.client.BerthException} tree. {@link dev.berth.client.JsonStream} and
 * {@link dev.berth.client.FrameReader} read the engine's streaming answers on the caller's thread.
 * {@link dev.berth.client.RegistryAuth} is the {@code X-Registry-Auth} value of pulls and pushes;
 * {@link dev.berth.client.RegistryCredentials} looks one up per registry.
 * {@link dev.berth.client.ClientListener} tells decorators the typed outcome of each call.
 *
 * <p>Conventions, as in the service packages. <b>Nulls:</b> arguments are non-null unless their
 * Javadoc says otherwise ({@link java.lang.NullPointerException} naming the parameter); results
 * that may be absent are documented ({@code call} returns {@code null} only for an empty body, a
 * lookup of credentials returns {@link java.util.Optional}). <b>Ownership:</b> methods named
 * {@code open…} ({@link dev.berth.client.EngineClient#open}, {@code openRaw}) and
 * {@link dev.berth.client.EngineClient#stream} hand over something the caller must close; the
 * {@code call} and {@code execute} methods read and close the answer themselves. A closed client
 * refuses new calls.
 */
package dev.berth.client;
