package dev.berth.transport.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.transport.Connection;
import dev.berth.tlstest.OpenSsl;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The TLS connection against an in-process JDK TLS server, for what a real engine cannot be made
 * to do on demand: stall, stop reading, deliver a record in pieces, refuse a certificate late.
 * (The same behaviour against dockerd is in testkit's TlsDoerContractTest and TlsEngineTest.)
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TlsConnectionTest {
  @TempDir
  static Path dir;
  static TlsSettings client; // trusts the CA, sends the client certificate
  static TlsSettings noClientCert;
  static SSLContext serverContext;

  private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void pki() throws Exception {
    OpenSsl ssl = new OpenSsl(dir);
    ssl.ca("ca", "local test CA");
    ssl.serverCert("server", "ca");
    ssl.clientCert("client", "P-256", "ca");
    client = TlsSettings.load(dir.resolve("ca.pem"), dir.resolve("client.pem"), dir.resolve("client-key.pem"),
        null, false, null);
    noClientCert = TlsSettings.load(dir.resolve("ca.pem"), null, null, null, false, null);

    PrivateKey key = PemKeys.read(dir.resolve("server-key.pem"), null);
    List<X509Certificate> chain = TlsSettings.readCertificates(dir.resolve("server.pem"), "server");
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry("server", key, new char[0], chain.toArray(new X509Certificate[0]));
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, new char[0]);
    KeyStore ts = KeyStore.getInstance("PKCS12");
    ts.load(null, null);
    ts.setCertificateEntry("ca", TlsSettings.readCertificates(dir.resolve("ca.pem"), "ca").get(0));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ts);
    serverContext = SSLContext.getInstance("TLS");
    serverContext.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
  }

  /** A one-connection-at-a-time TLS server on 127.0.0.1 running {@code handler} per connection. */
  private interface Handler {
    void handle(SSLSocket s) throws Exception;
  }

  private int server(String protocol, boolean needClientAuth, Handler handler) throws IOException {
    SSLServerSocket ss = (SSLServerSocket) serverContext.getServerSocketFactory()
        .createServerSocket(0, 5, InetAddress.getLoopbackAddress());
    ss.setEnabledProtocols(new String[] {protocol});
    ss.setNeedClientAuth(needClientAuth);
    toClose.add(ss);
    Thread t = new Thread(() -> {
      while (!ss.isClosed()) {
        try {
          SSLSocket s = (SSLSocket) ss.accept();
          toClose.add(s);
          Thread h = new Thread(() -> {
            try {
              handler.handle(s);
            } catch (Exception ignored) {
              // the client side asserts
            }
          });
          h.setDaemon(true);
          h.start();
        } catch (IOException e) {
          return;
        }
      }
    });
    t.setDaemon(true);
    t.start();
    return ss.getLocalPort();
  }

  private Connection dial(TlsSettings settings, int port) throws IOException {
    return dial(settings, port, TlsDialerDefaults.WAIT);
  }

  private Connection dial(TlsSettings settings, int port, long verdictWaitNanos) throws IOException {
    Connection c = new TlsDialer("127.0.0.1", port, settings, "tcp://127.0.0.1:" + port, verdictWaitNanos)
        .dial(Duration.ofSeconds(5));
    toClose.add(c);
    return c;
  }

  private static final class TlsDialerDefaults {
    static final long WAIT = 1_000_000_000L;
  }

  @Test
  void closeFromAnotherThreadUnblocksABlockedReader() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    int port = server("TLSv1.3", true, s -> {
      s.startHandshake();
      done.await(); // sends nothing
    });
    Connection c = dial(client, port);
    c.setReadTimeout(Duration.ZERO);
    CompletableFuture<Throwable> reader = CompletableFuture.supplyAsync(() -> {
      try {
        c.input().read(new byte[100]);
        return null;
      } catch (IOException e) {
        return e;
      }
    });
    Thread.sleep(200);
    assertFalse(reader.isDone(), "the reader should be blocked");
    long t0 = System.nanoTime();
    c.close();
    long closeMs = (System.nanoTime() - t0) / 1_000_000;
    assertNotNull(reader.get(2, TimeUnit.SECONDS), "the read fails rather than ending cleanly");
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(closeMs < 1000 && ms < 1000, "close took " + closeMs + " ms, reader freed after " + ms + " ms");
    done.countDown();
  }

  @Test
  void closeFromAnotherThreadUnblocksAWriterTheEngineStoppedReading() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    int port = server("TLSv1.3", true, s -> {
      s.startHandshake();
      done.await(); // never reads: the client's writes fill the socket buffers
    });
    Connection c = dial(client, port);
    long[] lastProgress = {System.nanoTime()};
    CompletableFuture<Throwable> writer = CompletableFuture.supplyAsync(() -> {
      byte[] chunk = new byte[16 * 1024];
      try {
        for (;;) {
          c.output().write(chunk);
          lastProgress[0] = System.nanoTime();
        }
      } catch (IOException e) {
        return e;
      }
    });
    // wait until the writer is stuck
    while (System.nanoTime() - lastProgress[0] < 500_000_000L) {
      Thread.sleep(50);
      assertFalse(writer.isDone(), "the writer should block, not fail");
    }
    long t0 = System.nanoTime();
    c.close();
    long closeMs = (System.nanoTime() - t0) / 1_000_000;
    assertNotNull(writer.get(2, TimeUnit.SECONDS));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(closeMs < 1000 && ms < 1000, "close took " + closeMs + " ms, writer freed after " + ms + " ms");
    done.countDown();
  }

  @Test
  void halfCloseDeliversEndOfStreamAndTheAnswerStillArrives() throws Exception {
    int port = server("TLSv1.3", true, s -> {
      InputStream in = s.getInputStream();
      byte[] got = in.readAllBytes(); // until the client's close_notify
      OutputStream out = s.getOutputStream();
      out.write(("got " + got.length + " bytes").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      s.close();
    });
    Connection c = dial(client, port);
    c.output().write(new byte[12345]);
    c.output().flush();
    c.shutdownOutput();
    c.shutdownOutput(); // idempotent
    c.setReadTimeout(Duration.ofSeconds(5));
    assertEquals("got 12345 bytes", new String(c.input().readAllBytes(), StandardCharsets.US_ASCII));
    assertThrows(IOException.class, () -> c.output().write(1), "no writing after the half-close");
  }

  @Test
  void readTimeoutInTheMiddleOfARecordLosesNoBytes() throws Exception {
    byte[] payload = new byte[3000];
    new Random(42).nextBytes(payload);
    AtomicBoolean trickle = new AtomicBoolean();
    int port = server("TLSv1.3", true, s -> {
      s.startHandshake();
      s.getInputStream().read(); // the client's go
      trickle.set(true);
      s.getOutputStream().write(payload); // one TLS record (< 16 KiB)
      s.getOutputStream().flush();
      s.getInputStream().read(); // until the client goes
    });
    int proxyPort = trickleProxy(port, trickle);
    Connection c = dial(client, proxyPort);
    c.output().write('g');
    c.output().flush();
    c.setReadTimeout(Duration.ofMillis(20));
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] buf = new byte[512];
    int timeouts = 0;
    while (got.size() < payload.length) {
      try {
        int n = c.input().read(buf);
        assertTrue(n > 0, "no end of stream before the payload is complete");
        got.write(buf, 0, n);
      } catch (SocketTimeoutException e) {
        timeouts++; // the connection stays usable
      }
    }
    assertTrue(timeouts > 5, "reads timed out while the record trickled in: " + timeouts);
    assertArrayEquals(payload, got.toByteArray());
  }

  @Test
  void theReadTimeoutBoundsAWholeReadNotEachPieceOfARecord() throws Exception {
    byte[] payload = new byte[3000]; // 75 pieces 30 ms apart: about 2.3 s for the record
    new Random(7).nextBytes(payload);
    AtomicBoolean trickle = new AtomicBoolean();
    int port = server("TLSv1.3", true, s -> {
      s.startHandshake();
      s.getInputStream().read();
      trickle.set(true);
      s.getOutputStream().write(payload);
      s.getOutputStream().flush();
      s.getInputStream().read();
    });
    Connection c = dial(client, trickleProxy(port, trickle));
    c.output().write('g');
    c.output().flush();
    // each piece comes well within 300 ms, the whole record does not: the first read times out
    c.setReadTimeout(Duration.ofMillis(300));
    assertThrows(SocketTimeoutException.class, () -> c.input().read(new byte[512]));
    c.setReadTimeout(Duration.ofSeconds(30));
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] buf = new byte[512];
    while (got.size() < payload.length) {
      int n = c.input().read(buf);
      assertTrue(n > 0, "no end of stream before the payload is complete");
      got.write(buf, 0, n);
    }
    assertArrayEquals(payload, got.toByteArray(), "the timed-out read lost nothing");
  }

  /** Relays to {@code port}; once {@code trickle} is set, passes the server's bytes 40 at a time, 30 ms apart. */
  private int trickleProxy(int port, AtomicBoolean trickle) throws IOException {
    ServerSocket proxy = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    toClose.add(proxy);
    Thread t = new Thread(() -> {
      try {
        Socket down = proxy.accept();
        Socket up = new Socket(InetAddress.getLoopbackAddress(), port);
        toClose.add(down);
        toClose.add(up);
        Thread c2s = new Thread(() -> pump(down, up, null));
        c2s.setDaemon(true);
        c2s.start();
        pump(up, down, trickle);
      } catch (IOException ignored) {
        // test over
      }
    });
    t.setDaemon(true);
    t.start();
    return proxy.getLocalPort();
  }

  private static void pump(Socket from, Socket to, AtomicBoolean trickle) {
    byte[] buf = new byte[8192];
    try {
      int n;
      while ((n = from.getInputStream().read(buf)) >= 0) {
        if (trickle != null && trickle.get()) {
          for (int i = 0; i < n; i += 40) {
            to.getOutputStream().write(buf, i, Math.min(40, n - i));
            to.getOutputStream().flush();
            Thread.sleep(30);
          }
        } else {
          to.getOutputStream().write(buf, 0, n);
        }
      }
    } catch (IOException | InterruptedException ignored) {
      // test over
    }
  }

  @Test
  void tls13RefusalOfAMissingClientCertificateSurfacesAtDialOrFirstIo() throws Exception {
    int port = server("TLSv1.3", true, s -> s.getInputStream().read());
    // The dial waits briefly for the verdict; on a loaded machine the server's alert can come
    // later, and then the first I/O reports it (documented): either way the caller sees it early.
    IOException e = assertThrows(IOException.class, () -> {
      Connection c = dial(noClientCert, port);
      c.setReadTimeout(Duration.ofSeconds(5));
      c.output().write("GET /_ping HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      c.output().flush();
      c.input().read();
    });
    assertTrue(e.getMessage().contains("requires a client certificate, and none is configured"), e.getMessage());
    assertTrue(e.getMessage().contains("CN=local test CA"), "names the CAs it accepts: " + e.getMessage());
  }

  @Test
  void tls13RefusalArrivingAfterTheDialIsTranslatedOnTheFirstRead() throws Exception {
    int port = server("TLSv1.3", true, s -> s.getInputStream().read());
    Connection c = dial(noClientCert, port, 0); // no wait for the verdict
    c.setReadTimeout(Duration.ofSeconds(5));
    // Depending on timing the refusal shows as the alert on the read, or (the engine has closed
    // already and the JDK drops the socket) as a broken pipe on the write: both are translated.
    IOException e = assertThrows(IOException.class, () -> {
      c.output().write("GET /_ping HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      c.output().flush();
      c.input().read();
    });
    assertTrue(e.getMessage().contains("requires a client certificate, and none is configured"), e.getMessage());
    assertNotNull(e.getCause(), "the JDK's exception is the cause");
  }

  @Test
  void tls12RefusalOfAMissingClientCertificateFailsTheHandshake() throws Exception {
    int port = server("TLSv1.2", true, s -> s.getInputStream().read());
    SSLException e = assertThrows(SSLException.class, () -> dial(noClientCert, port));
    assertTrue(e.getMessage().contains("requires a client certificate"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
  void mutualTlsWorksOnBothVersions(String protocol) throws Exception {
    int port = server(protocol, true, s -> {
      int b = s.getInputStream().read();
      s.getOutputStream().write(b + 1);
      s.getOutputStream().flush();
      s.getInputStream().read();
    });
    Connection c = dial(client, port);
    c.setReadTimeout(Duration.ofSeconds(5));
    c.output().write(41);
    c.output().flush();
    assertEquals(42, c.input().read());
  }

  @Test
  void peerThatNeverAnswersTheHandshakeTimesOut() throws Exception {
    ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    toClose.add(silent);
    List<Socket> accepted = new ArrayList<>();
    Thread t = new Thread(() -> {
      try {
        accepted.add(silent.accept());
      } catch (IOException ignored) {
        // closed
      }
    });
    t.setDaemon(true);
    t.start();
    long t0 = System.nanoTime();
    SocketTimeoutException e = assertThrows(SocketTimeoutException.class,
        () -> new TlsDialer("127.0.0.1", silent.getLocalPort(), client, "tcp://127.0.0.1:" + silent.getLocalPort())
            .dial(Duration.ofMillis(300)));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(ms >= 250 && ms < 3000, ms + " ms");
    assertTrue(e.getMessage().contains("TLS handshake with tcp://127.0.0.1:") && e.getMessage().contains("timed out"),
        e.getMessage());
    for (Socket s : accepted) {
      s.close();
    }
  }

  @Test
  void peerSpeakingPlainHttpIsNamedAsSuch() throws Exception {
    ServerSocket plain = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    toClose.add(plain);
    Thread t = new Thread(() -> {
      try (Socket s = plain.accept()) {
        s.getInputStream().read(new byte[100]);
        s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        new ByteArrayInputStream(new byte[0]).close();
      } catch (IOException ignored) {
        // closed
      }
    });
    t.setDaemon(true);
    t.start();
    SSLException e = assertThrows(SSLException.class, () -> dial(client, plain.getLocalPort()));
    assertTrue(e.getMessage().contains("did not answer in TLS"), e.getMessage());
  }

  // ---------------------------------------------------------------- waits on the shared poller

  /** Whether {@code t} is parked in the shared poller's wait (not in a socket read, not sleeping a slice). */
  private static boolean parkedOnThePoller(Thread t) {
    if (t.getState() != Thread.State.WAITING && t.getState() != Thread.State.TIMED_WAITING) {
      return false;
    }
    for (StackTraceElement e : t.getStackTrace()) {
      if (e.getClassName().equals(Poller.class.getName()) && e.getMethodName().equals("await")) {
        return true;
      }
    }
    return false;
  }

  /** Waits (outcome, not time: the test's timeout bounds it) until every thread is parked on the poller. */
  private static void awaitParked(List<Thread> threads) throws InterruptedException {
    while (!threads.stream().allMatch(TlsConnectionTest::parkedOnThePoller)) {
      for (Thread t : threads) {
        assertTrue(t.isAlive(), "the reader " + t.getName() + " ended early");
      }
      Thread.sleep(10);
    }
  }

  private static long pollerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("berth-poller") && t.isAlive()).count();
  }

  /** A reader on its own thread; the future gets what ended the read (null for a clean end of stream). */
  private static Thread reader(Connection c, CompletableFuture<Throwable> outcome) {
    Thread t = new Thread(null, () -> {
      try {
        byte[] buf = new byte[256];
        while (c.input().read(buf) >= 0) {
          // a stalled peer sends nothing
        }
        outcome.complete(null);
      } catch (IOException e) {
        outcome.complete(e);
      }
    }, "tls-reader", 256 * 1024);
    t.setDaemon(true);
    t.start();
    return t;
  }

  @Test
  void aReaderWaitingOnAStalledPeerParksOnThePollerAndItsReadTimeoutWakesIt() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    int port = server("TLSv1.3", true, s -> {
      s.startHandshake();
      done.await(); // stalls: sends nothing
    });
    Connection c = dial(client, port);
    assertTrue(c instanceof QuietReads && ((QuietReads) c).quietReads(),
        "the HTTP layer makes one read per wait, not 100 ms slices");
    c.setReadTimeout(Duration.ofSeconds(2));
    CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    Thread t = reader(c, outcome);
    awaitParked(List.of(t)); // parked, not polling the socket in slices
    Throwable e = outcome.get(20, TimeUnit.SECONDS);
    assertTrue(e instanceof SocketTimeoutException, "the deadline woke the reader: " + e);
    // the connection stays usable after a timeout
    c.setReadTimeout(Duration.ofMillis(50));
    assertThrows(SocketTimeoutException.class, () -> c.input().read());
    done.countDown();
  }

  @Test
  void anInterruptUnparksAReaderWaitingOnAStalledPeer() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    int port = server("TLSv1.3", true, s -> {
      s.startHandshake();
      done.await();
    });
    Connection c = dial(client, port);
    c.setReadTimeout(Duration.ZERO);
    CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    Thread t = reader(c, outcome);
    awaitParked(List.of(t));
    t.interrupt();
    Throwable e = outcome.get(20, TimeUnit.SECONDS);
    assertTrue(e instanceof java.io.InterruptedIOException, "the interrupt ended the read: " + e);
    done.countDown();
  }

  @Test
  void aCancelTokenEndsACallWaitingForItsHeadOverTls() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    int port = server("TLSv1.3", true, s -> {
      s.getInputStream().read(); // the request arrives; the answer never does
      done.await();
    });
    dev.berth.transport.CancelToken token = new dev.berth.transport.CancelToken();
    CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    try (dev.berth.transport.Http1Doer doer = dev.berth.transport.Http1Doer.builder(
        new TlsDialer("127.0.0.1", port, client, "tcp://127.0.0.1:" + port)).readTimeout(Duration.ZERO).build()) {
      Thread t = new Thread(() -> {
        try {
          doer.send(dev.berth.transport.Request.get("/stall").cancelToken(token).build()).close();
          outcome.complete(null);
        } catch (IOException e) {
          outcome.complete(e);
        }
      });
      t.setDaemon(true);
      t.start();
      awaitParked(List.of(t));
      token.cancel();
      Throwable e = outcome.get(20, TimeUnit.SECONDS);
      assertTrue(e instanceof dev.berth.transport.CallCancelledException, "the token ended the call: " + e);
    }
    done.countDown();
  }

  @Test
  void manyIdleTlsStreamsWaitOnOnePollerThreadAndCloseEndsEachWithAFailure() throws Exception {
    int n = 50;
    CountDownLatch done = new CountDownLatch(1);
    int port = server("TLSv1.3", true, s -> {
      s.startHandshake();
      s.getOutputStream().write('!'); // one byte, then silence: an idle stream
      s.getOutputStream().flush();
      done.await();
    });
    List<Connection> connections = new ArrayList<>();
    List<Thread> readers = new ArrayList<>();
    List<CompletableFuture<Throwable>> outcomes = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        Connection c = dial(client, port, 0);
        c.setReadTimeout(Duration.ZERO);
        assertEquals('!', c.input().read());
        connections.add(c);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        outcomes.add(outcome);
        readers.add(reader(c, outcome));
      }
      awaitParked(readers);
      assertEquals(1, pollerThreads(), "one thread watches every idle stream");
      for (Connection c : connections) {
        c.close();
      }
      for (CompletableFuture<Throwable> outcome : outcomes) {
        assertNotNull(outcome.get(20, TimeUnit.SECONDS), "a read cut by close fails, never a clean end");
      }
    } finally {
      done.countDown();
    }
  }

  @Test
  void aRecordLargerThanTheIdleBuffersArrivesWholeAndTheStreamIdlesAgain() throws Exception {
    byte[] payload = new byte[100_000];
    new Random(7).nextBytes(payload);
    CountDownLatch done = new CountDownLatch(1);
    int port = server("TLSv1.2", true, s -> {
      s.getInputStream().read(); // the client's go
      s.getOutputStream().write(payload); // 16 KiB records
      s.getOutputStream().flush();
      s.getInputStream().read(); // then idles
      done.await();
    });
    Connection c = dial(client, port);
    c.setReadTimeout(Duration.ofSeconds(5));
    c.output().write('g');
    c.output().flush();
    byte[] got = new byte[payload.length];
    int off = 0;
    while (off < got.length) {
      int k = c.input().read(got, off, Math.min(1000, got.length - off));
      assertTrue(k > 0, "no end of stream before the payload is complete");
      off += k;
    }
    assertArrayEquals(payload, got);
    c.setReadTimeout(Duration.ofMillis(50));
    assertThrows(SocketTimeoutException.class, () -> c.input().read(), "nothing more, and no stale bytes");
    int grown = ((TlsChannelConnection) c).receiveBufferCapacity();
    assertTrue(grown > 16 * 1024, "a bounded read keeps the buffers the records grew: " + grown);
    // an idle stream (no read timeout) waiting on the poller holds small buffers
    c.setReadTimeout(Duration.ZERO);
    CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    Thread idle = reader(c, outcome);
    awaitParked(List.of(idle));
    int held = ((TlsChannelConnection) c).receiveBufferCapacity();
    assertTrue(held <= 4096, "idle receive buffers: " + held + " bytes");
    c.close();
    assertNotNull(outcome.get(10, TimeUnit.SECONDS), "close fails the idle read");
    done.countDown();
  }
}
