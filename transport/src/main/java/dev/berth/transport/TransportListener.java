package dev.berth.transport;

import java.io.IOException;

/**
 * Told what happens inside a transport, for metrics, tracing and debugging: dialing, the pool,
 * the exchange. Set one on {@link Http1Doer.Builder#listener} (or on {@code Http2Doer}'s builder in
 * {@code berth-transport-http2}, which gives the events their HTTP/2 meaning); other doers may
 * tell a subset.
 * Every method has an empty default, so an implementation overrides what it needs.
 *
 * <p>Methods run on the thread doing the work, inside the call (an HTTP/2 doer tells the ends of
 * streams and connections from its event loop): they must be quick and must not block. The built-in doers call a listener through {@link #guarded}: one that throws never fails
 * the call (the first exception is logged at WARNING, the rest dropped). The same {@link Request} instance
 * the doer was given is passed on, so a listener may correlate events by identity. Endpoints are
 * given as the dialer describes them ({@code unix:///var/run/docker.sock}, {@code tcp://host:2376}).
 * A doer with no listener pays nothing for this interface.
 */
public interface TransportListener {

  /** The no-op listener. */
  TransportListener NONE = new TransportListener() { };

  /**
   * {@code listener} made safe to call from inside a transport: an exception it throws is dropped
   * (the first one logged at WARNING, logger {@code dev.berth.transport}, naming the listener's
   * class and never the request), so a faulty listener never fails a call. The built-in doers
   * apply this to the listener they are given; a user-written doer may do the same.
   * {@link #NONE} and an already guarded listener come back as they are.
   */
  static TransportListener guarded(TransportListener listener) {
    return dev.berth.transport.internal.GuardedListener.of(java.util.Objects.requireNonNull(listener, "listener"));
  }

  /** A new connection is being dialed for {@code request}. */
  default void dialStart(Request request, String endpoint) {}

  /** Dialing succeeded after {@code nanos}. */
  default void dialEnd(Request request, String endpoint, long nanos) {}

  /** Dialing failed after {@code nanos}. */
  default void dialFailed(Request request, String endpoint, long nanos, IOException failure) {}

  /** {@code request} got a connection: a pooled one ({@code reused}) or one just dialed. */
  default void connectionAcquired(Request request, String endpoint, boolean reused) {}

  /** A connection went back to the pool, idle, after its response was read to the end. */
  default void connectionReleased(String endpoint) {}

  /**
   * An idle pooled connection was dropped: expired, found closed by the engine, the pool full,
   * or the doer closed.
   */
  default void connectionEvicted(String endpoint) {}

  /** A connection was closed, for whatever reason (evicted, cancelled, a failure, a raw stream). */
  default void connectionClosed(String endpoint) {}

  /** The request head and body were written. */
  default void requestSent(Request request) {}

  /** The response head arrived. */
  default void responseHeadReceived(Request request, int status) {}

  /**
   * The response body ended after {@code bytes} of it were read: read to the end
   * ({@code complete}), or closed before it.
   */
  default void bodyEnded(Request request, long bytes, boolean complete) {}

  /** The call failed before a response was handed out, or while its body was read. */
  default void callFailed(Request request, IOException failure) {}
}
