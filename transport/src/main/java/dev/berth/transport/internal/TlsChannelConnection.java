package dev.berth.transport.internal;

import dev.berth.transport.Connection;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * A TLS {@link Connection}: an {@link SSLEngine} over a {@link ChannelConnection}, so that a
 * reader waiting for the engine parks on the shared {@link Poller} like any channel reader and
 * wakes only for data, its read timeout, an interrupt or close; an idle TLS stream costs its
 * descriptor, the engine's state and two small buffers, and no CPU.
 *
 * <p>Reads and writes are independent (full duplex): the reading thread unwraps, writers wrap
 * under a lock, and a reader that must answer the engine (a key update, TLS 1.2's close_notify)
 * takes that lock too. Close never waits: it sends close_notify only when no writer is inside a
 * write and the socket takes it at once, then closes the channel, which wakes a blocked reader and
 * writer. A read that was blocked when another thread closed fails, as does any read after close:
 * a cut stream never passes for a complete one. Half-close sends close_notify and a TCP FIN; under
 * TLS 1.3 the other direction stays open. A peer that closes TCP without close_notify ends the
 * stream, as {@code SSLSocket} reports it.
 *
 * <p>An alert that refuses the client certificate on the first read or write (TLS 1.3 sends it
 * after the client's handshake completes) is translated like a refusal during the dial; so is a
 * connection the engine dropped before sending anything.
 */
final class TlsChannelConnection implements Connection, QuietReads {
  /** Size of the buffers a quiet connection reads and writes with; they grow to the engine's record sizes while busy. */
  private static final int SMALL = 2048;
  /** Read-only: nothing to wrap, nothing decrypted (an idle reader holds no decrypted-bytes buffer). */
  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();

  private final ChannelConnection raw;
  private final InputStream rawIn;
  private final OutputStream rawOut;
  private final SSLEngine engine;
  private final String endpoint;
  private final In in = new In();
  private final Out out = new Out();
  /** Held by whoever wraps and sends: writers, half-close, a reader answering the engine. */
  private final ReentrantLock sending = new ReentrantLock();
  private volatile boolean closed;
  private volatile boolean received; // application bytes arrived: early-refusal translation is over
  private volatile long readTimeoutNanos; // what setReadTimeout gave: the bound on one read of the input (0: none)
  private Function<IOException, IOException> earlyRefusal; // null: none expected; set before publication

  // the reading thread's
  private ByteBuffer netIn = ByteBuffer.allocate(SMALL); // write mode: [0, position) received, not yet unwrapped
  private ByteBuffer appIn = EMPTY; // read mode: [position, limit) unread
  private boolean inboundDone;

  // guarded by sending
  private ByteBuffer netOut; // null until written, and again once a stream idles
  private boolean outputShut;

  TlsChannelConnection(ChannelConnection raw, SSLEngine engine, String endpoint) {
    this.raw = raw;
    this.rawIn = raw.input();
    this.rawOut = raw.output();
    this.engine = engine;
    this.endpoint = endpoint;
  }

  /**
   * Runs the handshake on the calling thread (berth's key and trust managers report to its
   * {@link Handshake}), each wait bounded by {@code deadline} ({@link System#nanoTime()}; 0: none).
   */
  void handshake(long deadline) throws IOException {
    engine.beginHandshake();
    try {
      for (;;) {
        HandshakeStatus hs = engine.getHandshakeStatus();
        switch (hs) {
          case NEED_TASK:
            runTasks();
            break;
          case NEED_WRAP:
            sending.lock();
            try {
              wrap(EMPTY);
            } finally {
              sending.unlock();
            }
            break;
          case NEED_UNWRAP:
          case NEED_UNWRAP_AGAIN:
            if (fill(deadline, true) < 0) {
              throw new EOFException(endpoint + " ended the TLS session during the handshake");
            }
            break;
          default:
            return; // FINISHED, NOT_HANDSHAKING
        }
      }
    } catch (SSLException e) {
      goodbye(); // e.g. the engine's certificate is not trusted: send the alert, as SSLSocket does
      throw e;
    } finally {
      raw.setReadTimeout(Duration.ZERO); // the dial's deadline ends here
    }
  }

  /**
   * Waits up to {@code nanos} for the first bytes from the engine, leaving them buffered for the
   * first read: true when some arrived, false when none did in time.
   *
   * @throws EOFException if the engine ended the stream
   */
  boolean awaitBytes(long nanos) throws IOException {
    long deadline = System.nanoTime() + nanos;
    try {
      if (fill(deadline == 0 ? 1 : deadline, false) < 0) {
        throw new EOFException(endpoint + " closed the connection right after the TLS handshake");
      }
      return true;
    } catch (SocketTimeoutException quiet) {
      return false;
    } finally {
      raw.setReadTimeout(Duration.ZERO);
    }
  }

  /** Translates errors on the first read or write into {@code translation}'s refusal (see the class comment). */
  void expectRefusal(Function<IOException, IOException> translation) {
    this.earlyRefusal = translation;
  }

  /** The negotiated protocol, e.g. {@code TLSv1.3}. */
  String protocol() {
    return engine.getSession().getProtocol();
  }

  SSLEngine engine() {
    return engine;
  }

  /** The bytes its two receive buffers hold room for (what an idle connection keeps). For tests. */
  int receiveBufferCapacity() {
    return netIn.capacity() + appIn.capacity();
  }

  /**
   * Reads and unwraps until application bytes are buffered (1) or the engine ended its side (-1);
   * during the handshake ({@code handshaking}), until the engine wants to do something other than
   * unwrap (1). Waits end at {@code deadline} (0: each read of the channel waits up to the read
   * timeout).
   */
  private int fill(long deadline, boolean handshaking) throws IOException {
    for (;;) {
      if (handshaking) {
        HandshakeStatus hs = engine.getHandshakeStatus();
        if (hs != HandshakeStatus.NEED_UNWRAP && hs != HandshakeStatus.NEED_UNWRAP_AGAIN) {
          return 1;
        }
      } else if (appIn.hasRemaining()) {
        return 1;
      }
      if (inboundDone) {
        return -1;
      }
      if (netIn.position() > 0 || engine.getHandshakeStatus() == HandshakeStatus.NEED_UNWRAP_AGAIN) {
        SSLEngineResult r = unwrap();
        SSLEngineResult.Status status = r.getStatus();
        if (status == SSLEngineResult.Status.BUFFER_OVERFLOW) {
          appIn = grow(appIn, engine.getSession().getApplicationBufferSize(), true);
          continue;
        }
        if (status == SSLEngineResult.Status.CLOSED) {
          inboundDone = true; // the engine's close_notify
        }
        if (status != SSLEngineResult.Status.BUFFER_UNDERFLOW) {
          HandshakeStatus hs = r.getHandshakeStatus();
          if (hs == HandshakeStatus.NEED_TASK) {
            runTasks();
          } else if (hs == HandshakeStatus.NEED_WRAP && !handshaking) {
            answer(); // after the handshake: a key update, TLS 1.2's close_notify
          }
          if (r.bytesConsumed() > 0 || r.bytesProduced() > 0 || status == SSLEngineResult.Status.CLOSED
              || hs == HandshakeStatus.NEED_TASK || hs == HandshakeStatus.NEED_WRAP) {
            continue; // progress: look again before reading more
          }
        }
        if (!netIn.hasRemaining()) {
          netIn = grow(netIn, engine.getSession().getPacketBufferSize(), false);
        }
      }
      int n = raw.readNow(netIn);
      if (n == 0) { // nothing waiting: wait on the poller
        if (deadline != 0) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            throw new SocketTimeoutException("read from " + endpoint + " timed out");
          }
          raw.setReadTimeout(Duration.ofNanos(left));
        } else if (!handshaking && netIn.position() == 0) {
          // nothing buffered (appIn is all handed out) and no read timeout: an idle stream, which may
          // wait for hours; hold little while it lasts (a bounded read keeps its buffers: a bulk
          // transfer catches up with the network often, and would reallocate them each time)
          appIn = EMPTY;
          if (netIn.capacity() > SMALL) {
            netIn = ByteBuffer.allocate(SMALL);
            raw.forgetReadBuffer();
          }
        }
        n = rawIn.read(netIn.array(), netIn.arrayOffset() + netIn.position(), netIn.remaining());
        if (n > 0) {
          netIn.position(netIn.position() + n);
        }
      }
      if (n < 0) {
        if (handshaking) {
          throw new EOFException(endpoint + " closed the connection during the TLS handshake");
        }
        if (netIn.position() > 0) {
          throw new EOFException(endpoint + " closed the connection in the middle of a TLS record");
        }
        inboundDone = true; // no close_notify: the end of the stream, as SSLSocket reports it
      }
    }
  }

  private SSLEngineResult unwrap() throws SSLException {
    if (appIn == EMPTY) {
      appIn = ByteBuffer.allocate(SMALL).flip();
    }
    netIn.flip();
    appIn.compact();
    try {
      return engine.unwrap(netIn, appIn);
    } finally {
      appIn.flip();
      netIn.compact();
    }
  }

  /** A buffer of at least {@code size} bytes (at least twice the old one) holding the old one's content. */
  private static ByteBuffer grow(ByteBuffer b, int size, boolean readMode) {
    ByteBuffer bigger = ByteBuffer.allocate(Math.max(size, b.capacity() * 2));
    if (readMode) {
      bigger.put(b).flip();
    } else {
      bigger.put(b.flip());
    }
    return bigger;
  }

  private void runTasks() {
    Runnable task;
    while ((task = engine.getDelegatedTask()) != null) {
      task.run();
    }
  }

  /** Sends what the engine wants to send unasked, taking the writers' lock. */
  private void answer() throws IOException {
    lockForWriting();
    try {
      while (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
        if (wrap(EMPTY).bytesProduced() == 0) {
          break;
        }
      }
    } catch (IOException e) {
      if (!inboundDone) {
        throw e;
      }
      // the engine's goodbye could not be answered: it is gone anyway
    } finally {
      sending.unlock();
    }
  }

  /** Wraps (part of) {@code src} into one record and sends it, waiting while the socket is full; holds {@link #sending}. */
  private SSLEngineResult wrap(ByteBuffer src) throws IOException {
    for (;;) {
      if (netOut == null) {
        netOut = ByteBuffer.allocate(SMALL);
      }
      netOut.clear();
      SSLEngineResult r = engine.wrap(src, netOut);
      if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
        netOut = ByteBuffer.allocate(Math.max(engine.getSession().getPacketBufferSize(), netOut.capacity() * 2));
        continue;
      }
      if (netOut.position() > 0) {
        rawOut.write(netOut.array(), netOut.arrayOffset(), netOut.position());
      }
      if (r.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
        runTasks();
      }
      return r;
    }
  }

  /**
   * Closes the engine's output and sends its last record (close_notify, or the alert of a failed
   * handshake) if no writer is inside a write (one stuck on an engine that stopped reading holds
   * the lock) and the socket takes it at once: never waits, never fails.
   */
  private void goodbye() {
    if (!sending.tryLock()) {
      return;
    }
    try {
      if (!outputShut) {
        outputShut = true;
        engine.closeOutbound();
        ByteBuffer last = ByteBuffer.allocate(SMALL);
        engine.wrap(EMPTY, last);
        raw.writeNow(last.flip());
      }
    } catch (IOException | RuntimeException ignored) {
      // best effort: the engine may be gone
    } finally {
      sending.unlock();
    }
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
  public void setReadTimeout(Duration timeout) {
    // one read of the input waits at most this long in all (see In.read)
    readTimeoutNanos = timeout.isZero() || timeout.isNegative() ? 0
        : timeout.compareTo(Duration.ofDays(365)) > 0 ? 0 : timeout.toNanos();
    raw.setReadTimeout(timeout);
  }

  @Override
  public void shutdownOutput() throws IOException {
    lockForWriting();
    try {
      if (outputShut) {
        return;
      }
      outputShut = true;
      engine.closeOutbound();
      while (!engine.isOutboundDone()) {
        if (wrap(EMPTY).bytesProduced() == 0) {
          break;
        }
      }
      raw.shutdownOutput(); // close_notify, then FIN
    } finally {
      sending.unlock();
    }
  }

  /** Takes the writers' lock; fails once the connection is closed. */
  private void lockForWriting() throws IOException {
    try {
      sending.lockInterruptibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writing to " + endpoint);
    }
    if (closed) {
      sending.unlock();
      throw closedException(null);
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      goodbye();
    } finally {
      raw.close(); // wakes a blocked reader and writer
    }
  }

  /** Forgets the writers' large buffer once the exchange became a long-lived stream (as {@link ChannelConnection#forgetBuffers}). */
  void forgetBuffers() {
    if (sending.tryLock()) {
      try {
        netOut = null;
        raw.forgetBuffers();
      } finally {
        sending.unlock();
      }
    }
  }

  /**
   * Before the first application byte, an engine that asked for a client certificate and then
   * sends a certificate alert, or drops the connection (a reset or broken pipe, the alert lost
   * with the socket), has refused the certificate: say so.
   */
  private IOException translate(IOException e) {
    Function<IOException, IOException> refusal = earlyRefusal;
    if (refusal == null || received || closed || e instanceof InterruptedIOException) {
      return e;
    }
    if (e instanceof SSLException ? TlsFailures.isClientCertificateAlert(TlsFailures.alertOf(e))
        : e instanceof SocketException) {
      return refusal.apply(e);
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
      Objects.checkFromIndexSize(off, len, b.length);
      if (closed) {
        throw closedException(null);
      }
      if (len == 0) {
        return 0;
      }
      int r;
      // the read timeout bounds this whole read, not each read of the channel: a record that
      // trickles in piece by piece must not outlast it (SlicedInput relies on that for deadlines)
      long timeout = readTimeoutNanos;
      long deadline = timeout > 0 ? System.nanoTime() + timeout : 0;
      try {
        r = fill(deadline == 0 && timeout > 0 ? 1 : deadline, false);
      } catch (IOException e) {
        throw closed ? closedException(e) : translate(e);
      } finally {
        if (timeout > 0) {
          raw.setReadTimeout(Duration.ofNanos(timeout)); // fill narrowed it to what was left
        }
      }
      if (closed) {
        // a read blocked while another thread closed: whatever it got, a closed connection fails reads
        throw closedException(null);
      }
      if (r < 0) {
        return -1;
      }
      int n = Math.min(len, appIn.remaining());
      appIn.get(b, off, n);
      received = true;
      return n;
    }

    /** Decrypted bytes readable now (as SSLSocket's: what the socket holds is not decrypted here). */
    @Override
    public int available() throws IOException {
      if (closed) {
        throw closedException(null);
      }
      return appIn.remaining();
    }

    @Override
    public void close() throws IOException {
      TlsChannelConnection.this.close();
    }
  }

  private final class Out extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      lockForWriting();
      try {
        if (outputShut) {
          throw new SocketException("output of the TLS connection to " + endpoint + " is shut down");
        }
        ByteBuffer src = ByteBuffer.wrap(b, off, len);
        while (src.hasRemaining()) {
          if (wrap(src).getStatus() == SSLEngineResult.Status.CLOSED) {
            throw new SocketException("TLS connection to " + endpoint + " closed by the engine");
          }
        }
      } catch (IOException e) {
        throw closed ? closedException(e) : translate(e);
      } finally {
        sending.unlock();
      }
    }

    @Override
    public void close() throws IOException {
      TlsChannelConnection.this.close();
    }
  }
}
