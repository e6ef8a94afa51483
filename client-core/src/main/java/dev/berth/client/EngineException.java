package dev.berth.client;

/**
 * The engine answered with an error status. Subclasses name the common statuses; this class
 * itself stands for the others. {@link #engineMessage()} is the {@code message} of the engine's
 * JSON error body (or its text, cut to a sane length); {@link #errorBody()} is the whole body as
 * the client read it.
 */
public class EngineException extends BerthException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String engineMessage;
  private final String operation;
  private final String errorContentType;
  private final String errorBody;

  /**
   * An error for {@code operation} (e.g. {@code ContainerStart POST /containers/{id}/start}).
   */
  public EngineException(String operation, int status, String engineMessage) {
    this(operation, status, engineMessage, "", "");
  }

  /**
   * An error for {@code operation} that keeps the engine's error body and its content type as
   * they were read; {@code null} stands for none. Neither goes into the exception's message.
   */
  public EngineException(String operation, int status, String engineMessage, String errorContentType,
      String errorBody) {
    super(operation + " failed with HTTP " + status
        + (engineMessage == null || engineMessage.isEmpty() ? "" : ": " + engineMessage));
    this.status = status;
    this.engineMessage = engineMessage == null ? "" : engineMessage;
    this.operation = operation;
    this.errorContentType = errorContentType == null ? "" : errorContentType;
    this.errorBody = errorBody == null ? "" : errorBody;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The engine's error message; empty when it sent none. */
  public String engineMessage() {
    return engineMessage;
  }

  /** The operation that failed: id, method and path template. */
  public String operation() {
    return operation;
  }

  /**
   * The error body the engine sent, as UTF-8 text, unchanged: for Podman its whole error document
   * ({@code cause}, {@code message}, {@code response}). The client reads at most the first 64 KiB
   * of it; empty when the engine sent none or it could not be read. It holds only what the engine
   * answered, nothing of the request (no headers such as {@code X-Registry-Auth}), and it is not
   * part of {@link #getMessage()}.
   */
  public String errorBody() {
    return errorBody;
  }

  /** The {@code Content-Type} of {@link #errorBody()}; empty when the engine sent none. */
  public String errorContentType() {
    return errorContentType;
  }
}
