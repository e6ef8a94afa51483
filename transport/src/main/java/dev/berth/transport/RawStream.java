package dev.berth.transport;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A connection taken over from HTTP after the engine switched protocols: attach and exec start.
 * Full duplex: one thread may block on {@link #input()} while another writes {@link #output()}.
 * The caller must close it; {@link #close()} may be called from any thread and unblocks readers.
 */
public interface RawStream extends Closeable {

  /** The status the engine answered: 101, or 200 for the older form; anything else is an error. */
  int status();

  /** The response headers. */
  Headers headers();

  /**
   * Bytes from the engine, starting with any the HTTP parser had already buffered. For an error
   * status this is the error body.
   */
  InputStream input();

  /** Bytes to the engine (stdin). Flush to send. */
  OutputStream output();

  /** Flushes and half-closes: the engine reads end-of-stream on stdin; input stays readable. */
  void closeOutput() throws IOException;

  /** Closes the connection. Idempotent and thread-safe. */
  @Override
  void close();
}
