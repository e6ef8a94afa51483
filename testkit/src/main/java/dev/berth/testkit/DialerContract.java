package dev.berth.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.transport.Connection;
import dev.berth.transport.Dialer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The byte-level behaviour every {@link Dialer}'s {@link Connection}s must show, whatever carries
 * the bytes (a socket, TLS, an SSH channel, a subprocess), checked by speaking HTTP/1.1 by hand to
 * the real test engine: read timeouts that leave the connection usable, half-close, close from
 * another thread waking a blocked reader, a writer never held up by a blocked reader. A transport
 * passes it by extending this class and returning its dialer; {@link DoerContract} checks the
 * HTTP behaviour on top (interruption included: the HTTP engine reads in short slices, so a
 * connection's reads need not react to interrupts themselves).
 */
@EngineTest
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class DialerContract {
  private static final byte[] PING = ("GET /_ping HTTP/1.1\r\nHost: docker\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  private final List<Connection> opened = new ArrayList<>();
  // own threads: the common pool may have a single thread, which a blocked reader would take
  private final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newCachedThreadPool();

  /** The dialer under test; called once per test. */
  protected abstract Dialer dialer() throws IOException;

  private Connection dial() throws IOException {
    Connection c = dialer().dial(Duration.ofSeconds(10));
    opened.add(c);
    return c;
  }

  @AfterEach
  void closeAll() throws IOException {
    for (Connection c : opened) {
      c.close();
    }
    threads.shutdownNow();
  }

  /** Reads until the bytes read so far contain {@code marker}; fails at end of stream. */
  private static String readUntil(InputStream in, String marker) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    while (!got.toString(StandardCharsets.ISO_8859_1).contains(marker)) {
      int n = in.read(buf);
      if (n < 0) {
        throw new AssertionError("end of stream before '" + marker + "'; got: " + got);
      }
      got.write(buf, 0, n);
    }
    return got.toString(StandardCharsets.ISO_8859_1);
  }

  private static void ping(Connection c) throws IOException {
    OutputStream out = c.output();
    out.write(PING);
    out.flush();
    c.setReadTimeout(Duration.ofSeconds(10));
    String answer = readUntil(c.input(), "\r\n\r\nOK");
    assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
  }

  @Test
  void connectionCarriesAnHttpExchangeBothWays() throws IOException {
    Connection c = dial();
    ping(c);
    ping(c); // kept alive: the same connection carries a second exchange
  }

  @Test
  void readTimeoutFiresAndLeavesTheConnectionUsable() throws IOException {
    Connection c = dial();
    c.setReadTimeout(Duration.ofMillis(300));
    long t0 = System.nanoTime();
    assertThrows(SocketTimeoutException.class, () -> c.input().read(new byte[16]));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(ms >= 250 && ms < 3000, "timed out after " + ms + " ms");
    ping(c);
  }

  @Test
  void readTimeoutCanChangeBetweenReads() throws IOException {
    Connection c = dial();
    c.setReadTimeout(Duration.ofMillis(100));
    assertThrows(SocketTimeoutException.class, () -> c.input().read());
    c.setReadTimeout(Duration.ofMillis(600));
    long t0 = System.nanoTime();
    assertThrows(SocketTimeoutException.class, () -> c.input().read());
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(ms >= 500, "the longer timeout applied: " + ms + " ms");
  }

  /** The engine reads end-of-stream after our half-close, answers what it got and closes. */
  @Test
  void halfCloseDeliversWhatWasWrittenAndTheEngineSeesTheEnd() throws IOException {
    Connection c = dial();
    c.output().write(("GET /_ping HTTP/1.1\r\nHost: docker\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    c.output().flush();
    c.shutdownOutput();
    c.setReadTimeout(Duration.ofSeconds(10));
    String all = new String(c.input().readAllBytes(), StandardCharsets.ISO_8859_1);
    assertTrue(all.startsWith("HTTP/1.1 200") && all.endsWith("OK"), all);
  }

  @Test
  void halfCloseAloneEndsTheEnginesSide() throws IOException {
    Connection c = dial();
    c.shutdownOutput();
    c.setReadTimeout(Duration.ofSeconds(10));
    assertEquals(-1, c.input().read(), "the engine closed its side after reading our end-of-stream");
  }

  @Test
  void closeFromAnotherThreadUnblocksABlockedRead() throws Exception {
    Connection c = dial();
    c.setReadTimeout(Duration.ZERO);
    CompletableFuture<Object> reader = CompletableFuture.supplyAsync(() -> {
      try {
        return c.input().read(new byte[64]);
      } catch (IOException e) {
        return e;
      }
    }, threads);
    Thread.sleep(300);
    assertFalse(reader.isDone(), "the reader blocks on the idle connection");
    long t0 = System.nanoTime();
    c.close();
    Object outcome = reader.get(5, TimeUnit.SECONDS);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(ms < 1000, "close woke the reader in " + ms + " ms");
    assertTrue(outcome instanceof IOException, "a read cut by close fails rather than ending cleanly: " + outcome);
    assertThrows(IOException.class, () -> c.input().read(), "no reads after close");
    assertThrows(IOException.class, () -> {
      c.output().write(PING);
      c.output().flush();
    }, "no writes after close");
    c.close(); // idempotent
  }

  /** One thread blocked reading never holds up another writing on the same connection. */
  @Test
  void aBlockedReaderDoesNotHoldUpAWriter() throws Exception {
    Connection c = dial();
    c.setReadTimeout(Duration.ZERO);
    CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
      try {
        return readUntil(c.input(), "\r\n\r\nOK");
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }, threads);
    Thread.sleep(200);
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
      try {
        c.output().write(PING);
        c.output().flush();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }, threads);
    writer.get(3, TimeUnit.SECONDS);
    assertTrue(reader.get(5, TimeUnit.SECONDS).startsWith("HTTP/1.1 200"));
  }

  @Test
  void connectionsAreIndependent() throws IOException {
    Connection a = dial();
    Connection b = dial();
    ping(b);
    a.close();
    ping(b);
  }
}
