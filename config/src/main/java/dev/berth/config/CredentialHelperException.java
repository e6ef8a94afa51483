package dev.berth.config;

import dev.berth.client.BerthException;

/**
 * A {@code docker-credential-<name>} helper could not give an answer: it is not on the
 * {@code PATH}, it timed out, it failed, or it printed something that is not the protocol's
 * JSON. The message names the helper, the registry and (for a failure) the exit status; it never
 * contains a secret, and so never the helper's own output, which may hold one. A helper that
 * answers "credentials not found" is not an error: the lookup then returns nothing.
 */
public class CredentialHelperException extends BerthException {
  private static final long serialVersionUID = 1L;

  private final String helper;

  /** An error about {@code helper} (the program name, e.g. {@code docker-credential-pass}). */
  public CredentialHelperException(String helper, String message, Throwable cause) {
    super(message, cause);
    this.helper = helper;
  }

  /** The helper program's name, e.g. {@code docker-credential-pass}. */
  public String helper() {
    return helper;
  }
}
