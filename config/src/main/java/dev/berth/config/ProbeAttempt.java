package dev.berth.config;

import java.util.Objects;

/**
 * The outcome of probing one {@link SocketCandidate} with {@code GET /_ping}.
 *
 * @param candidate the socket probed
 * @param outcome what happened: {@link Outcome#ANSWERED} or why not
 * @param detail a short human explanation, e.g. {@code "no such file"}
 */
public record ProbeAttempt(SocketCandidate candidate, Outcome outcome, String detail) {

  /** Why a candidate did or did not answer. */
  public enum Outcome {
    /** It answered the ping: an engine listens there. */
    ANSWERED,
    /** The socket file does not exist. */
    MISSING,
    /** The path exists but is not a socket (a regular file or a directory). */
    NOT_A_SOCKET,
    /** The socket exists but nobody listens on it (a stale file of a stopped engine). */
    REFUSED,
    /** This process may not open the socket (e.g. not in the {@code docker} group). */
    PERMISSION_DENIED,
    /** Something accepted the connection but did not answer within the probe timeout. */
    TIMEOUT,
    /** Something answered, but not like an engine (an error status or not HTTP). */
    NOT_AN_ENGINE,
    /** Any other failure; the detail says which. */
    FAILED,
    /**
     * Not probed: the socket, a directory above it or a link on the way belongs to another user
     * (not this one, not root), or a directory is writable by others; the detail says which.
     * Another user could have planted it to receive this user's requests and credentials.
     */
    UNTRUSTED
  }

  /** Checks the components are present. */
  public ProbeAttempt {
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(detail, "detail");
  }

  /** Whether an engine answered. */
  public boolean answered() {
    return outcome == Outcome.ANSWERED;
  }

  @Override
  public String toString() {
    return candidate + ": " + outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
        + (detail.isEmpty() ? "" : " (" + detail + ")");
  }
}
