package dev.berth.transport.internal;

import dev.berth.transport.Connection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;

/**
 * A {@link Connection} over a blocking {@link Socket} (plain TCP; junixsocket's Unix sockets in
 * their own module). Socket streams are independent, so reads and writes never share a lock.
 */
public class SocketConnection implements Connection {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final String endpoint;
  private int soTimeoutMillis = -1; // only touched by the reading thread

  private volatile boolean closed;

  public SocketConnection(Socket socket, String endpoint) throws IOException {
    this.socket = socket;
    this.in = new ClosedAware(socket.getInputStream());
    this.out = socket.getOutputStream();
    this.endpoint = endpoint;
  }

  /**
   * Some sockets (junixsocket's) report a clean end of stream to a read cut by close(): after
   * close, every read fails instead, so a cancelled stream is never mistaken for a complete one.
   */
  private final class ClosedAware extends java.io.FilterInputStream {
    ClosedAware(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n;
      try {
        n = in.read(b, off, len);
      } catch (IOException e) {
        throw closed ? closedException(e) : e;
      }
      if (n < 0 && closed) {
        throw closedException(null);
      }
      return n;
    }

    private java.net.SocketException closedException(IOException cause) {
      java.net.SocketException s = new java.net.SocketException("connection to " + endpoint + " closed");
      if (cause != null) {
        s.initCause(cause);
      }
      return s;
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
  public void setReadTimeout(Duration timeout) throws IOException {
    int ms = timeout.isZero() ? 0 : (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    if (ms != soTimeoutMillis) {
      socket.setSoTimeout(ms);
      soTimeoutMillis = ms;
    }
  }

  @Override
  public void shutdownOutput() throws IOException {
    if (!socket.isOutputShutdown()) {
      socket.shutdownOutput();
    }
  }

  /** The socket this connection runs on. */
  protected final Socket socket() {
    return socket;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    socket.close();
  }

  @Override
  public String toString() {
    return "connection to " + endpoint;
  }
}
