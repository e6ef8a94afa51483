package dev.berth.client;

/**
 * The engine reported an error inside a progress stream it had already started with HTTP 200
 * (pull, push, build, load, import). {@link #engineMessage()} is the engine's own words, capped
 * at 2048 characters with control characters replaced, as for error bodies.
 */
public class StreamErrorException extends BerthException {
  private static final long serialVersionUID = 1L;
  private final String engineMessage;
  private final Integer code;

  /** An error for {@code operation} with the engine's message and optional numeric code. */
  public StreamErrorException(String operation, String engineMessage, Integer code) {
    super(operation + ": the engine reported an error in the progress stream: "
        + dev.berth.client.internal.Errors.cut(String.valueOf(engineMessage)));
    this.engineMessage = dev.berth.client.internal.Errors.cut(String.valueOf(engineMessage));
    this.code = code;
  }

  /** The error message the engine put in the stream. */
  public String engineMessage() {
    return engineMessage;
  }

  /** The numeric code from {@code errorDetail}, or {@code null}. */
  public Integer code() {
    return code;
  }
}
