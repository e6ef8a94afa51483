package dev.berth.transport.internal;

import dev.berth.transport.Connection;
import dev.berth.transport.Dialer;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Dials a Unix-domain socket with the JDK's own channels (Java 16+): no native library to load.
 * The channel runs non-blocking with one selector for reads and one for writes, so a blocked read
 * never holds up a writer, reads honour the read timeout, and close() wakes both.
 */
public final class UnixDialer implements Dialer {
  private final Path socketFile;
  private final String endpoint;

  public UnixDialer(Path socketFile) {
    this.socketFile = socketFile;
    this.endpoint = "unix://" + socketFile;
  }

  @Override
  public Connection dial(Duration connectTimeout) throws IOException {
    UnixDomainSocketAddress address = UnixDomainSocketAddress.of(socketFile);
    SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
    boolean connected = false;
    try {
      ch.configureBlocking(false);
      connected = ch.connect(address); // the usual case: done (or refused) at once
    } catch (ConnectException e) {
      closeQuietly(ch);
      throw cannotConnect(e); // nothing listens on the socket file
    } catch (IOException | RuntimeException e) {
      closeQuietly(ch);
      if (!Files.exists(socketFile)) {
        throw cannotConnect(e);
      }
      // the listener's backlog is full (EAGAIN), or another failure: try again, waiting
    }
    if (connected) {
      try {
        return new ChannelConnection(ch, endpoint);
      } catch (IOException | RuntimeException e) {
        closeQuietly(ch);
        throw e;
      }
    }
    closeQuietly(ch);
    return dialWaiting(address, connectTimeout);
  }

  /**
   * A blocking connect, which waits while the listener's backlog is full (an engine that stopped
   * accepting); a timer closes the channel when the timeout passes.
   */
  private Connection dialWaiting(UnixDomainSocketAddress address, Duration connectTimeout) throws IOException {
    SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
    // state: 0 connecting, 1 connected (the timer must not close it), 2 timed out
    AtomicInteger state = new AtomicInteger();
    ScheduledFuture<?> timer = connectTimeout.isZero() ? null : ConnectTimer.schedule(() -> {
      if (state.compareAndSet(0, 2)) {
        closeQuietly(ch);
      }
    }, connectTimeout);
    try {
      ch.connect(address);
      if (!state.compareAndSet(0, 1)) {
        throw new AsynchronousCloseException(); // the timer closed it just after the connect
      }
      return new ChannelConnection(ch, endpoint);
    } catch (ClosedByInterruptException e) {
      InterruptedIOException i = new InterruptedIOException("interrupted while connecting to " + endpoint);
      i.initCause(e);
      throw i;
    } catch (AsynchronousCloseException e) {
      closeQuietly(ch);
      if (state.get() != 2) {
        throw e;
      }
      SocketTimeoutException t = new SocketTimeoutException(
          "connecting to " + endpoint + " timed out after " + connectTimeout.toMillis() + " ms");
      t.initCause(e);
      throw t;
    } catch (IOException | RuntimeException e) {
      closeQuietly(ch);
      throw cannotConnect(e);
    } finally {
      if (timer != null) {
        timer.cancel(false);
      }
    }
  }

  private ConnectException cannotConnect(Exception e) {
    String why = !Files.exists(socketFile) ? "the socket file does not exist"
        : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (isPermissionDenied(e)) {
      why += " (this user may not open the socket: for Docker, add the user to the docker group"
          + " (sudo usermod -aG docker $USER, then log in again) or use rootless Docker or Podman)";
    }
    ConnectException c = new ConnectException("cannot connect to " + endpoint + ": " + why);
    c.initCause(e);
    return c;
  }

