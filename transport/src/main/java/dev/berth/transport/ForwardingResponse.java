package dev.berth.transport;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

/**
 * A {@link Response} that hands every call to another one: the base of a decorator's response.
 * {@link #observe} gives the common case, seeing when and how the body ends, without a subclass.
 */
public class ForwardingResponse implements Response {
  private final Response delegate;

  /** Forwards to {@code delegate}. */
  protected ForwardingResponse(Response delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /**
   * Wraps {@code response} so that {@code listener} is told once, when the caller closes it (from
   * any thread), with the bytes the caller read, whether it read to the end of the body, and the
   * read failure, if any. As for {@link ForwardingRawStream#observe}, the end is the close: so a
   * span or timer covers everything the caller did with the response, and a client that reads an
   * error body can report the typed error before it closes. Adds no buffering.
   */
  public static Response observe(Response response, StreamEnd.Listener listener) {
    return new Observed(response, Objects.requireNonNull(listener, "listener"));
  }

  /** The response this one forwards to. */
  protected final Response delegate() {
    return delegate;
  }

  @Override
  public int status() {
    return delegate.status();
  }

  @Override
  public String reason() {
    return delegate.reason();
  }

  @Override
  public Headers headers() {
    return delegate.headers();
  }

  @Override
  public ResponseBody body() {
    return delegate.body();
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public String toString() {
    return delegate.toString();
  }

  /** One object is the response, its body and the body's stream: one allocation per call. */
  private static final class Observed extends InputStream implements Response, ResponseBody {
    private static final VarHandle ENDED;

    static {
      try {
        ENDED = MethodHandles.lookup().findVarHandle(Observed.class, "ended", int.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    private final Response delegate;
    private final StreamEnd.Listener listener;
    private InputStream in; // the delegate's body stream, fetched on first use
    // written by the reading thread, read by whichever thread closes
    private volatile long bytes;
    private volatile boolean eof;
    private volatile IOException failure;
    @SuppressWarnings("unused") // through ENDED
    private volatile int ended;

    Observed(Response delegate, StreamEnd.Listener listener) {
      this.delegate = delegate;
      this.listener = listener;
    }

    private void failed(IOException e) {
      if (failure == null) {
        failure = e;
      }
    }

    private InputStream in() {
      InputStream s = in;
      if (s == null) {
        s = delegate.body().stream();
        in = s;
      }
      return s;
    }

    @Override
    public int status() {
      return delegate.status();
    }

    @Override
    public String reason() {
      return delegate.reason();
    }

    @Override
    public Headers headers() {
      return delegate.headers();
    }

    @Override
    public ResponseBody body() {
      return this;
    }

    @Override
    public long contentLength() {
      return delegate.body().contentLength();
    }

    @Override
    public String contentType() {
      return delegate.body().contentType();
    }

    @Override
    public InputStream stream() {
      return this;
    }

    @Override
    public byte[] bytes(int maxBytes) throws IOException {
      if (maxBytes < 0) {
        throw new IllegalArgumentException("maxBytes must be >= 0: " + maxBytes);
      }
      try {
        return readNBytes(maxBytes);
      } finally {
        close();
      }
    }

    @Override
    public int read() throws IOException {
      int b;
      try {
        b = in().read();
      } catch (IOException e) {
        failed(e);
        throw e;
      }
      if (b < 0) {
        eof = true;
      } else {
        bytes++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n;
      try {
        n = in().read(b, off, len);
      } catch (IOException e) {
        failed(e);
        throw e;
      }
      if (n < 0) {
        eof = true;
      } else {
        bytes += n;
      }
      return n;
    }

    @Override
    public int available() throws IOException {
      return in().available();
    }

    @Override
    public void close() {
      try {
        delegate.close();
      } finally {
        if ((int) ENDED.getAndSet(this, 1) == 0) {
          listener.ended(new StreamEnd(bytes, 0, eof, failure));
        }
      }
    }

    @Override
    public String toString() {
      return delegate.toString();
    }
  }
}
