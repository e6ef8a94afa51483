package dev.berth.client;

/**
 * The operation needs a newer API version than the one in use (negotiated with the engine or
 * pinned by the caller). Thrown before anything is sent.
 */
public class UnsupportedApiVersionException extends BerthException {
  private static final long serialVersionUID = 1L;
  private final ApiVersion required;
  private final ApiVersion actual;

  /** An error for {@code operation}, which needs {@code required} but {@code actual} is in use. */
  public UnsupportedApiVersionException(String operation, ApiVersion required, ApiVersion actual) {
    super(operation + " needs API version " + required + " or newer, but " + actual + " is in use");
    this.required = required;
    this.actual = actual;
  }

  /** The version the operation needs. */
  public ApiVersion required() {
    return required;
  }

  /** The version in use. */
  public ApiVersion actual() {
    return actual;
  }
}
