package dev.berth.client;

/**
 * A call was cancelled through its request's {@link dev.berth.transport.CancelToken}. Its connection
 * was closed; nothing was retried.
 */
public class CancelledException extends TransportException {
  private static final long serialVersionUID = 1L;

  /** An error with a message and the transport's cause. */
  public CancelledException(String message, Throwable cause) {
    super(message, cause);
  }
}
