package dev.berth.transport;

import java.io.Closeable;
import java.io.IOException;

/**
 * Moves one HTTP exchange to a container engine and back: the whole transport contract berth
 * builds on. Implementations are thread-safe and talk to one engine.
 *
 * <p>Everything above a {@code Doer} (versions, JSON, errors, services) is transport-agnostic, so a
 * user-written {@code Doer} (or a decorator wrapping another one) plugs in anywhere. The testkit's
 * contract suite describes the behaviour an implementation must show.
 */
public interface Doer extends Closeable {

  /**
   * Sends {@code request} and returns once the response headers have arrived. The body streams
   * from the engine as the caller reads it; the caller must close the returned response.
   *
   * @throws java.net.SocketTimeoutException if the connect, read or call timeout expires
   * @throws java.io.InterruptedIOException if the calling thread is interrupted while waiting, or
   *     ({@link CallCancelledException}) the request's {@link CancelToken} is cancelled
   * @throws IllegalStateException if the doer was closed
   * @throws IOException if the engine cannot be reached or answers something that is not HTTP
   */
  Response send(Request request) throws IOException;

  /**
   * Sends {@code request} on a connection of its own and hands the connection over as a duplex
   * byte stream once the engine switches protocols (HTTP 101, or the older 200-then-raw form).
   * Used by attach and exec start. When the engine answers with an error status instead, the
   * stream's {@link RawStream#input()} carries the error body. The caller must close the stream.
   *
   * @throws IOException as for {@link #send(Request)}
   */
  RawStream sendRaw(Request request) throws IOException;

  /**
   * Closes idle pooled connections. Responses and raw streams already handed out stay usable; new
   * calls fail with {@link IllegalStateException}. Idempotent.
   */
  @Override
  void close();
}
