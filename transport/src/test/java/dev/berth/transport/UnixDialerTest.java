package dev.berth.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default Unix dialer (the JDK's channels) where the far end misbehaves at the socket level:
 * a listener that never accepts, a peer that never reads or never writes. Why fakes: a real
 * engine always accepts, reads and answers promptly; these are the states of a wedged one.
 */
@Timeout(30) // a regression here hangs (a blocked connect or write), which must fail, not stall CI
class UnixDialerTest {
  @TempDir Path tmp;
  private ServerSocketChannel server;
  private final List<SocketChannel> open = new ArrayList<>();
  private Path socket;

  @BeforeEach
  void listen() throws IOException {
    socket = tmp.resolve("s.sock");
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket), 1);
  }

  @AfterEach
  void closeAll() throws IOException {
    for (SocketChannel c : open) {
      c.close();
    }
    server.close();
  }

  /** Connects raw clients until the listener's backlog is full (it never accepts them). */
  private void fillBacklog() throws IOException {
    for (int i = 0; i < 64; i++) {
      SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
      c.configureBlocking(false);
      try {
        c.connect(UnixDomainSocketAddress.of(socket));
        open.add(c);
      } catch (IOException full) {
        c.close();
        return;
      }
    }
    throw new IllegalStateException("the backlog never filled");
  }

  private static long millisSince(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  @Test
  void connectingToAListenerThatNeverAcceptsTimesOut() throws IOException {
    fillBacklog();
    Dialer dialer = Dialers.unix(socket);
    long t0 = System.nanoTime();
    SocketTimeoutException e = assertThrows(SocketTimeoutException.class, () -> dialer.dial(Duration.ofMillis(300)));
    long took = millisSince(t0);
    assertTrue(took >= 250 && took < 5000, "gave up after " + took + " ms");
    assertTrue(e.getMessage().contains(socket.toString()), e.getMessage());
  }

  @Test
  void aConnectWaitingOnAFullBacklogStopsWhenInterrupted() throws Exception {
    fillBacklog();
    Dialer dialer = Dialers.unix(socket);
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        dialer.dial(Duration.ofSeconds(30)).close();
        failure.complete(null);
      } catch (Throwable e) {
        failure.complete(e);
      }
    });
    t.start();
    Thread.sleep(200);
    long t0 = System.nanoTime();
    t.interrupt();
    Throwable e = failure.get(5, TimeUnit.SECONDS);
    assertInstanceOf(InterruptedIOException.class, e, "got " + e);
    assertTrue(millisSince(t0) < 2000, "stopped after " + millisSince(t0) + " ms");
  }

  @Test
  void aStaleSocketFileIsRefusedAtOnce() throws IOException {
    server.close(); // the file stays, nothing listens
    long t0 = System.nanoTime();
    ConnectException e = assertThrows(ConnectException.class, () -> Dialers.unix(socket).dial(Duration.ofSeconds(10)));
    assertTrue(millisSince(t0) < 2000, "refused after " + millisSince(t0) + " ms");
    assertTrue(e.getMessage().contains(socket.toString()), e.getMessage());
  }

  @Test
  void aWriterBlockedOnAPeerThatNeverReadsStopsWhenInterrupted() throws Exception {
    try (Connection c = Dialers.unix(socket).dial(Duration.ofSeconds(5))) {
      open.add(server.accept()); // accepted, never read
      Future<Throwable> failure = runInThread(() -> {
        OutputStream out = c.output();
        byte[] mib = new byte[1 << 20];
        for (int i = 0; i < 1024; i++) { // far more than the socket buffers hold
          out.write(mib);
        }
      });
      Thread.sleep(300); // the writer is now waiting for room
      assertInterruptStops(failure);
    }
  }

  @Test
  void aReaderWithoutTimeoutStopsWhenInterrupted() throws Exception {
    try (Connection c = Dialers.unix(socket).dial(Duration.ofSeconds(5))) {
      open.add(server.accept()); // accepted, never writes
      c.setReadTimeout(Duration.ZERO);
      Future<Throwable> failure = runInThread(() -> c.input().read(new byte[100]));
      Thread.sleep(300); // the reader is now waiting for bytes
      assertInterruptStops(failure);
    }
  }

  @Test
  void aLargeArrayIsWrittenAndReadWholeInBoundedSlices() throws Exception {
    byte[] data = new byte[9 << 20]; // larger than one channel operation takes
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 7 + (i >>> 16));
    }
    try (Connection c = Dialers.unix(socket).dial(Duration.ofSeconds(5))) {
      SocketChannel peer = server.accept();
      open.add(peer);
      Future<Throwable> writer = runInThread(() -> {
        c.output().write(data);
        c.shutdownOutput();
      });
      ByteBuffer echo = ByteBuffer.allocate(data.length);
      while (echo.hasRemaining() && peer.read(echo) >= 0) {
        // the peer takes it all
      }
      assertArrayEquals(data, echo.array());
      assertTrue(writer.get(5, TimeUnit.SECONDS) == null, "writer failed");
      // and back, into one large array
      Future<Throwable> echoer = runInThread(() -> {
        ByteBuffer back = ByteBuffer.wrap(data);
        while (back.hasRemaining()) {
          peer.write(back);
        }
        peer.shutdownOutput();
      });
      byte[] got = new byte[data.length];
      InputStream in = c.input();
      int n = 0;
      for (int r; n < got.length && (r = in.read(got, n, got.length - n)) > 0; ) {
        n += r;
      }
      assertArrayEquals(data, got);
      assertTrue(echoer.get(5, TimeUnit.SECONDS) == null, "peer failed");
    }
  }

  private Thread worker;

  /** Interrupts {@link #worker}; it must fail with InterruptedIOException within 2 s. */
  private void assertInterruptStops(Future<Throwable> failure) throws Exception {
    long t0 = System.nanoTime();
    worker.interrupt();
    Throwable e = failure.get(5, TimeUnit.SECONDS);
    assertInstanceOf(InterruptedIOException.class, e, "got " + e);
    assertTrue(millisSince(t0) < 2000, "stopped after " + millisSince(t0) + " ms");
  }

  interface Body {
    void run() throws Exception;
  }

  /** Runs {@code body} in a new thread; the future holds what it threw, or null. */
  private Future<Throwable> runInThread(Body body) {
    CompletableFuture<Throwable> f = new CompletableFuture<>();
    worker = new Thread(() -> {
      try {
        body.run();
        f.complete(null);
      } catch (Throwable e) {
        f.complete(e);
      }
    });
    worker.start();
    return f;
  }
}
