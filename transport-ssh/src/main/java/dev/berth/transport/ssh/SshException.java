package dev.berth.transport.ssh;

import java.io.IOException;
import java.util.Objects;

/**
 * Why an {@code ssh://} connection could not be made, as a {@link Reason} a caller can act on.
 * Messages name the host, the user and what to check; never a passphrase or key material.
 */
public class SshException extends IOException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Reason {
    /** The SSH server could not be reached, or the SSH session failed. */
    CONNECT,
    /** The server refused every key offered (or a key file could not be read or decrypted). */
    AUTHENTICATION,
    /** The server's host key is not in known_hosts ({@link SshHostKeyException}). */
    HOST_KEY_UNKNOWN,
    /** The server's host key differs from the one in known_hosts ({@link SshHostKeyException}). */
    HOST_KEY_CHANGED,
    /** The server refused to open a channel, e.g. {@code AllowStreamLocalForwarding no}. */
    CHANNEL_REFUSED,
    /** Nothing listens at the engine socket on the remote host. */
    REMOTE_SOCKET_MISSING,
    /** The remote command ({@code docker system dial-stdio}) does not exist on the remote host. */
    REMOTE_COMMAND_MISSING,
    /** The remote command started but ended without answering, e.g. it could not reach the engine. */
    REMOTE_COMMAND_FAILED
  }

  private final Reason reason;
  private final String host;

  /** An error for {@code host} ({@code user@host:port}). */
  public SshException(Reason reason, String host, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.host = host;
  }

  /** What went wrong. */
  public Reason reason() {
    return reason;
  }

  /** The SSH host as {@code user@host:port}. */
  public String host() {
    return host;
  }
}
