package dev.berth.transport;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * One full-duplex byte connection made by a {@link Dialer}.
 *
 * <p>Contract: one thread may block reading {@link #input()} while another writes
 * {@link #output()}; {@link #close()} may be called from any thread and makes blocked reads and
 * writes fail promptly; a read that waits longer than the read timeout throws
 * {@link java.net.SocketTimeoutException} and leaves the connection usable.
 */
public interface Connection extends Closeable {

  /** The stream of bytes from the engine. */
  InputStream input();

  /** The stream of bytes to the engine. */
  OutputStream output();

  /**
   * Sets how long one read may wait for data before it throws {@link
   * java.net.SocketTimeoutException}; {@link Duration#ZERO} waits without limit.
   */
  void setReadTimeout(Duration timeout) throws IOException;

  /** Half-closes the connection: the engine reads end-of-stream, this side can still read. */
  void shutdownOutput() throws IOException;

  /** Closes the connection. Idempotent and thread-safe. */
  @Override
  void close() throws IOException;
}
