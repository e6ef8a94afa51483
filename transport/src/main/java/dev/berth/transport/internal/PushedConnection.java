package dev.berth.transport.internal;

import dev.berth.transport.Connections;
import dev.berth.transport.Connections.IoAction;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * A connection whose incoming bytes a callback-driven source pushes into {@link #receiver()}: no
 * thread of ours, and the source's thread never blocks (it may serve other connections too, as
 * an SSH session's does). A reader more than {@code maxBuffered} bytes behind makes the connection
 * fail and close rather than hold the source up.
 */
public final class PushedConnection extends BufferedConnection implements Connections.Pushed {
  private final long maxBuffered;
  private final Input input = new Input();
  private final Receiver receiver = new Receiver();

  private final ArrayDeque<byte[]> chunks = new ArrayDeque<>(); // guarded by lock
  private int headOffset; // in chunks.peekFirst()
  private long buffered;
  private boolean eof;
  private IOException failure;
  private boolean closerRan;

  public PushedConnection(String description, OutputStream out, IoAction closer, IoAction halfCloser, long maxBuffered) {
    super(description, out, closer, halfCloser);
    this.maxBuffered = maxBuffered;
  }

  @Override
  public OutputStream receiver() {
    return receiver;
  }

  @Override
  public void receiveFailed(IOException e) {
    Objects.requireNonNull(e, "e");
    synchronized (lock) {
      if (failure == null && !eof) {
        failure = e;
      }
      lock.notifyAll();
    }
  }

  @Override
  public InputStream input() {
    return input;
  }

  @Override
  public void close() throws IOException {
    synchronized (lock) {
      closed = true;
      chunks.clear();
      buffered = 0;
      lock.notifyAll();
      if (closerRan) {
        return;
      }
      closerRan = true;
    }
    closer.run();
  }


  private int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    long timeout = timeoutNanos;
    long deadline = timeout == 0 ? 0 : System.nanoTime() + timeout;
    synchronized (lock) {
      for (;;) {
        if (closed) {
          throw new SocketException("connection to " + description + " closed");
        }
        if (buffered > 0) {
          int n = 0;
          while (n < len && !chunks.isEmpty()) {
            byte[] c = chunks.peekFirst();
            int k = Math.min(len - n, c.length - headOffset);
            System.arraycopy(c, headOffset, b, off + n, k);
            n += k;
            headOffset += k;
            if (headOffset == c.length) {
              chunks.removeFirst();
              headOffset = 0;
            }
          }
          buffered -= n;
          return n;
        }
        if (failure != null) {
          throw failure;
        }
        if (eof) {
          return -1;
        }
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedIOException("interrupted while reading from " + description);
        }
        try {
          if (deadline == 0) {
            lock.wait();
          } else {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
              throw new SocketTimeoutException("read from " + description + " timed out after "
                  + timeout / 1_000_000 + " ms");
            }
            lock.wait(left / 1_000_000, (int) (left % 1_000_000));
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while reading from " + description);
        }
      }
    }
  }

  /** Called by the source's thread: copies and returns at once. */
  private final class Receiver extends OutputStream {
    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) {
        return;
      }
      boolean overflow = false;
      synchronized (lock) {
        if (closed || eof || failure != null) {
          return; // nobody will read it
        }
        if (buffered + len > maxBuffered) {
          failure = new IOException("the reader of " + description + " fell more than " + maxBuffered
              + " bytes behind; the connection was closed so that the source keeps serving others");
          chunks.clear();
          buffered = 0;
          overflow = true;
        } else {
          byte[] copy = new byte[len];
          System.arraycopy(b, off, copy, 0, len);
          chunks.addLast(copy);
          buffered += len;
        }
        lock.notifyAll();
      }
      if (overflow) {
        // not on the source's thread: closing may need it
        Thread t = new Thread(() -> {
          try {
            closeSource();
          } catch (IOException ignored) {
            // failing already
          }
        }, "berth-close " + description);
        t.setDaemon(true);
        t.start();
      }
    }

    @Override
    public void close() {
      synchronized (lock) {
        eof = true;
        lock.notifyAll();
      }
    }
  }

  private void closeSource() throws IOException {
    synchronized (lock) {
      if (closerRan) {
        return;
      }
      closerRan = true;
    }
    closer.run();
  }

  private final class Input extends InputStream {
    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = PushedConnection.this.read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      return PushedConnection.this.read(b, off, len);
    }

    @Override
    public int available() {
      synchronized (lock) {
        return (int) Math.min(Integer.MAX_VALUE, buffered);
      }
    }

    @Override
    public void close() throws IOException {
      PushedConnection.this.close();
    }
  }
}
