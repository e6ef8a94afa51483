package dev.berth.transport.internal;

import dev.berth.transport.Connection;
import dev.berth.transport.Dialer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** Dials a Unix-domain socket with junixsocket, whose sockets honour read timeouts. */
public final class UnixDialer implements Dialer {
  private final Path socketFile;
  private final String endpoint;

  public UnixDialer(Path socketFile) {
    this.socketFile = socketFile;
    this.endpoint = "unix://" + socketFile;
  }

  public Path socketFile() {
    return socketFile;
  }

  @Override
  public Connection dial(Duration connectTimeout) throws IOException {
    AFUNIXSocket socket;
    try {
      socket = AFUNIXSocket.newInstance();
    } catch (LinkageError e) {
      throw new IOException("cannot connect to " + endpoint
          + ": junixsocket's native library is not available on this platform (" + e + ")", e);
    }
    try {
      int ms = connectTimeout.isZero() ? 0 : (int) Math.max(1, Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
      socket.connect(AFUNIXSocketAddress.of(socketFile), ms);
      return new SocketConnection(socket, endpoint);
    } catch (SocketTimeoutException e) {
      close(socket);
      SocketTimeoutException t = new SocketTimeoutException(
          "connecting to " + endpoint + " timed out after " + connectTimeout.toMillis() + " ms");
      t.initCause(e);
      throw t;
    } catch (LinkageError e) {
      close(socket);
      throw new IOException("cannot connect to " + endpoint
          + ": junixsocket's native library is not available on this platform (" + e + ")", e);
    } catch (IOException | RuntimeException e) {
      close(socket);
      String why = !Files.exists(socketFile) ? "the socket file does not exist"
          : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      ConnectException c = new ConnectException("cannot connect to " + endpoint + ": " + why);
      c.initCause(e);
      throw c;
    }
  }

  private static void close(AFUNIXSocket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // already failing
    }
  }

  @Override
  public String authority() {
    return "docker";
  }

  @Override
  public String toString() {
    return endpoint;
  }
}
