package dev.berth.client;

/** The engine does not implement the operation (HTTP 501). */
public class NotImplementedException extends EngineException {
  private static final long serialVersionUID = 1L;

  /** An error for {@code operation} with the status and the engine's message. */
  public NotImplementedException(String operation, int status, String engineMessage) {
    super(operation, status, engineMessage);
  }
}
