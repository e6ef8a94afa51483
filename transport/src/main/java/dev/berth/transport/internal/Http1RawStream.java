package dev.berth.transport.internal;

import dev.berth.transport.CancelToken;
import dev.berth.transport.Headers;
import dev.berth.transport.RawStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;

/** A hijacked HTTP/1.1 connection. The input continues with the parser's buffered bytes. */
final class Http1RawStream implements RawStream {
  private final HttpConnection conn;
  private final HeadParser.Head head;
  private final InputStream input;
  private final OutputStream output;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CancelToken.Registration registration; // null: no cancel token

  Http1RawStream(HttpConnection conn, HeadParser.Head head, InputStream framedInput) {
    this(conn, head, framedInput, null);
  }

  Http1RawStream(HttpConnection conn, HeadParser.Head head, InputStream framedInput,
      CancelToken.Registration registration) {
    this.registration = registration;
    this.conn = conn;
    this.head = head;
    this.input = framedInput != null ? framedInput : new RawIn();
    this.output = new RawOut();
  }

  @Override
  public int status() {
    return head.status();
  }

  @Override
  public Headers headers() {
    return head.headers();
  }

  @Override
  public InputStream input() {
    return input;
  }

  @Override
  public OutputStream output() {
    return output;
  }

  @Override
  public void closeOutput() throws IOException {
    if (closed.get()) {
      throw new IOException("raw stream closed");
    }
    conn.rawOutput().flush();
    conn.connection().shutdownOutput();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      conn.close();
      if (registration != null) {
        registration.remove();
      }
    }
  }

  @Override
  public String toString() {
    return "RawStream[" + head.status() + " from " + conn.endpoint + "]";
  }

  private final class RawIn extends InputStream {
    @Override
    public int read() throws IOException {
      check();
      int r;
      try {
        r = conn.read();
      } catch (IOException e) {
        throw translate(e);
      }
      check(); // a close from another thread wins over data
      return r;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      java.util.Objects.checkFromIndexSize(off, len, b.length);
      check();
      int n;
      try {
        n = conn.read(b, off, len);
      } catch (IOException e) {
        throw translate(e);
      }
      check(); // a close from another thread wins over data
      return n;
    }

    @Override
    public int available() {
      return closed.get() ? 0 : conn.buffered();
    }

    @Override
    public void close() {
      Http1RawStream.this.close();
    }
  }

  private void check() throws IOException {
    if (closed.get()) {
      throw new IOException("raw stream closed");
    }
  }

  private IOException translate(IOException e) {
    if (closed.get()) {
      IOException c = new IOException("raw stream closed");
      c.initCause(e);
      return c;
    }
    return e;
  }

  private final class RawOut extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      check();
      conn.rawOutput().write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      check();
      try {
        conn.rawOutput().write(b, off, len);
      } catch (IOException e) {
        throw translate(e);
      }
    }

    @Override
    public void flush() throws IOException {
      check();
      conn.rawOutput().flush();
    }

    @Override
    public void close() throws IOException {
      if (!closed.get()) {
        closeOutput();
      }
    }
  }
}
