package dev.berth.client;

/**
 * The engine's answer is larger than the client accepts: a JSON document over
 * {@link EngineClient.Builder#maxResponseSize(long)}, or one value of a JSON stream (an event, a
 * progress message) over {@link EngineClient.Builder#maxStreamValueSize(long)}. A real engine's
 * answers stay far below the defaults; a hostile or broken one (an endless field, a 10 GB
 * {@code Content-Length}) would otherwise exhaust the heap. The connection is discarded.
 */
public class ResponseTooLargeException extends MalformedResponseException {
  private static final long serialVersionUID = 1L;
  private final long limit;

  /** An answer of {@code operation} over {@code limit} bytes; the message names the setting. */
  public ResponseTooLargeException(String message, long limit) {
    super(message, null);
    this.limit = limit;
  }

  /** The limit in bytes that was exceeded. */
  public long limit() {
    return limit;
  }
}
