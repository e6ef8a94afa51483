package dev.berth.transport.junixsocket;

import dev.berth.transport.Connection;
import dev.berth.transport.Connections;
import dev.berth.transport.Dialer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * Dials a Unix-domain socket with junixsocket instead of the JDK's channels
 * ({@link dev.berth.transport.Dialers#unix}): for platforms or socket features the JDK lacks.
 * junixsocket extracts and loads a native library on first use, which costs a fresh JVM about
 * 0.1-0.2 s; a missing library fails the dial with an {@link IOException} saying so.
 *
 * <pre>{@code
 * Doer doer = Http1Doer.builder(JunixsocketDialer.of(Path.of("/var/run/docker.sock"))).build();
 * }</pre>
 */
public final class JunixsocketDialer implements Dialer {
  private final Path socketFile;
  private final String endpoint;

  private JunixsocketDialer(Path socketFile) {
    this.socketFile = socketFile;
    this.endpoint = "unix://" + socketFile;
  }

  /** A dialer for the socket at {@code socketFile} (e.g. {@code /var/run/docker.sock}). */
  public static JunixsocketDialer of(Path socketFile) {
    return new JunixsocketDialer(Objects.requireNonNull(socketFile, "socketFile"));
  }

  /** The socket file this dialer connects to. */
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
      // JDK 24+ refuses java.net.Socket#shutdownOutput on junixsocket's sockets as "not
      // connected" (the JDK no longer sees their state); their channel does it on the fd.
      AFUNIXSocket s = socket;
      return Connections.ofSocket(socket, endpoint, () -> s.getChannel().shutdownOutput());
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
