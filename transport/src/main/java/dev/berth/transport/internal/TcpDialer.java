package dev.berth.transport.internal;

import dev.berth.transport.Connection;
import dev.berth.transport.Dialer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

/** Dials plain TCP. */
public final class TcpDialer implements Dialer {
  private final String host;
  private final int port;
  private final String endpoint;

  public TcpDialer(String host, int port) {
    this.host = host;
    this.port = port;
    this.endpoint = "tcp://" + authorityOf(host, port);
  }

  static String authorityOf(String host, int port) {
    return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
  }

  private Socket connect(Socket socket, Duration connectTimeout) throws IOException {
    try {
      socket.setTcpNoDelay(true);
      InetSocketAddress address = new InetSocketAddress(host, port);
      if (address.isUnresolved()) {
        throw new UnknownHostException("unknown host " + host);
      }
      int ms = connectTimeout.isZero() ? 0 : (int) Math.max(1, Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
      socket.connect(address, ms);
      return socket;
    } catch (SocketTimeoutException e) {
      socket.close();
      SocketTimeoutException t = new SocketTimeoutException(
          "connecting to " + endpoint + " timed out after " + connectTimeout.toMillis() + " ms");
      t.initCause(e);
      throw t;
    } catch (java.nio.channels.ClosedByInterruptException e) {
      socket.close();
      java.io.InterruptedIOException i = new java.io.InterruptedIOException("interrupted while connecting to " + endpoint);
      i.initCause(e);
      throw i;
    } catch (IOException | RuntimeException e) {
      socket.close();
      ConnectException c = new ConnectException("cannot connect to " + endpoint + ": "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      c.initCause(e);
      throw c;
    }
  }

  @Override
  public Connection dial(Duration connectTimeout) throws IOException {
    return connectChannel(connectTimeout);
  }

  /** Opens a connected TCP channel connection; shared with the TLS dialer, which layers TLS on top. */
  ChannelConnection connectChannel(Duration connectTimeout) throws IOException {
    // a channel, not a java.net.Socket: one descriptor, waits parked on the shared poller (no
    // polling), and a blocked read ends on an interrupt
    java.nio.channels.SocketChannel ch = java.nio.channels.SocketChannel.open();
    connect(ch.socket(), connectTimeout);
    try {
      return new ChannelConnection(ch, endpoint);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  @Override
  public String authority() {
    return authorityOf(host, port);
  }

  @Override
  public String toString() {
    return endpoint;
  }
}
