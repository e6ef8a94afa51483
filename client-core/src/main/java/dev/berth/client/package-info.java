/**
 * The engine client: {@link dev.berth.client.EngineClient} adds the API version to each request,
 * negotiates it once, encodes and decodes JSON and turns error statuses into the
 * {@link dev.berth.client.BerthException} tree. {@link dev.berth.client.JsonStream} and
 * {@link dev.berth.client.FrameReader} read the engine's streaming answers on the caller's thread.
 */
package dev.berth.client;
