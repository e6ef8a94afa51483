package dev.berth.transport.internal;

import dev.berth.transport.Connection;
import dev.berth.transport.Connections.IoAction;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A {@link Connection} over two blocking streams without timeouts (an SSH channel, a process):
 * a pump thread copies the input into a ring buffer on which reads wait with a timeout, so read
 * timeouts, interrupts and close from another thread work whatever the source does.
 */
public final class StreamConnection extends BufferedConnection {
  private static final int CAPACITY = 64 * 1024;

  private final InputStream source;
  private final Input input = new Input();

  // guarded by lock
  private final byte[] ring = new byte[CAPACITY];
  private int head; // next byte to read
  private int count;
  private boolean eof;
  private IOException failure;
  private boolean pumping;


  public StreamConnection(String description, InputStream in, OutputStream out, IoAction closer, IoAction halfCloser) {
    super(description, out, closer, halfCloser);
    this.source = in;
  }

  @Override
  public InputStream input() {
    return input;
  }

  @Override
  public void close() throws IOException {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      lock.notifyAll();
    }
    closer.run();
  }


  private void startPump() {
    // called with lock held
    if (pumping) {
      return;
    }
    pumping = true;
    Thread t = new Thread(this::pump, "berth-pump " + description);
    t.setDaemon(true);
    t.start();
  }

  private void pump() {
    byte[] chunk = new byte[16 * 1024];
    try {
      for (;;) {
        int room;
        synchronized (lock) {
          while (count == CAPACITY && !closed) {
            lock.wait();
          }
          if (closed) {
            return;
          }
          room = CAPACITY - count;
        }
        int n = source.read(chunk, 0, Math.min(chunk.length, room));
        synchronized (lock) {
          if (n < 0) {
            eof = true;
            lock.notifyAll();
            return;
          }
          int tail = (head + count) % CAPACITY;
          int first = Math.min(n, CAPACITY - tail);
          System.arraycopy(chunk, 0, ring, tail, first);
          System.arraycopy(chunk, first, ring, 0, n - first);
          count += n;
          lock.notifyAll();
        }
      }
    } catch (IOException | RuntimeException e) {
      synchronized (lock) {
        failure = e instanceof IOException ? (IOException) e : new IOException(e);
        lock.notifyAll();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    long timeout = timeoutNanos;
    long deadline = timeout == 0 ? 0 : System.nanoTime() + timeout;
    synchronized (lock) {
      startPump();
      for (;;) {
        if (closed) {
          throw new SocketException("connection to " + description + " closed");
        }
        if (count > 0) {
          int n = Math.min(len, count);
          int first = Math.min(n, CAPACITY - head);
          System.arraycopy(ring, head, b, off, first);
          System.arraycopy(ring, 0, b, off + first, n - first);
          head = (head + n) % CAPACITY;
          count -= n;
          lock.notifyAll();
          return n;
        }
        if (failure != null) {
          throw failure; // as the source threw it: its type may say why (e.g. a remote command missing)
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

  private final class Input extends InputStream {
    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = StreamConnection.this.read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      java.util.Objects.checkFromIndexSize(off, len, b.length);
      return StreamConnection.this.read(b, off, len);
    }

    @Override
    public int available() {
      synchronized (lock) {
        return count;
      }
    }

    @Override
    public void close() throws IOException {
      StreamConnection.this.close();
    }
  }
}
