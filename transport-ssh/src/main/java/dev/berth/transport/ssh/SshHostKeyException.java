package dev.berth.transport.ssh;

/**
 * The SSH server's host key could not be verified against known_hosts: unknown
 * ({@link Reason#HOST_KEY_UNKNOWN}) or different from the recorded one
 * ({@link Reason#HOST_KEY_CHANGED}, possibly a man-in-the-middle). Add the key to known_hosts
 * after checking the fingerprint out of band, or (unknown keys only) build the dialer with
 * {@link SshDialer.Builder#acceptUnknownHostKeys(boolean)}.
 */
public final class SshHostKeyException extends SshException {
  private static final long serialVersionUID = 1L;

  private final String keyType;
  private final String fingerprint;

  SshHostKeyException(Reason reason, String host, String keyType, String fingerprint, String message, Throwable cause) {
    super(reason, host, message, cause);
    this.keyType = keyType;
    this.fingerprint = fingerprint;
  }

  /** The key's type as the server sent it, e.g. {@code ssh-ed25519}. */
  public String keyType() {
    return keyType;
  }

  /** The key's fingerprint as OpenSSH prints it: {@code SHA256:} and unpadded base64. */
  public String fingerprint() {
    return fingerprint;
  }
}
