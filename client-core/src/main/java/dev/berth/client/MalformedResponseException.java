package dev.berth.client;

/** The engine answered something that is not valid HTTP or not the JSON the API promises. */
public class MalformedResponseException extends BerthException {
  private static final long serialVersionUID = 1L;

  /** An error with a message and a cause. */
  public MalformedResponseException(String message, Throwable cause) {
    super(message, cause);
  }
}
