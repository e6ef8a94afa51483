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

  public SocketConnection(Socket socket, String endpoint) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
    this.endpoint = endpoint;
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
    socket.close();
  }

  @Override
  public String toString() {
    return "connection to " + endpoint;
  }
}
