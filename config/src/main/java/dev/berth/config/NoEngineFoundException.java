package dev.berth.config;

import dev.berth.client.TransportException;
import java.util.List;

/**
 * Nothing was configured and none of the probed sockets answered {@code GET /_ping}. The message
 * lists every candidate, in probe order, with why it failed; {@link #attempts()} gives the same
 * as values.
 */
public class NoEngineFoundException extends TransportException {
  private static final long serialVersionUID = 1L;

  private final transient List<ProbeAttempt> attempts;

  /** An error listing {@code attempts}. */
  public NoEngineFoundException(String message, List<ProbeAttempt> attempts) {
    super(message, null);
    this.attempts = List.copyOf(attempts);
  }

  /** Every candidate probed, in order, with its outcome. */
  public List<ProbeAttempt> attempts() {
    return attempts == null ? List.of() : attempts;
  }
}
