package dev.berth.transport;

import java.io.Closeable;

/**
 * The engine's answer to a {@link Request}: status and headers, and a body that streams as it is
 * read. One-shot; the caller must close it. {@link #close()} may be called from any thread and
 * then makes a read blocked on the body fail promptly: it is how a stream is cancelled.
 */
public interface Response extends Closeable {

  /** The HTTP status code. */
  int status();

  /** The reason phrase, possibly empty. */
  String reason();

  /** The response headers. */
  Headers headers();

  /** The body; empty for {@code HEAD}, 204 and 304. */
  ResponseBody body();

  /** Releases the connection (back to the pool when the body was read to its end). Idempotent. */
  @Override
  void close();
}
