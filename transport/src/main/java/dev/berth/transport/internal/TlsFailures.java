package dev.berth.transport.internal;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.security.Principal;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Turns a failed TLS handshake into an exception that names the endpoint and the likely cause:
 * an untrusted or mismatched engine certificate, a missing or refused client certificate, a peer
 * that does not speak TLS. The original exception is kept as the cause.
 */
final class TlsFailures {
  private static final String ALERT = "Received fatal alert: ";
  private static final List<String> CLIENT_CERT_ALERTS = List.of("bad_certificate", "certificate_required",
      "unknown_ca", "certificate_unknown", "certificate_expired", "certificate_revoked",
      "unsupported_certificate", "access_denied");

  private TlsFailures() {}

  /**
   * The exception for a handshake (or the wait for the engine's verdict after it) that failed.
   *
   * @param host the host name that was verified (the server name, or the dialed host)
   * @param afterHandshake true when the client's side of the handshake had completed
   */
  static IOException of(IOException e, Handshake h, TlsSettings s, String endpoint, String host,
      boolean afterHandshake) {
    String message = describe(e, h, s, endpoint, host, afterHandshake);
    SSLException out = message.startsWith("!") ? new SSLException(message.substring(1))
        : new SSLHandshakeException(message);
    out.initCause(e);
    return out;
  }

  private static String describe(IOException e, Handshake h, TlsSettings s, String endpoint, String host,
      boolean afterHandshake) {
    if (h.trustFailure != null) {
      return trustMessage(h, s, endpoint, host);
    }
    String alert = alertOf(e);
    if (alert != null) {
      return alertMessage(alert, h, s, endpoint);
    }
    String m = String.valueOf(e.getMessage());
    if (m.contains("Unsupported or unrecognized SSL message") || m.contains("plaintext connection")) {
      return "!" + endpoint + " did not answer in TLS: is it a plain-TCP endpoint (tcp:// without TLS,"
          + " usually port 2375)?";
    }
    boolean closed = e instanceof EOFException || e instanceof SocketException
        || m.contains("Remote host terminated the handshake") || m.contains("Connection reset");
    if (closed) {
      String when = afterHandshake ? "right after the TLS handshake" : "during the TLS handshake";
      if (h.certificateRequested && !h.certificateSent) {
        return noCertificate(h, s, endpoint) + " (it closed the connection " + when + ")";
      }
      if (h.certificateSent) {
        // Go checks the certificate before the client's CertificateVerify and Finished are in,
        // and may close before the JDK has finished writing them: the alert is then lost
        return refusalReasons(h, s).isEmpty()
            ? endpoint + " closed the connection " + when + ": it probably refused the client certificate "
                + certificateName(s) + acceptedIssuers(h)
            : refusedCertificate(h, s, endpoint) + " (it closed the connection " + when + ")";
      }
      return endpoint + " closed the connection " + when + " (is it a TLS endpoint, and does it accept this"
          + " client?)";
    }
    if (m.contains("No appropriate protocol")) {
      return "TLS handshake with " + endpoint + " failed: no TLS version or cipher suite is left to offer"
          + " (berth allows TLS 1.3 and 1.2): " + m;
    }
    return "TLS handshake with " + endpoint + " failed: " + m;
  }