  private static boolean isPermissionDenied(Exception e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return true;
    }
    String m = e.getMessage();
    return m != null && (m.contains("Permission denied") || m.contains("Access denied") || m.contains("EACCES"));
  }

  private static void closeQuietly(SocketChannel ch) {
    try {
      ch.close();
    } catch (IOException ignored) {
      // closing to give up
    }
  }

  /** One daemon thread, started on first use and ended after 30 s idle, for connect timeouts. */
  private static final class ConnectTimer {
    private static final ScheduledThreadPoolExecutor TIMER = create();

    private static ScheduledThreadPoolExecutor create() {
      ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
        Thread th = new Thread(r, "berth-unix-connect-timeout");
        th.setDaemon(true);
        return th;
      });
      t.setKeepAliveTime(30, TimeUnit.SECONDS);
      t.allowCoreThreadTimeOut(true);
      t.setRemoveOnCancelPolicy(true);
      return t;
    }

    static ScheduledFuture<?> schedule(Runnable task, Duration after) {
      return TIMER.schedule(task, Math.max(1, after.toMillis()), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public String authority() {
    return "docker";
  }

  @Override
  public String toString() {
    return endpoint;
  }

  /** A selector action for waits: only readiness matters, the one key needs no handling. */
  private static final java.util.function.Consumer<SelectionKey> IGNORE = k -> { };

  /** Largest single read or write on the channel. */
  static final int MAX_IO = 256 * 1024;

  static final class ChannelConnection implements Connection {
    private final SocketChannel ch;
    private final Selector reads;
    private final Selector writes;
    private final String endpoint;
    private final InputStream in = new In();
    private final OutputStream out = new Out();
    private volatile long readTimeoutMillis;
    private volatile boolean closed;

    ChannelConnection(SocketChannel ch, String endpoint) throws IOException {
      this.ch = ch;
      this.endpoint = endpoint;
      ch.configureBlocking(false);
      this.reads = Selector.open();
      Selector w;
      try {
        w = Selector.open();
      } catch (IOException e) {
        reads.close();
        throw e;
      }
      this.writes = w;
      try {
        ch.register(reads, SelectionKey.OP_READ);
        ch.register(writes, SelectionKey.OP_WRITE);
      } catch (IOException e) {
        reads.close();
        writes.close();
        throw e;
      }
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
      readTimeoutMillis = timeout.isZero() ? 0 : Math.max(1, timeout.toMillis());
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
        reads.wakeup();
        writes.wakeup();
        // selectors are closed by the threads using them when they see the flag, or here if idle
        closeQuietly(reads);
        closeQuietly(writes);
      }
    }

    private static void closeQuietly(Selector s) {
      try {
        s.close();
      } catch (IOException | RuntimeException ignored) {
        // already closing
      }
    }

    private final class In extends InputStream {
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
        long timeout = readTimeoutMillis;
        long start = 0;
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
          if (Thread.currentThread().isInterrupted()) { // select() would return at once: no spinning
            throw new InterruptedIOException("interrupted while reading from " + endpoint);
          }
          long wait = timeout;
          if (timeout > 0) {
            long now = System.nanoTime();
            if (start == 0) {
              start = now;
            }
            long left = timeout - (now - start) / 1_000_000;
            if (left <= 0) {
              throw new SocketTimeoutException("read from " + endpoint + " timed out");
            }
            wait = left;
          }
          try {
            reads.select(IGNORE, wait); // (the action form keeps no selected-key set to clear)
          } catch (ClosedSelectorException e) {
            throw closedException(e);
          }
        }
      }

      private int peeked = -1; // a byte taken by available(), handed out by the next read
      private final ByteBuffer one = ByteBuffer.allocate(1);
      private byte[] lastArray; // the reader's buffer is usually the same array: wrap it once
      private ByteBuffer lastBuffer;

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
        one.clear();
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
            if (Thread.currentThread().isInterrupted()) { // select() would return at once
              throw new InterruptedIOException("interrupted while writing to " + endpoint);
            }
            try {
              writes.select(IGNORE);
            } catch (ClosedSelectorException e) {
              throw closedException(e);
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
}
