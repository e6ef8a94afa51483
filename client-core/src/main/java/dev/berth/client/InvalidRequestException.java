package dev.berth.client;

/** The engine rejected the request's parameters (HTTP 400). */
public class InvalidRequestException extends EngineException {
  private static final long serialVersionUID = 1L;

  /** An error for {@code operation} with the status and the engine's message. */
  public InvalidRequestException(String operation, int status, String engineMessage) {
    super(operation, status, engineMessage);
  }
}
