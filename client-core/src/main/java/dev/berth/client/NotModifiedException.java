package dev.berth.client;

/** The object is already in the requested state, e.g. starting a running container (HTTP 304). */
public class NotModifiedException extends EngineException {
  private static final long serialVersionUID = 1L;

  /** An error for {@code operation} with the status and the engine's message. */
  public NotModifiedException(String operation, int status, String engineMessage) {
    super(operation, status, engineMessage);
  }

  /**
   * As {@link #NotModifiedException(String, int, String)}, keeping the engine's error body as it was
   * read (see {@link #errorBody()}).
   */
  public NotModifiedException(String operation, int status, String engineMessage, String errorContentType,
      String errorBody) {
    super(operation, status, engineMessage, errorContentType, errorBody);
  }
}
