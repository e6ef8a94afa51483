package dev.berth.client;

/** The object named in the request does not exist (HTTP 404). */
public class NotFoundException extends EngineException {
  private static final long serialVersionUID = 1L;

  /** An error for {@code operation} with the status and the engine's message. */
  public NotFoundException(String operation, int status, String engineMessage) {
    super(operation, status, engineMessage);
  }
}
