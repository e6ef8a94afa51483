package dev.berth.transport.internal;

import dev.berth.transport.Connection;
import dev.berth.transport.Dialer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import javax.net.ssl.SSLSession;

/**
 * Dials TLS over TCP: connects, then completes the handshake before returning, so that an
 * untrusted or mismatched engine certificate, a refused client certificate or a peer that does
 * not speak TLS fails the dial with a message naming the cause. The connection is a
 * {@link TlsChannelConnection} (an {@code SSLEngine} over a non-blocking channel): its waits, the
 * handshake's included, park on the shared {@link Poller}; the handshake ends at the connect
 * timeout or on an interrupt.
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
    ChannelConnection raw = tcp.connectChannel(connectTimeout);
    long connected = System.nanoTime();
    Handshake h = new Handshake();
    boolean handshakeDone = false;
    boolean ok = false;
    h.begin();
    try {
      // the host the engine is made for is what the JDK sends as SNI and checks the certificate against
      TlsChannelConnection c = new TlsChannelConnection(raw, settings.newEngine(verifiedHost, port), endpoint);
      c.handshake(connectTimeout.isZero() ? 0 : deadline(start + connectTimeout.toNanos()));
      handshakeDone = true;
      awaitVerdict(c, h, connectTimeout, start, connected - start);
      boolean tls13 = "TLSv1.3".equals(c.protocol());
      boolean mutual = settings.ownManagers() ? h.certificateRequested : true;
      if (tls13 && mutual) {
        c.expectRefusal(e -> TlsFailures.of(e, h, settings, endpoint, verifiedHost, true));
      }
      ok = true;
      return c;
    } catch (SocketTimeoutException e) {
      SocketTimeoutException t = new SocketTimeoutException("TLS handshake with " + endpoint + " timed out after "
          + (System.nanoTime() - start) / 1_000_000 + " ms (does it speak TLS?)");
      t.initCause(e);
      throw t;
    } catch (InterruptedIOException e) {
      throw e; // interrupted: not the engine's doing
    } catch (IOException e) {
      throw TlsFailures.of(e, h, settings, endpoint, verifiedHost, handshakeDone);
    } finally {
      h.end();
      if (!ok) {
        closeQuietly(raw);
      }
    }
  }

  private static long deadline(long nanoTime) {
    return nanoTime == 0 ? 1 : nanoTime;
  }

  /**
   * After a TLS 1.3 handshake in which the engine asked for a client certificate, waits briefly
   * for its refusal (see the class comment). Bytes the engine sent unasked (never seen with HTTP
   * engines) stay buffered for the first read.
   */
  private void awaitVerdict(TlsChannelConnection c, Handshake h, Duration connectTimeout, long start,
      long connectNanos) throws IOException {
    SSLSession session = c.engine().getSession();
    if (!"TLSv1.3".equals(session.getProtocol())) {
      return; // TLS 1.2: the engine's Finished came after it checked the certificate
    }
    boolean mutual = settings.ownManagers() ? h.certificateRequested : session.getLocalCertificates() != null;
    if (!mutual || maxVerdictWaitNanos == 0) {
      return;
    }
    long wait = Math.min(maxVerdictWaitNanos, Math.max(MIN_VERDICT_WAIT_NANOS, 2 * connectNanos + MIN_VERDICT_WAIT_NANOS));
    if (!connectTimeout.isZero()) {
      long left = connectTimeout.toNanos() - (System.nanoTime() - start);
      if (left < 1_000_000L) {
        return; // no time left: the first read will tell
      }
      wait = Math.min(wait, left);
    }
    c.awaitBytes(wait); // no refusal in time: accepted
  }

  private static void closeQuietly(java.io.Closeable s) {
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
