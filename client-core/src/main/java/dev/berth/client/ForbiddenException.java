package dev.berth.client;

/** The engine forbids the operation (HTTP 403). */
public class ForbiddenException extends EngineException {
  private static final long serialVersionUID = 1L;

  /** An error for {@code operation} with the status and the engine's message. */
  public ForbiddenException(String operation, int status, String engineMessage) {
    super(operation, status, engineMessage);
  }

  /**
   * As {@link #ForbiddenException(String, int, String)}, keeping the engine's error body as it was
   * read (see {@link #errorBody()}).
   */
  public ForbiddenException(String operation, int status, String engineMessage, String errorContentType,
      String errorBody) {
    super(operation, status, engineMessage, errorContentType, errorBody);
  }
}
