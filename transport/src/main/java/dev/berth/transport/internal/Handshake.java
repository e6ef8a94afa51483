package dev.berth.transport.internal;

import java.security.Principal;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * What one TLS handshake revealed to berth's own key and trust managers: whether the engine asked
 * for a client certificate (and from which CAs), whether one was sent, and why the engine's
 * certificate was refused. {@link TlsChannelConnection#handshake} runs the engine's tasks on the
 * dialing thread, so that thread carries it in a thread-local.
 */
final class Handshake {
  private static final ThreadLocal<Handshake> CURRENT = new ThreadLocal<>();

  enum TrustFailure { UNTRUSTED, NAME_MISMATCH, OTHER }

  boolean certificateRequested;
  Principal[] acceptedIssuers;
  String[] requestedKeyTypes;
  boolean certificateSent;
  TrustFailure trustFailure;
  CertificateException trustCause;
  X509Certificate[] serverChain;

  static Handshake current() {
    return CURRENT.get();
  }

  void begin() {
    CURRENT.set(this);
  }

  void end() {
    CURRENT.remove();
  }
}
