package dev.berth.transport.internal;

import dev.berth.transport.Connection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A {@link Connection} without a socket, for the HTTP/1.1 parts' unit tests: each read returns the
 * next scripted chunk (at most what the caller asked for), {@link #STALL} makes one read wait out
 * its timeout (a {@link SocketTimeoutException}, as a socket read would), an empty script is the
 * end of the stream, and {@link #stallForever()} makes every read time out. Writes are recorded.
 */
final class ScriptedConnection implements Connection, QuietReads {
  static final byte[] STALL = new byte[0];

  private final Deque<byte[]> script = new ArrayDeque<>();
  private boolean forever;
  final ByteArrayOutputStream written = new ByteArrayOutputStream();
  final List<Duration> timeouts = new ArrayList<>();
  boolean closed;
  boolean failWrites;
  private Duration timeout = Duration.ZERO;
  private boolean quiet;

  /** Declares reads quiet and interruptible, as the built-in connections' are. */
  ScriptedConnection quiet() {
    quiet = true;
    return this;
  }

  @Override
  public boolean quietReads() {
    return quiet;
  }

  ScriptedConnection then(String s) {
    script.add(s.getBytes(StandardCharsets.ISO_8859_1));
    return this;
  }

  ScriptedConnection then(byte[] b) {
    script.add(b);
    return this;
  }

  ScriptedConnection stall() {
    script.add(STALL);
    return this;
  }

  ScriptedConnection stallForever() {
    forever = true;
    return this;
  }

  private final InputStream in = new InputStream() {
    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (closed) {
        throw new IOException("closed");
      }
      byte[] next = script.peek();
      if (next == null && forever || next == STALL) {
        if (next == STALL) {
          script.poll();
        }
        try {
          Thread.sleep(timeout.isZero() ? 10 : timeout.toMillis()); // a socket read waits its whole timeout
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new SocketTimeoutException("scripted stall");
      }
      if (next == null) {
        return -1;
      }
      script.poll();
      int n = Math.min(len, next.length);
      System.arraycopy(next, 0, b, off, n);
      if (n < next.length) {
        byte[] rest = new byte[next.length - n];
        System.arraycopy(next, n, rest, 0, rest.length);
        script.push(rest);
      }
      return n;
    }

    @Override
    public int available() {
      byte[] next = script.peek();
      return next == null || next == STALL ? 0 : next.length;
    }
  };

  private final OutputStream out = new OutputStream() {
    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (failWrites) {
        throw new IOException("broken pipe (scripted)");
      }
      written.write(b, off, len);
    }
  };

  String writtenText() {
    return written.toString(StandardCharsets.ISO_8859_1);
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
    this.timeout = timeout;
    timeouts.add(timeout);
  }

  @Override
  public void shutdownOutput() {}

  @Override
  public void close() {
    closed = true;
  }
}
