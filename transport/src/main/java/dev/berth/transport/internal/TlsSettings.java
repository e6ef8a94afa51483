package dev.berth.transport.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS material of a {@code TlsConfig}, read and checked once: the {@link SSLContext} and
 * what error messages need to explain a failed handshake. Immutable and thread-safe. Holds the
 * private key only inside the context's key manager; {@link #toString()} shows no secret.
 */
public final class TlsSettings {
  /** TLS versions berth allows, newest first. */
  static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  private final SSLContext context;
  private final String[] protocols;
  private final boolean verify;
  private final boolean ownManagers;
  private final String serverName;
  private final String trustSource;
  private final X509Certificate[] clientChain;
  private final String clientCertFile;
  private final String clientKeyAlgorithm;

  private TlsSettings(SSLContext context, boolean verify, boolean ownManagers, String serverName,
      String trustSource, X509Certificate[] clientChain, String clientCertFile, String clientKeyAlgorithm)
      throws IOException {
    this.context = context;
    List<String> supported = Arrays.asList(context.getSupportedSSLParameters().getProtocols());
    List<String> enabled = new ArrayList<>();
    for (String p : PROTOCOLS) {
      if (supported.contains(p)) {
        enabled.add(p);
      }
    }
    if (enabled.isEmpty()) {
      throw new IOException("the TLS context supports neither TLS 1.3 nor TLS 1.2 (it offers "
          + supported + ")");
    }
    this.protocols = enabled.toArray(new String[0]);
    this.verify = verify;
    this.ownManagers = ownManagers;
    this.serverName = serverName;
    this.trustSource = trustSource;
    this.clientChain = clientChain;
    this.clientCertFile = clientCertFile;
    this.clientKeyAlgorithm = clientKeyAlgorithm;
  }

  /**
   * Reads and checks the files and builds the context.
   *
   * @param caFile trusted CAs, or null for the JDK's trust store (ignored when {@code insecure})
   * @param certFile client certificate chain, or null
   * @param keyFile client private key, or null (given exactly when {@code certFile} is)
   * @param password for an encrypted key, or null; not kept
   */
  public static TlsSettings load(Path caFile, Path certFile, Path keyFile, char[] password, boolean insecure,
      String serverName) throws IOException {
    X509Certificate[] chain = null;
    PrivateKey key = null;
    if (certFile != null) {
      List<X509Certificate> certs = readCertificates(certFile, "client certificate");
      chain = certs.toArray(new X509Certificate[0]);
      key = PemKeys.read(keyFile, password);
      checkKeyMatches(key, chain[0], certFile, keyFile);
    }
    X509ExtendedTrustManager trust;
    String trustSource;
    if (insecure) {
      trust = new TlsManagers.TrustEverything();
      trustSource = "nothing (verification is off)";
    } else if (caFile != null) {
      List<X509Certificate> cas = readCertificates(caFile, "CA certificate");
      trust = new TlsManagers.ClassifyingTrustManager(trustManager(cas, caFile));
      trustSource = "the CA certificates in " + caFile;
    } else {
      trust = new TlsManagers.ClassifyingTrustManager(trustManager(null, null));
      trustSource = "the JDK's default trust store";
    }
    SSLContext context;
    try {
      context = SSLContext.getInstance("TLS");
      context.init(new KeyManager[] {new TlsManagers.ClientKeyManager(chain, key)}, new TrustManager[] {trust}, null);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS: " + e.getMessage(), e);
    }
    return new TlsSettings(context, !insecure, true, serverName, trustSource, chain,
        certFile == null ? null : certFile.toString(), key == null ? null : key.getAlgorithm());
  }

  /** Settings around a caller's own context; its managers decide trust and client certificates. */
  public static TlsSettings of(SSLContext context, String serverName) throws IOException {
    return new TlsSettings(context, true, false, serverName, "the given SSLContext", null, null, null);
  }

