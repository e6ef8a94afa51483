package dev.berth.client;

/**
 * The engine does not implement the operation: HTTP 501, or a 404 for the route itself rather
 * than for an object (a plain-text 404, or Docker's {@code "page not found"}) — an engine older
 * than the operation, Podman without it, or a proxy that blocks it. {@link #status()} tells which.
 */
public class NotImplementedException extends EngineException {
  private static final long serialVersionUID = 1L;

  /** An error for {@code operation} with the status and the engine's message. */
  public NotImplementedException(String operation, int status, String engineMessage) {
    super(operation, status, engineMessage);
  }

  /**
   * As {@link #NotImplementedException(String, int, String)}, keeping the engine's error body as it was
   * read (see {@link #errorBody()}).
   */
  public NotImplementedException(String operation, int status, String engineMessage, String errorContentType,
      String errorBody) {
    super(operation, status, engineMessage, errorContentType, errorBody);
  }
}
