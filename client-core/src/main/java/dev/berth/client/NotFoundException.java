package dev.berth.client;

/** The object named in the request does not exist (HTTP 404). */
public class NotFoundException extends EngineException {
  private static final long serialVersionUID = 1L;

  /** An error for {@code operation} with the status and the engine's message. */
  public NotFoundException(String operation, int status, String engineMessage) {
    super(operation, status, engineMessage);
  }

  /**
   * As {@link #NotFoundException(String, int, String)}, keeping the engine's error body as it was
   * read (see {@link #errorBody()}).
   */
  public NotFoundException(String operation, int status, String engineMessage, String errorContentType,
      String errorBody) {
    super(operation, status, engineMessage, errorContentType, errorBody);
  }
}
