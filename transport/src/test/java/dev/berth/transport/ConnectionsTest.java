package dev.berth.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The stream-pair adapter over sources with no timeouts of their own (a pipe here). */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ConnectionsTest {
  private final PipedOutputStream peer = new PipedOutputStream();
  private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
  private final AtomicInteger closes = new AtomicInteger();
  private final AtomicInteger halfCloses = new AtomicInteger();

  private Connection connection() throws IOException {
    PipedInputStream in = new PipedInputStream(peer, 1024);
    return Connections.ofStreams("pipe", in, sent, () -> {
      closes.incrementAndGet();
      in.close();
    }, halfCloses::incrementAndGet);
  }

  @Test
  void readTimeoutFiresAndTheConnectionStaysUsable() throws Exception {
    Connection c = connection();
    c.setReadTimeout(Duration.ofMillis(200));
    long t0 = System.nanoTime();
    assertThrows(SocketTimeoutException.class, () -> c.input().read());
    assertTrue((System.nanoTime() - t0) / 1_000_000 >= 150);
    peer.write("hi".getBytes());
    peer.flush();
    assertEquals('h', c.input().read());
    assertEquals('i', c.input().read());
    c.close();
  }

  @Test
  void dataBeforeTheEndIsDeliveredThenEndOfStream() throws Exception {
    Connection c = connection();
    peer.write("abc".getBytes());
    peer.close();
    assertEquals("abc", new String(c.input().readAllBytes()));
    assertEquals(-1, c.input().read());
    c.close();
  }

  @Test
  void closeFromAnotherThreadWakesTheReaderWithAnErrorOnce() throws Exception {
    Connection c = connection();
    CompletableFuture<Object> r = CompletableFuture.supplyAsync(() -> {
      try {
        return c.input().read();
      } catch (IOException e) {
        return e;
      }
    });
    Thread.sleep(200);
    c.close();
    c.close();
    assertTrue(r.get(2, TimeUnit.SECONDS) instanceof SocketException);
    assertEquals(1, closes.get(), "the closer runs once");
    assertThrows(SocketException.class, () -> c.output().write(1));
  }

  @Test
  void halfCloseRunsItsActionOnceAndWritesGoThrough() throws Exception {
    Connection c = connection();
    c.output().write("x".getBytes());
    c.shutdownOutput();
    c.shutdownOutput();
    assertEquals(1, halfCloses.get());
    assertEquals("x", sent.toString());
    c.close();
  }

  @Test
  void theSourcesOwnErrorReachesTheReaderAsThrown() throws Exception {
    IOException typed = new java.io.FileNotFoundException("remote command missing");
    InputStream failing = new InputStream() {
      @Override
      public int read() throws IOException {
        throw typed;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        throw typed;
      }
    };
    Connection c = Connections.ofStreams("failing", failing, sent, () -> {}, null);
    assertSame(typed, assertThrows(IOException.class, () -> c.input().read()));
    c.close();
  }

  @Test
  void aPushedConnectionBuffersWithoutBlockingTheSourceAndHonoursTimeouts() throws Exception {
    Connections.Pushed c = Connections.ofPushed("pushed", sent, closes::incrementAndGet, null, 1000);
    c.setReadTimeout(Duration.ofMillis(150));
    assertThrows(SocketTimeoutException.class, () -> c.input().read());
    c.receiver().write("abc".getBytes());
    c.receiver().write("def".getBytes());
    byte[] buf = new byte[4];
    assertEquals(4, c.input().read(buf));
    assertEquals("abcd", new String(buf));
    c.receiver().close();
    assertEquals("ef", new String(c.input().readAllBytes()));
    assertEquals(-1, c.input().read());
    c.close();
    assertEquals(1, closes.get());
  }

  @Test
  void aPushedConnectionWhoseReaderFallsTooFarBehindFailsAndClosesTheSource() throws Exception {
    Connections.Pushed c = Connections.ofPushed("pushed", sent, closes::incrementAndGet, null, 1000);
    c.receiver().write(new byte[600]);
    c.receiver().write(new byte[600]); // returns at once: the source is never held up
    IOException e = assertThrows(IOException.class, () -> c.input().read());
    assertTrue(e.getMessage().contains("behind"), e.getMessage());
    long until = System.nanoTime() + 2_000_000_000L;
    while (closes.get() == 0 && System.nanoTime() < until) {
      Thread.sleep(5);
    }
    assertEquals(1, closes.get(), "the source was closed");
    c.close();
    assertEquals(1, closes.get(), "once");
  }

  @Test
  void closingAPushedConnectionWakesItsReader() throws Exception {
    Connections.Pushed c = Connections.ofPushed("pushed", sent, closes::incrementAndGet, null, 1000);
    CompletableFuture<Object> r = CompletableFuture.supplyAsync(() -> {
      try {
        return c.input().read();
      } catch (IOException e) {
        return e;
      }
    });
    Thread.sleep(200);
    c.close();
    assertTrue(r.get(2, TimeUnit.SECONDS) instanceof SocketException);
  }
}
