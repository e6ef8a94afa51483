package dev.berth.client;

/**
 * The root of every error berth's clients and services throw. Unchecked. Messages name the
 * operation, never a credential or a request body.
 */
public class BerthException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error with a message. */
  public BerthException(String message) {
    super(message);
  }

  /** An error with a message and a cause. */
  public BerthException(String message, Throwable cause) {
    super(message, cause);
  }
}
