package dev.berth.client;

/** A connect, read or call timeout expired. */
public class TransportTimeoutException extends TransportException {
  private static final long serialVersionUID = 1L;

  /** An error with a message and the transport's cause. */
  public TransportTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
