package dev.berth.client;

/** The engine cannot serve the request now, e.g. a swarm call on a node outside a swarm (HTTP 503). */
public class UnavailableException extends EngineException {
  private static final long serialVersionUID = 1L;

  /** An error for {@code operation} with the status and the engine's message. */
  public UnavailableException(String operation, int status, String engineMessage) {
    super(operation, status, engineMessage);
  }

  /**
   * As {@link #UnavailableException(String, int, String)}, keeping the engine's error body as it was
   * read (see {@link #errorBody()}).
   */
  public UnavailableException(String operation, int status, String engineMessage, String errorContentType,
      String errorBody) {
    super(operation, status, engineMessage, errorContentType, errorBody);
  }
}
