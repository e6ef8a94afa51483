package dev.berth.transport.internal;

import dev.berth.transport.Connection;
import dev.berth.transport.Dialer;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * Dials TLS over TCP: connects, then completes the handshake before returning, so that an
 * untrusted or mismatched engine certificate, a refused client certificate or a peer that does
 * not speak TLS fails the dial with a message naming the cause.
 *
 * <p>TLS 1.3 moves the engine's verdict on the client certificate after the client's side of the
 * handshake: {@code startHandshake()} returns before the engine has looked at the certificate.
 * When the engine asked for one, the dial therefore waits briefly for a refusal (an alert or a
 * close): about two round trips as measured by the TCP connect, plus 10 ms, at most 1 s and never
 * past the connect timeout. An engine that accepts sends nothing an HTTP client would see, so the
 * wait runs out. A refusal that arrives later still surfaces, translated the same way, on the
 * connection's first read or write.
 */
public final class TlsDialer implements Dialer {
  private static final long MIN_VERDICT_WAIT_NANOS = 10_000_000L;
  private static final long MAX_VERDICT_WAIT_NANOS = 1_000_000_000L;

  private final TcpDialer tcp;
  private final long maxVerdictWaitNanos;
  private final TlsSettings settings;
  private final String endpoint;
  private final String verifiedHost;
  private final int port;

  /**
   * @param endpoint how messages name the engine, e.g. {@code tcp://127.0.0.1:2376}
   */
  public TlsDialer(String host, int port, TlsSettings settings, String endpoint) {
    this(host, port, settings, endpoint, MAX_VERDICT_WAIT_NANOS);
  }

  /** With a different longest wait for the engine's verdict; 0 skips it (tests of the fallback). */
  TlsDialer(String host, int port, TlsSettings settings, String endpoint, long maxVerdictWaitNanos) {
    this.maxVerdictWaitNanos = maxVerdictWaitNanos;
    this.tcp = new TcpDialer(host, port);
    this.settings = settings;
    this.endpoint = endpoint;
    this.port = port;
    this.verifiedHost = settings.serverName() != null ? settings.serverName() : host;
  }

  @Override
  public Connection dial(Duration connectTimeout) throws IOException {
    long start = System.nanoTime();
    Socket raw = tcp.connectSocket(connectTimeout);
    long connected = System.nanoTime();
    SSLSocket ssl = null;
    Handshake h = new Handshake();
    boolean handshakeDone = false;
    boolean ok = false;
    h.begin();
    try {
      // the host given here is what the JDK sends as SNI and checks the certificate against
      ssl = (SSLSocket) settings.factory().createSocket(raw, verifiedHost, port, true);
      ssl.setUseClientMode(true);
      SSLParameters p = ssl.getSSLParameters();
      p.setProtocols(settings.protocols());
      if (settings.verify()) {
        p.setEndpointIdentificationAlgorithm("HTTPS");
      } else {
        p.setEndpointIdentificationAlgorithm(null);
      }
      ssl.setSSLParameters(p);
      ssl.setSoTimeout(millisLeft(connectTimeout, start));
      ssl.startHandshake();
      handshakeDone = true;
      int early = awaitVerdict(ssl, h, connectTimeout, start, connected - start);
      ssl.setSoTimeout(0);
      boolean tls13 = "TLSv1.3".equals(ssl.getSession().getProtocol());
      boolean mutual = settings.ownManagers() ? h.certificateRequested : true;
      TlsConnection c = new TlsConnection(ssl, raw, endpoint, early, tls13 && mutual
          ? e -> TlsFailures.of(e, h, settings, endpoint, verifiedHost, true) : null);
      ok = true;
      return c;
    } catch (SocketTimeoutException e) {
      SocketTimeoutException t = new SocketTimeoutException("TLS handshake with " + endpoint + " timed out after "
          + (System.nanoTime() - start) / 1_000_000 + " ms (does it speak TLS?)");
      t.initCause(e);
      throw t;
    } catch (IOException e) {
      throw TlsFailures.of(e, h, settings, endpoint, verifiedHost, handshakeDone);
    } finally {
      h.end();
      if (!ok) {
        if (ssl != null) {
          closeQuietly(ssl);
        }
        closeQuietly(raw);
      }
    }
  }

  /**
   * After a TLS 1.3 handshake in which the engine asked for a client certificate, waits briefly
   * for its refusal (see the class comment). Returns a byte the engine sent unasked (never seen
   * with HTTP engines, but not dropped), or -1.
   */
  private int awaitVerdict(SSLSocket ssl, Handshake h, Duration connectTimeout, long start, long connectNanos)
      throws IOException {
    SSLSession session = ssl.getSession();
    if (!"TLSv1.3".equals(session.getProtocol())) {
      return -1; // TLS 1.2: the engine's Finished came after it checked the certificate
    }
    boolean mutual = settings.ownManagers() ? h.certificateRequested : session.getLocalCertificates() != null;
    if (!mutual || maxVerdictWaitNanos == 0) {
      return -1;
    }
    long wait = Math.min(maxVerdictWaitNanos, Math.max(MIN_VERDICT_WAIT_NANOS, 2 * connectNanos + MIN_VERDICT_WAIT_NANOS));
    if (!connectTimeout.isZero()) {
      long left = connectTimeout.toNanos() - (System.nanoTime() - start);
      if (left < 1_000_000L) {
        return -1; // no time left: the first read will tell
      }
      wait = Math.min(wait, left);
    }
    ssl.setSoTimeout((int) Math.max(1, wait / 1_000_000L));
    try {
      int b = ssl.getInputStream().read();
      if (b < 0) {
        throw new EOFException(endpoint + " closed the connection right after the TLS handshake");
      }
      return b;
    } catch (SocketTimeoutException quiet) {
      return -1; // no refusal: accepted
    }
  }

  private static int millisLeft(Duration timeout, long start) {
    if (timeout.isZero()) {
      return 0;
    }
    long left = timeout.toNanos() - (System.nanoTime() - start);
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000L));
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException | RuntimeException ignored) {
      // already failing
    }
  }

  @Override
  public String authority() {
    return tcp.authority();
  }

  /** The TLS settings (for tests and diagnostics). */
  public TlsSettings settings() {
    return settings;
  }

  @Override
  public String toString() {
    return endpoint;
  }
}
