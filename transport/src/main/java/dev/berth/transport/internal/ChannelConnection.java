package dev.berth.transport.internal;

import dev.berth.transport.Connection;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@link Connection} over a non-blocking {@link SocketChannel} (Unix domain or TCP): one file
 * descriptor and nothing else. A read or write that must wait parks its thread on the shared
 * {@link Poller}, which wakes it for readiness, the read timeout, an interrupt or close; a blocked
 * read never holds up a writer (full duplex), and a waiting connection costs no CPU.
 */
final class ChannelConnection implements Connection, QuietReads {
  /** Largest single read or write on the channel. */
  static final int MAX_IO = 256 * 1024;

  private final SocketChannel ch;
  private final String endpoint;
  private final Poller.Registration registration;
  private final In in = new In();
  private final Out out = new Out();
  private volatile long readTimeoutNanos;
  private volatile boolean closed;

  ChannelConnection(SocketChannel ch, String endpoint) throws IOException {
    this.ch = ch;
    this.endpoint = endpoint;
    ch.configureBlocking(false);
    this.registration = new Poller.Registration(ch);
  }

  private SocketException closedException(Throwable cause) {
    SocketException e = new SocketException("connection to " + endpoint + " closed");
    if (cause != null) {
      e.initCause(cause);
    }
    return e;
  }

  /** The channel reports a peer's reset or close as a bare IOException; sockets say SocketException. */
  private IOException socketFailure(IOException e) {
    if (e instanceof SocketException || closed) {
      return closed ? closedException(e) : e;
    }
    SocketException s = new SocketException(e.getMessage() + " (" + endpoint + ")");
    s.initCause(e);
    return s;
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
    readTimeoutNanos = timeout.isZero() ? 0 : Math.max(1, timeout.toNanos());
  }

  @Override
  public void shutdownOutput() throws IOException {
    try {
      ch.shutdownOutput();
    } catch (ClosedChannelException e) {
      throw closedException(e);
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      ch.close();
    } finally {
      Poller.get().wakeAll(registration);
    }
  }

  @Override
  public String toString() {
    return "connection to " + endpoint;
  }

  /**
   * Forgets the wrapped caller buffers (the request writer's, the reader's previous one), so that
   * a long-lived stream does not pin them while it idles. Called by the exchange's thread before
   * anyone else may write.
   */
  void forgetBuffers() {
    in.lastArray = null;
    in.lastBuffer = null;
    out.lastArray = null;
    out.lastBuffer = null;
  }

  /** Forgets only the reader's wrapped buffer (the reading thread's call; a writer may be busy). */
  void forgetReadBuffer() {
    in.lastArray = null;
    in.lastBuffer = null;
  }

  /** Reads what the channel holds now into {@code bb}, never waiting: the bytes read, 0 when none are waiting, -1 at the end. */
  int readNow(ByteBuffer bb) throws IOException {
    return in.readNow(bb);
  }

  /**
   * Writes what the channel takes now, never waiting (for a goodbye such as TLS's close_notify,
   * sent by a closing thread that must not block); returns the bytes written.
   */
  int writeNow(ByteBuffer bb) throws IOException {
    try {
      return ch.write(bb);
    } catch (ClosedChannelException e) {
      throw closedException(e);
    } catch (IOException e) {
      throw socketFailure(e);
    }
  }

