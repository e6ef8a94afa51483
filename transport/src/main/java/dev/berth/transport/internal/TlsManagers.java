package dev.berth.transport.internal;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/** The key and trust managers berth installs in the contexts it builds itself. */
final class TlsManagers {
  private TlsManagers() {}

  /**
   * Offers the one configured client certificate whenever the engine asks for a certificate of its
   * key type, and records the request in the current {@link Handshake}. The certificate is offered
   * even when its issuer is not among the CAs the engine lists (as OpenSSL and curl do): the
   * engine then refuses it by name, which explains more than silently sending none.
   */
  static final class ClientKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "client";
    private final X509Certificate[] chain; // null: no client certificate configured
    private final PrivateKey key;

    ClientKeyManager(X509Certificate[] chain, PrivateKey key) {
      this.chain = chain;
      this.key = key;
    }

    private boolean fits(String[] keyTypes) {
      if (key == null) {
        return false;
      }
      String alg = key.getAlgorithm();
      for (String t : keyTypes) {
        if (t == null) {
          continue;
        }
        int u = t.indexOf('_');
        String type = u > 0 ? t.substring(0, u) : t;
        if (type.equalsIgnoreCase(alg) || (type.equalsIgnoreCase("EdDSA") && alg.startsWith("Ed"))) {
          return true;
        }
      }
      return false;
    }

    private String choose(String[] keyTypes, Principal[] issuers) {
      Handshake h = Handshake.current();
      boolean fits = keyTypes != null && fits(keyTypes);
      if (h != null) {
        h.certificateRequested = true;
        h.acceptedIssuers = issuers;
        h.requestedKeyTypes = keyTypes;
        h.certificateSent = fits;
      }
      return fits ? ALIAS : null;
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
      return choose(keyTypes, issuers);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
      return choose(keyTypes, issuers);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return key != null && fits(new String[] {keyType}) ? new String[] {ALIAS} : null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return ALIAS.equals(alias) && chain != null ? chain.clone() : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return ALIAS.equals(alias) ? key : null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return null;
    }

    @Override
    public String toString() {
      return "ClientKeyManager[" + (chain == null ? "no client certificate"
          : chain[0].getSubjectX500Principal().getName()) + "]"; // never the key
    }
  }

  /**
   * The JDK's trust manager, asked twice so that the reason for a refusal is known, not guessed
   * from a message: first about the chain alone (trusted CA, validity, key usage), then with the
   * socket, which adds the host-name check. Records the outcome in the current {@link Handshake}.
   */
  static final class ClassifyingTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager delegate;

    ClassifyingTrustManager(X509ExtendedTrustManager delegate) {
      this.delegate = delegate;
    }

    private interface Check {
      void run() throws CertificateException;
    }

    private void check(X509Certificate[] chain, String authType, Check withPeer) throws CertificateException {
      Handshake h = Handshake.current();
      if (h != null) {
        h.serverChain = chain;
      }
      try {
        delegate.checkServerTrusted(chain, authType);
      } catch (CertificateException e) {
        record(h, Handshake.TrustFailure.UNTRUSTED, e);
        throw e;
      }
      try {
        withPeer.run();
      } catch (CertificateException e) {
        // the chain itself passed: what the peer-aware check adds is the host name (and the
        // algorithm constraints of this handshake)
        String m = String.valueOf(e.getMessage());
        boolean name = m.contains("No subject alternative") || m.contains("No name matching");
        record(h, name ? Handshake.TrustFailure.NAME_MISMATCH : Handshake.TrustFailure.OTHER, e);
        throw e;
      }
    }

    private static void record(Handshake h, Handshake.TrustFailure kind, CertificateException e) {
      if (h != null) {
        h.trustFailure = kind;
        h.trustCause = e;
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      check(chain, authType, () -> delegate.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      check(chain, authType, () -> delegate.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      check(chain, authType, () -> { });
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      throw new CertificateException("berth's TLS contexts are for clients only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      throw new CertificateException("berth's TLS contexts are for clients only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      throw new CertificateException("berth's TLS contexts are for clients only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return delegate.getAcceptedIssuers();
    }
  }

  /** Trusts every certificate: what {@code insecureSkipVerify()} asks for. */
  static final class TrustEverything extends X509ExtendedTrustManager {
    private static void seen(X509Certificate[] chain) {
      Handshake h = Handshake.current();
      if (h != null) {
        h.serverChain = chain;
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
      seen(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
      seen(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
      seen(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      throw new CertificateException("berth's TLS contexts are for clients only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      throw new CertificateException("berth's TLS contexts are for clients only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      throw new CertificateException("berth's TLS contexts are for clients only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
