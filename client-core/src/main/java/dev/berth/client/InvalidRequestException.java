package dev.berth.client;

/** The engine rejected the request's parameters (HTTP 400). */
public class InvalidRequestException extends EngineException {
  private static final long serialVersionUID = 1L;

  /** An error for {@code operation} with the status and the engine's message. */
  public InvalidRequestException(String operation, int status, String engineMessage) {
    super(operation, status, engineMessage);
  }

  /**
   * As {@link #InvalidRequestException(String, int, String)}, keeping the engine's error body as it was
   * read (see {@link #errorBody()}).
   */
  public InvalidRequestException(String operation, int status, String engineMessage, String errorContentType,
      String errorBody) {
    super(operation, status, engineMessage, errorContentType, errorBody);
  }
}
