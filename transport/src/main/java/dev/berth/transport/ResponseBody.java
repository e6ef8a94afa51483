package dev.berth.transport;

import java.io.IOException;
import java.io.InputStream;

/** The streaming body of a {@link Response}. Read it once; closing it closes the response. */
public interface ResponseBody {

  /** The length from {@code Content-Length}, or {@code -1} when unknown (chunked, raw). */
  long contentLength();

  /** The {@code Content-Type} header, or {@code null}. */
  String contentType();

  /**
   * The body as a stream; always the same instance. Reads throw {@link IOException} when the
   * connection fails or times out, and after the response was closed.
   */
  InputStream stream();

  /**
   * Reads at most {@code maxBytes} of the body and closes the response. A longer body is cut off,
   * so this is safe for error bodies of any size.
   */
  byte[] bytes(int maxBytes) throws IOException;
}
