package dev.berth.client;

/**
 * The engine answered with an error status. Subclasses name the common statuses; this class
 * itself stands for the others. {@link #engineMessage()} is the {@code message} of the engine's
 * JSON error body (or its text, cut to a sane length).
 */
public class EngineException extends BerthException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String engineMessage;
  private final String operation;

  /**
   * An error for {@code operation} (e.g. {@code ContainerStart POST /containers/{id}/start}).
   */
  public EngineException(String operation, int status, String engineMessage) {
    super(operation + " failed with HTTP " + status
        + (engineMessage == null || engineMessage.isEmpty() ? "" : ": " + engineMessage));
    this.status = status;
    this.engineMessage = engineMessage == null ? "" : engineMessage;
    this.operation = operation;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The engine's error message; empty when it sent none. */
  public String engineMessage() {
    return engineMessage;
  }

  /** The operation that failed: id, method and path template. */
  public String operation() {
    return operation;
  }
}
