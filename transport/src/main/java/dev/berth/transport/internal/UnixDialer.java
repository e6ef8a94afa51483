package dev.berth.transport.internal;

import dev.berth.transport.Connection;
import dev.berth.transport.Dialer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Dials a Unix-domain socket with the JDK's own channels (Java 16+): no native library to load.
 * The connection is a {@link ChannelConnection}: one file descriptor, waits parked on the shared
 * {@link Poller}.
 */
public final class UnixDialer implements Dialer {
  private final Path socketFile;
  private final String endpoint;

  public UnixDialer(Path socketFile) {
    this.socketFile = socketFile;
    this.endpoint = "unix://" + socketFile;
  }

  @Override
  public Connection dial(Duration connectTimeout) throws IOException {
    UnixDomainSocketAddress address = UnixDomainSocketAddress.of(socketFile);
    SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
    boolean connected = false;
    try {
      ch.configureBlocking(false);
      connected = ch.connect(address); // the usual case: done (or refused) at once
    } catch (ConnectException e) {
      closeQuietly(ch);
      throw cannotConnect(e); // nothing listens on the socket file
    } catch (IOException | RuntimeException e) {
      closeQuietly(ch);
      if (!Files.exists(socketFile)) {
        throw cannotConnect(e);
      }
      // the listener's backlog is full (EAGAIN), or another failure: try again, waiting
    }
    if (connected) {
      try {
        return new ChannelConnection(ch, endpoint);
      } catch (IOException | RuntimeException e) {
        closeQuietly(ch);
        throw e;
      }
    }
    closeQuietly(ch);
    return dialWaiting(address, connectTimeout);
  }

  /**
   * A blocking connect, which waits while the listener's backlog is full (an engine that stopped
   * accepting); a timer closes the channel when the timeout passes.
   */
  private Connection dialWaiting(UnixDomainSocketAddress address, Duration connectTimeout) throws IOException {
    SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
    // state: 0 connecting, 1 connected (the timer must not close it), 2 timed out
    AtomicInteger state = new AtomicInteger();
    ScheduledFuture<?> timer = connectTimeout.isZero() ? null : ConnectTimer.schedule(() -> {
      if (state.compareAndSet(0, 2)) {
        closeQuietly(ch);
      }
    }, connectTimeout);
    try {
      ch.connect(address);
      if (!state.compareAndSet(0, 1)) {
        throw new AsynchronousCloseException(); // the timer closed it just after the connect
      }
      return new ChannelConnection(ch, endpoint);
    } catch (ClosedByInterruptException e) {
      InterruptedIOException i = new InterruptedIOException("interrupted while connecting to " + endpoint);
      i.initCause(e);
      throw i;
    } catch (AsynchronousCloseException e) {
      closeQuietly(ch);
      if (state.get() != 2) {
        throw e;
      }
      SocketTimeoutException t = new SocketTimeoutException(
          "connecting to " + endpoint + " timed out after " + connectTimeout.toMillis() + " ms");
      t.initCause(e);
      throw t;
    } catch (IOException | RuntimeException e) {
      closeQuietly(ch);
      throw cannotConnect(e);
    } finally {
      if (timer != null) {
        timer.cancel(false);
      }
    }
  }

  private ConnectException cannotConnect(Exception e) {
    String why = !Files.exists(socketFile) ? "the socket file does not exist"
        : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (isPermissionDenied(e)) {
      why += " (this user may not open the socket: for Docker, add the user to the docker group"
          + " (sudo usermod -aG docker $USER, then log in again) or use rootless Docker or Podman)";
    }
    ConnectException c = new ConnectException("cannot connect to " + endpoint + ": " + why);
    c.initCause(e);
    return c;
  }

  private static boolean isPermissionDenied(Exception e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return true;
    }
    String m = e.getMessage();
    return m != null && (m.contains("Permission denied") || m.contains("Access denied") || m.contains("EACCES"));
  }

  private static void closeQuietly(SocketChannel ch) {
    try {
      ch.close();
    } catch (IOException ignored) {
      // closing to give up
    }
  }

  /** One daemon thread, started on first use and ended after 30 s idle, for connect timeouts. */
  private static final class ConnectTimer {
    private static final ScheduledThreadPoolExecutor TIMER = create();

    private static ScheduledThreadPoolExecutor create() {
      ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
        Thread th = new Thread(r, "berth-unix-connect-timeout");
        th.setDaemon(true);
        return th;
      });
      t.setKeepAliveTime(30, TimeUnit.SECONDS);
      t.allowCoreThreadTimeOut(true);
      t.setRemoveOnCancelPolicy(true);
      return t;
    }

    static ScheduledFuture<?> schedule(Runnable task, Duration after) {
      return TIMER.schedule(task, Math.max(1, after.toMillis()), TimeUnit.MILLISECONDS);
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
