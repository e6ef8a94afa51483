package dev.berth.transport;

import dev.berth.transport.internal.TlsSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * TLS settings for reaching an engine over {@code tcp://} with TLS or {@code https://}: which CAs
 * to trust, an optional client certificate for mutual TLS, and the host name to verify. Immutable
 * and thread-safe; build one and share it across dialers.
 *
 * <p>The engine's certificate and host name are verified by default, and only TLS 1.3 and 1.2 are
 * offered. {@link Builder#insecureSkipVerify()} turns verification off, and says so in its name.
 *
 * <pre>{@code
 * TlsConfig tls = TlsConfig.fromCertPath(Path.of(System.getenv("DOCKER_CERT_PATH")), true);
 * Dialer dialer = Dialers.tls("build-host.example", 2376, tls);
 * }</pre>
 *
 * <p>Files are read and checked when the config is built, so mistakes (a missing file, a key that
 * does not belong to the certificate, a wrong password) show at once, with messages naming the file;
 * never the key material or the password.
 */
public final class TlsConfig {
  private static volatile TlsConfig jdkDefaults;

  private final TlsSettings settings;

  private TlsConfig(TlsSettings settings) {
    this.settings = settings;
  }

  /** A builder; with nothing set it trusts the JDK's trust store and sends no client certificate. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A config from a directory in Docker's {@code DOCKER_CERT_PATH} layout: {@code ca.pem} (the CAs
   * to trust), {@code cert.pem} and {@code key.pem} (the client certificate and its unencrypted
   * key). Each file is optional: without {@code ca.pem} the JDK's trust store is used; without
   * {@code cert.pem} and {@code key.pem} no client certificate is sent (one without the other is an
   * error).
   *
   * @param verifyServer whether to verify the engine's certificate and host name, as
   *     {@code DOCKER_TLS_VERIFY} says; false ignores {@code ca.pem}, as the Docker CLI does
   * @throws IOException when the directory or a file cannot be read or is not what it should be
   */
  public static TlsConfig fromCertPath(Path dir, boolean verifyServer) throws IOException {
    Objects.requireNonNull(dir, "dir");
    if (!Files.isDirectory(dir)) {
      throw new IOException("the certificate directory " + dir + (Files.exists(dir) ? " is not a directory"
          : " does not exist") + " (expected ca.pem, cert.pem and key.pem, as in DOCKER_CERT_PATH)");
    }
    Builder b = builder();
    Path ca = dir.resolve("ca.pem");
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    if (verifyServer) {
      if (Files.exists(ca)) {
        b.caCertificates(ca);
      }
    } else {
      b.insecureSkipVerify();
    }
    boolean hasCert = Files.exists(cert);
    boolean hasKey = Files.exists(key);
    if (hasCert != hasKey) {
      throw new IOException("the certificate directory " + dir + " has " + (hasCert ? "cert.pem but no key.pem"
          : "key.pem but no cert.pem") + "; a client certificate needs both");
    }
    if (hasCert) {
      b.clientCertificate(cert, key);
    }
    return b.build();
  }

  /** The JDK's trust store, no client certificate: for {@code https://} without settings. Made once. */
  static TlsConfig jdkDefaults() throws IOException {
    TlsConfig c = jdkDefaults;
    if (c == null) {
      c = builder().build();
      jdkDefaults = c;
    }
    return c;
  }

  /** Whether the engine's certificate and host name are verified (false only after insecureSkipVerify). */
  public boolean verifiesServer() {
    return settings.verify();
  }

  /**
   * A new client-mode {@link javax.net.ssl.SSLEngine} for {@code host:port} with these settings:
   * TLS 1.3 and 1.2 only, SNI, and the engine's certificate and host name (or the configured
   * server name) verified unless verification is off. For transports that run TLS themselves,
   * such as HTTP/2 with ALPN; the caller may add application protocols before the handshake.
   */
  public javax.net.ssl.SSLEngine createEngine(String host, int port) {
    java.util.Objects.requireNonNull(host, "host");
    return settings.newEngine(host, port);
  }

  TlsSettings settings() {
    return settings;
  }

  /** Describes the trust source, client certificate subject and server name; never secrets. */
  @Override
  public String toString() {
    return "TlsConfig[" + settings + "]";
  }

  /** Configures a {@link TlsConfig}; not thread-safe. */
  public static final class Builder {
    private Path caFile;
    private Path certFile;
    private Path keyFile;
    private char[] keyPassword;
    private SSLContext context;
    private boolean insecure;
    private String serverName;

    private Builder() {}

    /**
     * Trusts exactly the CA certificates in {@code pemFile} (one or more PEM certificates) instead
     * of the JDK's trust store.
     */
    public Builder caCertificates(Path pemFile) {
      this.caFile = Objects.requireNonNull(pemFile, "pemFile");
      return this;
    }

    /**
     * Sends a client certificate (mutual TLS): the certificate chain in {@code certPem}, leaf
     * first, and its private key in {@code keyPem} (PKCS#8, PKCS#1 or SEC1; RSA or EC).
     */
    public Builder clientCertificate(Path certPem, Path keyPem) {
      this.certFile = Objects.requireNonNull(certPem, "certPem");
      this.keyFile = Objects.requireNonNull(keyPem, "keyPem");
      clearPassword();
      return this;
    }

    /**
     * Sends a client certificate whose private key is encrypted: PKCS#8
     * {@code BEGIN ENCRYPTED PRIVATE KEY} (PBES2 with PBKDF2 and AES or 3DES) or OpenSSL's legacy
     * {@code Proc-Type: 4,ENCRYPTED} form (AES-CBC, DES-EDE3-CBC). The password is copied, used
     * by {@link #build()} and then wiped; the caller may wipe its own array after this call.
     */
    public Builder clientCertificate(Path certPem, Path keyPem, char[] keyPassword) {
      clientCertificate(certPem, keyPem);
      this.keyPassword = Objects.requireNonNull(keyPassword, "keyPassword").clone();
      return this;
    }

    /**
     * Uses the caller's context for trust and client certificates; {@link #caCertificates} and
     * {@link #clientCertificate} are then ignored. Host-name verification and the TLS 1.2+ rule
     * still apply. berth speaks TLS through {@link javax.net.ssl.SSLEngine}, so the context's key
     * manager must be an {@link javax.net.ssl.X509ExtendedKeyManager} to send a client
     * certificate (those of a {@link javax.net.ssl.KeyManagerFactory} are): the JDK never asks a
     * plain {@link javax.net.ssl.X509KeyManager} for one over an engine.
     */
    public Builder sslContext(SSLContext context) {
      this.context = Objects.requireNonNull(context, "context");
      return this;
    }

    /**
     * INSECURE: trusts any certificate for any host name, so anyone on the network path can pose
     * as the engine. For test rigs only. Any {@link #caCertificates} are ignored (as with
     * {@code DOCKER_TLS_VERIFY} unset); a client certificate is still sent.
     */
    public Builder insecureSkipVerify() {
      this.insecure = true;
      return this;
    }

    /**
     * Verifies the engine's certificate for {@code name} instead of the dialed host, and sends it
     * as the TLS server name (SNI) when it is a host name. For engines reached through an address
     * their certificate does not name.
     */
    public Builder serverName(String name) {
      Objects.requireNonNull(name, "name");
      String n = name.trim();
      if (n.isEmpty() || n.chars().anyMatch(c -> c <= ' ' || c >= 127 || c == '/')) {
        throw new IllegalArgumentException("not a host name: '" + name + "'");
      }
      this.serverName = n;
      return this;
    }

    /**
     * Reads and checks the files and builds the config.
     *
     * @throws IOException naming the file and what is wrong with it: missing, unreadable, not PEM,
     *     no certificate, a key that does not belong to the certificate, an encrypted key without
     *     or with a wrong password, an unsupported key type or encryption
     * @throws IllegalStateException for {@code sslContext} together with {@code insecureSkipVerify}
     */
    public TlsConfig build() throws IOException {
      try {
        if (context != null) {
          if (insecure) {
            throw new IllegalStateException("insecureSkipVerify() cannot change a caller's SSLContext;"
                + " give its trust managers the behaviour you want instead");
          }
          return new TlsConfig(TlsSettings.of(context, serverName));
        }
        return new TlsConfig(TlsSettings.load(insecure ? null : caFile, certFile, keyFile, keyPassword,
            insecure, serverName));
      } finally {
        clearPassword();
      }
    }

    private void clearPassword() {
      if (keyPassword != null) {
        Arrays.fill(keyPassword, '\0');
        keyPassword = null;
      }
    }

    @Override
    public String toString() {
      return "TlsConfig.Builder"; // holds a password copy at times: show nothing
    }
  }
}
