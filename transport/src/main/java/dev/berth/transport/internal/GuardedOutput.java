package dev.berth.transport.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketException;
import java.util.function.BooleanSupplier;

/**
 * The output side of a connection adapter ({@link StreamConnection}, {@link PushedConnection}):
 * writes go to the underlying sink, refused once the connection is closed, and a failure caused by
 * a close from another thread is reported as the close it is. Closing it closes the connection.
 */
final class GuardedOutput extends OutputStream {
  private final OutputStream sink;
  private final BooleanSupplier closed;
  private final String description;
  private final Closeable connection;

  GuardedOutput(OutputStream sink, BooleanSupplier closed, String description, Closeable connection) {
    this.sink = sink;
    this.closed = closed;
    this.description = description;
    this.connection = connection;
  }

  @Override
  public void write(int b) throws IOException {
    checkOpen();
    try {
      sink.write(b);
    } catch (IOException e) {
      throw afterClose(e);
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    checkOpen();
    try {
      sink.write(b, off, len);
    } catch (IOException e) {
      throw afterClose(e);
    }
  }

  @Override
  public void flush() throws IOException {
    checkOpen();
    try {
      sink.flush();
    } catch (IOException e) {
      throw afterClose(e);
    }
  }

  @Override
  public void close() throws IOException {
    connection.close();
  }

  private void checkOpen() throws IOException {
    if (closed.getAsBoolean()) { // racy read is fine: the sink fails on its own once the closer ran
      throw new SocketException("connection to " + description + " closed");
    }
  }

  /** A failure seen after the connection was closed, reported as the close. */
  IOException afterClose(IOException e) {
    if (closed.getAsBoolean()) {
      SocketException s = new SocketException("connection to " + description + " closed");
      s.initCause(e);
      return s;
    }
    return e;
  }
}
