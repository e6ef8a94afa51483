package dev.berth.transport;

import java.io.InterruptedIOException;

/**
 * A call ended because its {@link CancelToken} was cancelled. The connection it used is closed,
 * never reused.
 */
public final class CallCancelledException extends InterruptedIOException {
  private static final long serialVersionUID = 1L;

  /** A cancellation with this message. */
  public CallCancelledException(String message) {
    super(message);
  }
}
