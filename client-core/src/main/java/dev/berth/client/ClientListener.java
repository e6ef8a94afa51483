package dev.berth.client;

import dev.berth.transport.Request;

/**
 * Told the typed outcome of calls on an {@link EngineClient}, which a {@link dev.berth.transport.Doer}
 * cannot see: the {@link BerthException} the client threw, including a
 * {@link StreamErrorException} found inside a 200 progress stream long after the response head.
 * Set one with {@link EngineClient.Builder#listener}; tracing and metrics decorators use it to
 * mark their span or observation as failed.
 *
 * <p>Runs on the caller's thread just before the exception is thrown; must be quick and must not
 * throw. The request is the instance the client handed to its doer (with the version prefix), so
 * a decorator wrapping that doer can match it by identity; for a failure before anything was sent
 * it is the caller's request.
 */
@FunctionalInterface
public interface ClientListener {

  /** The no-op listener. */
  ClientListener NONE = (request, apiVersion, error) -> { };

  /**
   * The client is about to throw {@code error} for {@code request}.
   *
   * @param apiVersion the API version in use, or {@code null} when none was negotiated yet
   */
  void callFailed(Request request, ApiVersion apiVersion, BerthException error);
}