  /** The TLS alert the engine sent, as the JDK names it (bad_certificate, …), or null. */
  static String alertOf(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null) {
        int i = m.indexOf(ALERT);
        if (i >= 0) {
          String rest = m.substring(i + ALERT.length()).trim();
          int end = 0;
          while (end < rest.length() && (Character.isLetterOrDigit(rest.charAt(end)) || rest.charAt(end) == '_')) {
            end++;
          }
          return rest.substring(0, end);
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /** Whether an alert after the handshake means the engine refused this client's certificate. */
  static boolean isClientCertificateAlert(String alert) {
    return alert != null && CLIENT_CERT_ALERTS.contains(alert);
  }

  private static String alertMessage(String alert, Handshake h, TlsSettings s, String endpoint) {
    String tail = " [TLS alert " + alert + "]";
    // a TLS 1.2 engine may answer a missing certificate with a plain handshake_failure (JDK 25's does)
    boolean missingCertificate = alert.equals("handshake_failure") && h.certificateRequested && !h.certificateSent;
    if (CLIENT_CERT_ALERTS.contains(alert) || missingCertificate) {
      if (s.ownManagers() && !h.certificateSent) {
        return noCertificate(h, s, endpoint) + tail;
      }
      if (s.ownManagers()) {
        return refusedCertificate(h, s, endpoint) + tail;
      }
      return endpoint + " refused the TLS handshake: it requires a client certificate, and the given"
          + " SSLContext sent none it accepts" + acceptedIssuers(h) + tail;
    }
    switch (alert) {
      case "protocol_version", "handshake_failure", "insufficient_security" -> {
        return endpoint + " and this client share no TLS version or cipher suite (berth allows TLS 1.3 and"
            + " 1.2)" + tail;
      }
      case "unrecognized_name" -> {
        return endpoint + " does not know the server name this client asked for" + tail;
      }
      default -> {
        return "TLS handshake with " + endpoint + " failed: the engine sent a fatal alert" + tail;
      }
    }
  }

  private static String noCertificate(Handshake h, TlsSettings s, String endpoint) {
    if (s.clientKeyAlgorithm() != null && h.requestedKeyTypes != null) {
      return endpoint + " requires a client certificate with a key of type "
          + String.join("/", new java.util.LinkedHashSet<>(Arrays.asList(h.requestedKeyTypes)))
          + ", and the configured one (" + s.clientCertFile() + ") has a " + s.clientKeyAlgorithm() + " key";
    }
    return "the engine at " + endpoint + " requires a client certificate, and none is configured"
        + " (TlsConfig.Builder.clientCertificate, or cert.pem and key.pem in DOCKER_CERT_PATH)"
        + acceptedIssuers(h);
  }

  private static String refusedCertificate(Handshake h, TlsSettings s, String endpoint) {
    List<String> reasons = refusalReasons(h, s);
    return "the engine at " + endpoint + " refused the client certificate " + certificateName(s)
        + (reasons.isEmpty() ? "" : ": " + String.join("; ", reasons));
  }

  /** What is visibly wrong with the client certificate: issuer not accepted, validity, key usage. */
  private static List<String> refusalReasons(Handshake h, TlsSettings s) {
    List<String> reasons = new ArrayList<>();
    X509Certificate[] chain = s.clientChain();
    if (chain == null) {
      return reasons;
    }
    X509Certificate leaf = chain[0];
    if (h.acceptedIssuers != null && h.acceptedIssuers.length > 0 && !issuedByAccepted(chain, h.acceptedIssuers)) {
      reasons.add("it is issued by " + leaf.getIssuerX500Principal().getName() + ", and the engine accepts"
          + " certificates issued by " + names(h.acceptedIssuers));
    }
    try {
      leaf.checkValidity();
    } catch (CertificateExpiredException e) {
      reasons.add("it expired on " + leaf.getNotAfter().toInstant());
    } catch (CertificateNotYetValidException e) {
      reasons.add("it is not valid before " + leaf.getNotBefore().toInstant());
    }
    try {
      List<String> eku = leaf.getExtendedKeyUsage();
      if (eku != null && !eku.contains("1.3.6.1.5.5.7.3.2") && !eku.contains("2.5.29.37.0")) {
        reasons.add("its extended key usage does not allow client authentication");
      }
    } catch (CertificateParsingException ignored) {
      // no reason to add
    }
    return reasons;
  }

  private static boolean issuedByAccepted(X509Certificate[] chain, Principal[] accepted) {
    for (X509Certificate c : chain) {
      for (Principal p : accepted) {
        if (c.getIssuerX500Principal().equals(p) || c.getSubjectX500Principal().equals(p)
            || c.getIssuerX500Principal().getName().equals(p.getName())) {
          return true;
        }
      }
    }
    return false;
  }

  private static String certificateName(TlsSettings s) {
    X509Certificate[] chain = s.clientChain();
    if (chain == null) {
      return "(from the given SSLContext)";
    }
    return chain[0].getSubjectX500Principal().getName() + " (" + s.clientCertFile() + ")";
  }

  private static String acceptedIssuers(Handshake h) {
    if (h.acceptedIssuers == null || h.acceptedIssuers.length == 0) {
      return "";
    }
    return "; it accepts certificates issued by " + names(h.acceptedIssuers);
  }

  private static String names(Principal[] ps) {
    List<String> n = new ArrayList<>();
    for (Principal p : ps) {
      n.add(p.getName());
    }
    return String.join(" or ", n);
  }

  private static String trustMessage(Handshake h, TlsSettings s, String endpoint, String host) {
    X509Certificate[] chain = h.serverChain;
    X509Certificate leaf = chain != null && chain.length > 0 ? chain[0] : null;
    switch (h.trustFailure) {
      case NAME_MISMATCH -> {
        return "certificate of " + endpoint + " does not match host name " + host
            + (leaf == null ? "" : " (it is for " + names(leaf) + ")");
      }
      case UNTRUSTED -> {
        return "certificate of " + endpoint + " is not trusted: " + untrustedReason(h, chain)
            + " (trusting " + s.trustSource() + ")";
      }
      default -> {
        return "certificate of " + endpoint + " was refused: " + h.trustCause.getMessage();
      }
    }
  }

  private static String untrustedReason(Handshake h, X509Certificate[] chain) {
    for (Throwable t = h.trustCause; t != null; t = t.getCause()) {
      if (t instanceof CertificateExpiredException) {
        return "it (or a certificate in its chain) has expired";
      }
      if (t instanceof CertificateNotYetValidException) {
        return "it (or a certificate in its chain) is not valid yet";
      }
      if (t.getCause() == t) {
        break;
      }
    }
    if (chain != null && chain.length > 0) {
      for (X509Certificate c : chain) {
        try {
          c.checkValidity();
        } catch (CertificateExpiredException e) {
          return c.getSubjectX500Principal().getName() + " expired on " + c.getNotAfter().toInstant();
        } catch (CertificateNotYetValidException e) {
          return c.getSubjectX500Principal().getName() + " is not valid before " + c.getNotBefore().toInstant();
        }
      }
      String m = String.valueOf(h.trustCause.getMessage());
      if (m.contains("PKIX path building failed") || m.contains("unable to find valid certification path")) {
        X509Certificate top = chain[chain.length - 1];
        return "it is issued by " + top.getIssuerX500Principal().getName() + ", which is not a trusted CA";
      }
    }
    return String.valueOf(h.trustCause.getMessage());
  }

  /** The names a certificate is for: its subject alternative names, else its subject. */
  static String names(X509Certificate cert) {
    List<String> names = new ArrayList<>();
    try {
      Collection<List<?>> sans = cert.getSubjectAlternativeNames();
      if (sans != null) {
        for (List<?> san : sans) {
          int type = (Integer) san.get(0);
          if (type == 2) {
            names.add("DNS:" + san.get(1));
          } else if (type == 7) {
            names.add("IP:" + san.get(1));
          }
        }
      }
    } catch (CertificateParsingException ignored) {
      // fall back to the subject
    }
    if (names.isEmpty()) {
      return cert.getSubjectX500Principal().getName() + ", no subject alternative names";
    }
    return String.join(", ", names);
  }
}