  private final class In extends InputStream {
    private int peeked = -1; // a byte taken by available(), handed out by the next read
    private byte[] lastArray; // the reader's buffer is usually the same array: wrap it once
    private ByteBuffer lastBuffer;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) {
        return 0;
      }
      if (peeked >= 0) {
        b[off] = (byte) peeked;
        peeked = -1;
        return 1;
      }
      // at most MAX_IO per call: the JDK copies a heap buffer's whole range through a temporary
      // direct buffer of that size, cached per thread
      ByteBuffer bb = slice(b, off, Math.min(len, MAX_IO));
      long timeout = readTimeoutNanos;
      long deadline = 0;
      for (;;) {
        int n;
        try {
          n = ch.read(bb);
        } catch (ClosedChannelException e) {
          throw closedException(e);
        } catch (IOException e) {
          throw socketFailure(e); // e.g. connection reset: a SocketException, as java.net's are
        }
        if (n != 0) {
          return n;
        }
        if (closed) {
          throw closedException(null);
        }
        if (timeout > 0 && deadline == 0) {
          deadline = System.nanoTime() + timeout;
          deadline = deadline == 0 ? 1 : deadline;
        }
        switch (Poller.get().await(registration, true, deadline, () -> closed)) {
          case READY:
            break;
          case TIMED_OUT:
            throw new SocketTimeoutException("read from " + endpoint + " timed out");
          case INTERRUPTED:
            throw new InterruptedIOException("interrupted while reading from " + endpoint);
          default:
            throw closedException(null);
        }
      }
    }

    int readNow(ByteBuffer bb) throws IOException {
      if (peeked >= 0) {
        bb.put((byte) peeked);
        peeked = -1;
        return 1;
      }
      try {
        return ch.read(bb);
      } catch (ClosedChannelException e) {
        throw closedException(e);
      } catch (IOException e) {
        throw socketFailure(e);
      }
    }

    private ByteBuffer slice(byte[] b, int off, int len) {
      if (b != lastArray) {
        if (b.length > MAX_IO) {
          return ByteBuffer.wrap(b, off, len); // not kept: a pooled connection must not pin it
        }
        lastArray = b;
        lastBuffer = ByteBuffer.wrap(b);
      }
      lastBuffer.limit(off + len);
      lastBuffer.position(off);
      return lastBuffer;
    }

    /** Bytes readable now without blocking: 1 when at least one is waiting, else 0. */
    @Override
    public int available() throws IOException {
      if (peeked >= 0) {
        return 1;
      }
      ByteBuffer one = ByteBuffer.allocate(1);
      int n;
      try {
        n = ch.read(one);
      } catch (ClosedChannelException e) {
        throw closedException(e);
      }
      if (n == 1) {
        peeked = one.get(0) & 0xff;
        return 1;
      }
      return 0; // nothing waiting, or end of stream (the next read reports it)
    }

    @Override
    public void close() throws IOException {
      ChannelConnection.this.close();
    }
  }

  private final class Out extends OutputStream {
    private byte[] lastArray; // the writer's buffer is usually the same array: wrap it once
    private ByteBuffer lastBuffer;

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      ByteBuffer bb;
      if (b == lastArray) {
        bb = lastBuffer;
      } else if (b.length <= MAX_IO) {
        lastArray = b;
        lastBuffer = bb = ByteBuffer.wrap(b);
      } else {
        bb = ByteBuffer.wrap(b); // not kept: a pooled connection must not pin a large body
      }
      int end = off + len;
      bb.limit(end);
      bb.position(off);
      while (bb.hasRemaining()) {
        // at most MAX_IO per call: the JDK copies a heap buffer's whole remaining range through
        // a temporary direct buffer on every write, which for a large body would be quadratic
        bb.limit(Math.min(end, bb.position() + MAX_IO));
        int n;
        try {
          n = ch.write(bb);
        } catch (ClosedChannelException e) {
          throw closedException(e);
        } catch (IOException e) {
          throw socketFailure(e); // e.g. broken pipe: a SocketException, as java.net's are
        }
        bb.limit(end);
        if (n == 0) {
          if (closed) {
            throw closedException(null);
          }
          switch (Poller.get().await(registration, false, 0, () -> closed)) {
            case READY:
              break;
            case INTERRUPTED:
              throw new InterruptedIOException("interrupted while writing to " + endpoint);
            default:
              throw closedException(null);
          }
        }
      }
    }

    @Override
    public void close() throws IOException {
      ChannelConnection.this.close();
    }
  }
}
