package dev.berth.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link RawStream} that hands every call to another one: the base of a decorator's raw stream.
 * {@link #observe} gives the common case, seeing when the stream is closed and how many bytes
 * went each way, without a subclass.
 */
public class ForwardingRawStream implements RawStream {
  private final RawStream delegate;

  /** Forwards to {@code delegate}. */
  protected ForwardingRawStream(RawStream delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /**
   * Wraps {@code stream} so that {@code listener} is told once, when the stream is closed (from
   * any thread), with the bytes read and written, whether the input was read to its end, and the
   * first read or write failure. Full duplex is kept: reading and writing never share a lock.
   */
  public static RawStream observe(RawStream stream, StreamEnd.Listener listener) {
    return new Observed(stream, Objects.requireNonNull(listener, "listener"));
  }

  /** The stream this one forwards to. */
  protected final RawStream delegate() {
    return delegate;
  }

  @Override
  public int status() {
    return delegate.status();
  }

  @Override
  public Headers headers() {
    return delegate.headers();
  }

  @Override
  public InputStream input() {
    return delegate.input();
  }

  @Override
  public OutputStream output() {
    return delegate.output();
  }

  @Override
  public void closeOutput() throws IOException {
    delegate.closeOutput();
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public String toString() {
    return delegate.toString();
  }

  private static final class Observed extends ForwardingRawStream {
    private final StreamEnd.Listener listener;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final In in;
    private final Out out;
    private volatile long read;
    private volatile long written;
    private volatile boolean eof;
    private volatile IOException failure;

    Observed(RawStream delegate, StreamEnd.Listener listener) {
      super(delegate);
      this.listener = listener;
      this.in = new In(delegate.input());
      this.out = new Out(delegate.output());
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
    public void closeOutput() throws IOException {
      try {
        super.closeOutput();
      } catch (IOException e) {
        failed(e);
        throw e;
      }
    }

    private void failed(IOException e) {
      if (failure == null && !ended.get()) {
        failure = e;
      }
    }

    @Override
    public void close() {
      try {
        super.close();
      } finally {
        if (ended.compareAndSet(false, true)) {
          listener.ended(new StreamEnd(read, written, eof, failure));
        }
      }
    }

    private final class In extends InputStream {
      private final InputStream s;

      In(InputStream s) {
        this.s = s;
      }

      @Override
      public int read() throws IOException {
        int b;
        try {
          b = s.read();
        } catch (IOException e) {
          failed(e);
          throw e;
        }
        if (b < 0) {
          eof = true;
        } else {
          read++;
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
          n = s.read(b, off, len);
        } catch (IOException e) {
          failed(e);
          throw e;
        }
        if (n < 0) {
          eof = true;
        } else {
          read += n;
        }
        return n;
      }

      @Override
      public int available() throws IOException {
        return s.available();
      }

      @Override
      public void close() {
        Observed.this.close();
      }
    }

    private final class Out extends OutputStream {
      private final OutputStream s;

      Out(OutputStream s) {
        this.s = s;
      }

      @Override
      public void write(int b) throws IOException {
        try {
          s.write(b);
        } catch (IOException e) {
          failed(e);
          throw e;
        }
        written++;
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        try {
          s.write(b, off, len);
        } catch (IOException e) {
          failed(e);
          throw e;
        }
        written += len;
      }

      @Override
      public void flush() throws IOException {
        try {
          s.flush();
        } catch (IOException e) {
          failed(e);
          throw e;
        }
      }

      @Override
      public void close() throws IOException {
        s.close(); // half-close, as the delegate's output does
      }
    }
  }
}