  private static X509ExtendedTrustManager trustManager(List<X509Certificate> cas, Path caFile) throws IOException {
    try {
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      if (cas == null) {
        tmf.init((KeyStore) null);
      } else {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        for (int i = 0; i < cas.size(); i++) {
          ks.setCertificateEntry("ca-" + i, cas.get(i));
        }
        tmf.init(ks);
      }
      for (TrustManager tm : tmf.getTrustManagers()) {
        if (tm instanceof X509ExtendedTrustManager x) {
          return x;
        }
      }
      throw new IOException("the JDK offers no X.509 trust manager");
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up trust in " + (caFile == null ? "the JDK's default trust store"
          : "the CA certificates in " + caFile) + ": " + e.getMessage(), e);
    }
  }

  /** The certificates of a PEM file, in order; at least one. */
  static List<X509Certificate> readCertificates(Path file, String what) throws IOException {
    List<Pem.Block> blocks;
    try {
      blocks = Pem.read(file);
    } catch (IOException e) {
      throw new IOException("cannot read the " + what + " file: " + e.getMessage(), e);
    }
    List<X509Certificate> certs = new ArrayList<>();
    CertificateFactory cf;
    try {
      cf = CertificateFactory.getInstance("X.509");
    } catch (CertificateException e) {
      throw new IOException("the JDK offers no X.509 certificate factory", e);
    }
    for (Pem.Block b : blocks) {
      if (!b.label.equals("CERTIFICATE")) {
        continue;
      }
      try {
        certs.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(b.der)));
      } catch (CertificateException | RuntimeException e) {
        throw new IOException("certificate #" + (certs.size() + 1) + " in " + file + " is malformed ("
            + e.getMessage() + ")", e);
      }
    }
    if (certs.isEmpty()) {
      boolean key = blocks.stream().anyMatch(b -> b.label.contains("PRIVATE KEY"));
      throw new IOException(file + " holds no certificate (expected -----BEGIN CERTIFICATE-----; "
          + (key ? "found a private key: are the certificate and key files swapped?" : Pem.labels(blocks)) + ")");
    }
    return certs;
  }

  /** Signs with the key and verifies with the certificate: they must be one pair. */
  private static void checkKeyMatches(PrivateKey key, X509Certificate cert, Path certFile, Path keyFile)
      throws IOException {
    String certAlg = cert.getPublicKey().getAlgorithm();
    String keyAlg = key.getAlgorithm();
    String sigAlg = switch (keyAlg) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
      default -> null; // RSASSA-PSS and others: the handshake will tell
    };
    boolean sameFamily = certAlg.equals(keyAlg) || (certAlg.startsWith("Ed") && keyAlg.startsWith("Ed"));
    boolean matches = sameFamily;
    if (sameFamily && sigAlg != null) {
      try {
        byte[] probe = "berth key pair check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Signature s = Signature.getInstance(sigAlg);
        s.initSign(key);
        s.update(probe);
        byte[] sig = s.sign();
        Signature v = Signature.getInstance(sigAlg);
        v.initVerify(cert.getPublicKey());
        v.update(probe);
        matches = v.verify(sig);
      } catch (GeneralSecurityException | RuntimeException e) {
        matches = false;
      }
    }
    if (!matches) {
      throw new IOException("the private key in " + keyFile + " (" + keyAlg + ") does not belong to the"
          + " certificate in " + certFile + " (" + certAlg + ", " + cert.getSubjectX500Principal().getName() + ")");
    }
  }

  /**
   * A client-mode engine for {@code host:port} set up as the TLS dialer sets up its sockets: the
   * allowed protocols, SNI and, when verifying, host-name checks against the server name if one
   * was given, else {@code host}.
   */
  public javax.net.ssl.SSLEngine newEngine(String host, int port) {
    String verified = serverName != null ? serverName : host;
    javax.net.ssl.SSLEngine e = context.createSSLEngine(verified, port);
    e.setUseClientMode(true);
    javax.net.ssl.SSLParameters p = e.getSSLParameters();
    p.setProtocols(protocols.clone());
    p.setEndpointIdentificationAlgorithm(verify ? "HTTPS" : null);
    e.setSSLParameters(p);
    return e;
  }

  String[] protocols() {
    return protocols.clone();
  }

  /** Whether the engine's certificate and host name are checked. */
  public boolean verify() {
    return verify;
  }

  /** Whether berth's recording managers are installed (not a caller's context). */
  boolean ownManagers() {
    return ownManagers;
  }

  /** The host name to verify instead of the dialed host, or null. */
  public String serverName() {
    return serverName;
  }

  String trustSource() {
    return trustSource;
  }

  /** The client certificate chain, or null. */
  X509Certificate[] clientChain() {
    return clientChain == null ? null : clientChain.clone();
  }

  String clientCertFile() {
    return clientCertFile;
  }

  String clientKeyAlgorithm() {
    return clientKeyAlgorithm;
  }

  /** Describes the settings without secrets: trust source, client certificate subject, server name. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(verify ? "verify server, trust " + trustSource : "INSECURE: server not verified");
    if (clientChain != null) {
      sb.append(", client certificate ").append(clientChain[0].getSubjectX500Principal().getName())
          .append(" (").append(clientCertFile).append(')');
    } else if (ownManagers) {
      sb.append(", no client certificate");
    }
    if (serverName != null) {
      sb.append(", server name ").append(serverName);
    }
    return sb.toString();
  }
}
