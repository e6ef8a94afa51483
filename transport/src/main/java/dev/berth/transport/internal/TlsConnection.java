package dev.berth.transport.internal;

import dev.berth.transport.Connection;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/**
 * A {@link Connection} over an {@link SSLSocket} layered on a TCP socket.
 *
 * <p>Why not a plain {@link SocketConnection}: the JDK's {@code SSLSocket.close()} sends
 * close_notify under the lock a blocked writer holds, so a close from another thread would wait
 * for a writer stuck on an engine that stopped reading. Writers are therefore counted, and when
 * one is inside a write the TCP socket is closed first, which fails the write and frees the lock.
 * Before closing, the read timeout is cleared so that the JDK does not wait for the engine's own
 * close_notify. A read that was blocked when another thread closed fails, as does any read after
 * close: the JDK may instead report a clean end of stream, or hand the blocked reader bytes it
 * had buffered, and a cut stream must never pass for a complete one. Half-close sends close_notify and a TCP FIN ({@code SSLSocket.shutdownOutput}):
 * under TLS 1.3 the other direction stays open.
 *
 * <p>An alert that refuses the client certificate on the first read or write (TLS 1.3 sends it
 * after the client's handshake completes) is translated like a refusal during the dial; so is a
 * connection the engine dropped before sending anything.
 */
final class TlsConnection implements Connection {
  private final SSLSocket ssl;
  private final Socket raw;
  private final String endpoint;
  private final InputStream sslIn;
  private final OutputStream sslOut;
  private final In in = new In();
  private final Out out = new Out();
  private final AtomicInteger writers = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean closing;
  private volatile boolean received; // application bytes arrived: early-refusal translation is over
  private final Function<IOException, IOException> earlyRefusal; // null: none expected
  private int pending; // a byte read while waiting for the engine's verdict, or -1
  private int soTimeoutMillis = -1; // only touched by the reading thread

  TlsConnection(SSLSocket ssl, Socket raw, String endpoint, int pending,
      Function<IOException, IOException> earlyRefusal) throws IOException {
    this.ssl = ssl;
    this.raw = raw;
    this.endpoint = endpoint;
    this.sslIn = ssl.getInputStream();
    this.sslOut = ssl.getOutputStream();
    this.pending = pending;
    this.received = pending >= 0;
    this.earlyRefusal = earlyRefusal;
  }

  @Override
  public InputStream input() {
    return in;
  }

  @Override
  public OutputStream output() {
    return out;
  }

  @Override
  public void setReadTimeout(Duration timeout) throws IOException {
    int ms = timeout.isZero() ? 0 : (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    if (ms != soTimeoutMillis) {
      ssl.setSoTimeout(ms);
      soTimeoutMillis = ms;
    }
  }

  @Override
  public void shutdownOutput() throws IOException {
    writers.incrementAndGet();
    try {
      if (closing) {
        throw new SocketException("connection closed");
      }
      if (!ssl.isOutputShutdown()) {
        ssl.shutdownOutput(); // close_notify, then FIN
      }
    } finally {
      writers.decrementAndGet();
    }
  }

  @Override
  public void close() throws IOException {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    closing = true; // set before counting writers; writers count themselves before checking it
    try {
      if (writers.get() > 0) {
        raw.close();
      }
      try {
        ssl.setSoTimeout(0); // else the JDK's close waits up to the timeout for the engine's close_notify
      } catch (IOException | RuntimeException ignored) {
        // closed already
      }
      ssl.close();
    } finally {
      raw.close();
    }
  }

  /**
   * Before the first application byte, an engine that asked for a client certificate and then
   * sends a certificate alert, or drops the connection (the JDK then reports a reset or broken
   * pipe, and the alert is lost with the socket), has refused the certificate: say so.
   */
  private IOException translate(IOException e) {
    if (earlyRefusal == null || received || closing || e instanceof InterruptedIOException) {
      return e;
    }
    if (e instanceof SSLException ? TlsFailures.isClientCertificateAlert(TlsFailures.alertOf(e))
        : e instanceof SocketException) {
      return earlyRefusal.apply(e);
    }
    return e;
  }

  @Override
  public String toString() {
    return "TLS connection to " + endpoint;
  }

  private SocketException closedException(IOException cause) {
    SocketException e = new SocketException("TLS connection to " + endpoint + " closed");
    if (cause != null) {
      e.initCause(cause);
    }
    return e;
  }

  private final class In extends InputStream {
    @Override
    public int read() throws IOException {
      byte[] b = new byte[1];
      int n = read(b, 0, 1);
      return n < 0 ? -1 : b[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (closing) {
        throw closedException(null);
      }
      if (len == 0) {
        return 0;
      }
      if (pending >= 0) {
        b[off] = (byte) pending;
        pending = -1;
        return 1;
      }
      int n;
      try {
        n = sslIn.read(b, off, len);
      } catch (IOException e) {
        throw closing ? closedException(e) : translate(e);
      }
      if (closing) {
        // a read blocked while another thread closed: the JDK may report a clean end, or return
        // bytes it had buffered, but a closed connection must fail reads, as a plain socket does
        throw closedException(null);
      }
      if (n > 0) {
        received = true;
      }
      return n;
    }

    @Override
    public int available() throws IOException {
      if (closing) {
        throw closedException(null);
      }
      return (pending >= 0 ? 1 : 0) + sslIn.available();
    }

    @Override
    public void close() throws IOException {
      TlsConnection.this.close();
    }
  }

  private final class Out extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      writers.incrementAndGet();
      try {
        if (closing) {
          throw new SocketException("connection closed");
        }
        sslOut.write(b, off, len);
      } catch (IOException e) {
        throw translate(e);
      } finally {
        writers.decrementAndGet();
      }
    }

    @Override
    public void flush() throws IOException {
      writers.incrementAndGet();
      try {
        if (closing) {
          throw new SocketException("connection closed");
        }
        sslOut.flush();
      } catch (IOException e) {
        throw translate(e);
      } finally {
        writers.decrementAndGet();
      }
    }

    @Override
    public void close() throws IOException {
      TlsConnection.this.close();
    }
  }
}
