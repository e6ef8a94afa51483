package dev.berth.client;

/** The engine cannot serve the request now, e.g. a swarm call on a node outside a swarm (HTTP 503). */
public class UnavailableException extends EngineException {
  private static final long serialVersionUID = 1L;

  /** An error for {@code operation} with the status and the engine's message. */
  public UnavailableException(String operation, int status, String engineMessage) {
    super(operation, status, engineMessage);
  }
}
