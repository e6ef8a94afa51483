package dev.berth.client;

/**
 * The engine could not be reached, or the connection failed while the call ran (refused, reset,
 * closed mid-stream, interrupted). The cause is the transport's {@link java.io.IOException}.
 */
public class TransportException extends BerthException {
  private static final long serialVersionUID = 1L;

  /** An error with a message and the transport's cause. */
  public TransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
