/**
 * The engine client: {@link dev.berth.client.EngineClient} adds the API version to each request,
 * negotiates it once, encodes and decodes JSON and turns error statuses into the
 * {@link dev.berth.client.BerthException} tree. {@link dev.berth.client.JsonStream} and
 * {@link dev.berth.client.FrameReader} read the engine's streaming answers on the caller's thread.
 * {@link dev.berth.client.RegistryAuth} is the {@code X-Registry-Auth} value of pulls and pushes;
 * {@link dev.berth.client.RegistryCredentials} looks one up per registry.
 */
package dev.berth.client;
