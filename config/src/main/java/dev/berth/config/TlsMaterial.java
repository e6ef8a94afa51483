package dev.berth.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The TLS settings discovery found for a TCP endpoint: PEM files in Docker's layout
 * ({@code ca.pem}, {@code cert.pem}, {@code key.pem}) and whether the server is verified.
 * Immutable. A missing {@code ca.pem} means the JDK's trusted roots; a missing
 * {@code cert.pem}/{@code key.pem} pair means no client certificate.
 */
public final class TlsMaterial {
  private final Path directory;
  private final Path caCertificate;
  private final Path clientCertificate;
  private final Path clientKey;
  private final boolean verifyServer;

  private TlsMaterial(Path directory, Path ca, Path cert, Path key, boolean verifyServer) {
    this.directory = directory;
    this.caCertificate = ca;
    this.clientCertificate = cert;
    this.clientKey = key;
    this.verifyServer = verifyServer;
  }

  /**
   * The files of {@code directory} that exist, as the docker CLI reads {@code DOCKER_CERT_PATH} and
   * a context's TLS folder.
   *
   * @param verifyServer whether the server's certificate and name are checked; {@code false} is
   *     insecure (anyone on the path can impersonate the engine)
   */
  public static TlsMaterial fromDirectory(Path directory, boolean verifyServer) {
    Objects.requireNonNull(directory, "directory");
    return new TlsMaterial(directory, existing(directory.resolve("ca.pem")),
        existing(directory.resolve("cert.pem")), existing(directory.resolve("key.pem")), verifyServer);
  }

  private static Path existing(Path p) {
    return Files.isRegularFile(p) ? p : null;
  }

  /** The folder the files were looked for in. */
  public Path directory() {
    return directory;
  }

  /** The CA bundle ({@code ca.pem}) to trust, if present; otherwise the JDK's trusted roots. */
  public Optional<Path> caCertificate() {
    return Optional.ofNullable(caCertificate);
  }

  /** The client certificate ({@code cert.pem}), if present. */
  public Optional<Path> clientCertificate() {
    return Optional.ofNullable(clientCertificate);
  }

  /** The client certificate's private key ({@code key.pem}), if present. */
  public Optional<Path> clientKey() {
    return Optional.ofNullable(clientKey);
  }

  /** Whether the server's certificate chain and host name are verified. */
  public boolean verifyServer() {
    return verifyServer;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TlsMaterial t && t.directory.equals(directory) && t.verifyServer == verifyServer
        && Objects.equals(t.caCertificate, caCertificate) && Objects.equals(t.clientCertificate, clientCertificate)
        && Objects.equals(t.clientKey, clientKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(directory, caCertificate, clientCertificate, clientKey, verifyServer);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(verifyServer ? "verify server" : "INSECURE: server not verified");
    b.append("; CA ").append(caCertificate == null ? "JDK trusted roots" : caCertificate.toString());
    if (clientCertificate != null || clientKey != null) {
      b.append("; client certificate ").append(clientCertificate == null ? "(missing cert.pem)" : clientCertificate)
          .append(", key ").append(clientKey == null ? "(missing key.pem)" : clientKey);
    } else {
      b.append("; no client certificate");
    }
    return b.append(" (from ").append(directory).append(')').toString();
  }
}
