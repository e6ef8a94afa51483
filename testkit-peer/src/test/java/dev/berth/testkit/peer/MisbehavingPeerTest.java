package dev.berth.testkit.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.berth.testkit.peer.MisbehavingPeer.RecordedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests of the fake peer itself, with plain JDK sockets as the client (no real daemon is involved:
 * the subject under test here is the fake).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MisbehavingPeerTest {

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  private static Socket connect(MisbehavingPeer peer) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", peer.port()), 5_000);
    socket.setSoTimeout(5_000);
    return socket;
  }

  /** Reads one response framed by Content-Length; returns head and body as one string. */
  private static String readResponse(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        fail("end of stream inside a response head: " + head.toString(StandardCharsets.ISO_8859_1));
      }
      head.write(b);
    }
    String h = head.toString(StandardCharsets.ISO_8859_1);
    int at = h.toLowerCase().indexOf("content-length: ");
    int length = Integer.parseInt(h.substring(at + 16, h.indexOf("\r\n", at)));
    return h + text(in.readNBytes(length));
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out waiting for " + what);
      }
      Thread.sleep(10);
    }
  }

  private static List<Thread> livePeerThreads() {
    List<Thread> live = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("misbehaving-peer") && t.isAlive()) {
        live.add(t);
      }
    }
    return live;
  }

  @Test
  void readRequestParsesAContentLengthBody() throws Exception {
    try (MisbehavingPeer peer = MisbehavingPeer.tcp(ex -> {
          ex.readRequest();
          ex.respond(201, "{}");
        });
        Socket client = connect(peer)) {
      client.getOutputStream().write(ascii("POST /v1.43/containers/create?name=web HTTP/1.1\r\n"
          + "Host: docker\r\n"
          + "Content-Type: application/json\r\n"
          + "X-Multi: a\r\n"
          + "x-multi:   b \t\r\n"
          + "Content-Length: 18\r\n"
          + "\r\n"
          + "{\"Image\":\"nginx\"}\n"));
      assertTrue(readResponse(client.getInputStream()).startsWith("HTTP/1.1 201 Created\r\n"));

      assertEquals(1, peer.requests().size());
      RecordedRequest r = peer.requests().get(0);
      assertEquals("POST", r.method());
      assertEquals("/v1.43/containers/create?name=web", r.target());
      assertEquals("{\"Image\":\"nginx\"}\n", text(r.body()));
      assertFalse(r.chunked());
      assertEquals("docker", r.header("HOST"));
      assertEquals("application/json", r.header("content-type"));
      assertEquals(List.of("a", "b"), r.headers().get("x-multi"));
      assertEquals("18", r.header("Content-Length"));
      assertNull(r.header("Transfer-Encoding"));
      assertTrue(r.headers().keySet().stream().allMatch(k -> k.equals(k.toLowerCase())));
    }
  }

  @Test
  void readRequestDecodesAChunkedBodyAndInputContinuesAfterIt() throws Exception {
    try (MisbehavingPeer peer = MisbehavingPeer.tcp(ex -> {
          ex.readRequest();
          String after = new String(ex.input().readNBytes(5), StandardCharsets.ISO_8859_1);
          ex.respond(200, "{\"after\":\"" + after + "\"}");
        });
        Socket client = connect(peer)) {
      client.getOutputStream().write(ascii("POST /build HTTP/1.1\r\n"
          + "Host: docker\r\n"
          + "Transfer-Encoding: chunked\r\n"
          + "\r\n"
          + "5;name=value\r\n"
          + "hello\r\n"
          + "7\r\n"
          + ", world\r\n"
          + "A\r\n"
          + "0123456789\r\n"
          + "0\r\n"
          + "X-Trailer: dropped\r\n"
          + "\r\n"
          + "EXTRA"));
      assertTrue(readResponse(client.getInputStream()).endsWith("{\"after\":\"EXTRA\"}"));

      RecordedRequest r = peer.requests().get(0);
      assertEquals("POST", r.method());
      assertEquals("/build", r.target());
      assertTrue(r.chunked());
      assertEquals("hello, world0123456789", text(r.body()));
      assertEquals("chunked", r.header("transfer-encoding"));
      assertNull(r.header("x-trailer"));
    }
  }

  @Test
  void respondWritesExactlyTheDocumentedBytes() throws Exception {
    try (MisbehavingPeer peer = MisbehavingPeer.tcp(ex -> {
          ex.readRequest();
          ex.respond(404, "{\"message\":\"no such container: café\"}");
          ex.readRequest();
          ex.respond(204, "");
        });
        Socket client = connect(peer)) {
      OutputStream out = client.getOutputStream();
      out.write(ascii("GET /containers/x/json HTTP/1.1\r\nHost: d\r\n\r\n"));
      out.write(ascii("DELETE /containers/x HTTP/1.1\r\nHost: d\r\n\r\n"));
      byte[] expectedBody = "{\"message\":\"no such container: café\"}".getBytes(StandardCharsets.UTF_8);
      ByteArrayOutputStream expected = new ByteArrayOutputStream();
      expected.write(ascii("HTTP/1.1 404 Not Found\r\n"
          + "Content-Type: application/json\r\n"
          + "Content-Length: " + expectedBody.length + "\r\n"
          + "\r\n"));
      expected.write(expectedBody);
      expected.write(ascii("HTTP/1.1 204 No Content\r\n"
          + "Content-Type: application/json\r\n"
          + "Content-Length: 0\r\n"
          + "\r\n"));
      assertEquals(38, expectedBody.length); // 'é' counts two bytes
      // the script returns after the second response, which closes the connection
      assertArrayEquals(expected.toByteArray(), client.getInputStream().readAllBytes());
    }
  }

  @Test
  void connectionIndexCountsAcceptedConnections() throws Exception {
    try (MisbehavingPeer peer = MisbehavingPeer.tcp(ex -> {
          ex.readRequest();
          ex.respond(200, "{\"index\":" + ex.connectionIndex() + "}");
        })) {
      for (int i = 0; i < 3; i++) {
        try (Socket client = connect(peer)) {
          client.getOutputStream().write(ascii("GET /_ping HTTP/1.1\r\nHost: d\r\n\r\n"));
          assertTrue(readResponse(client.getInputStream()).endsWith("{\"index\":" + i + "}"));
        }
      }
      assertEquals(3, peer.connectionsAccepted());
      assertEquals(3, peer.requests().size());
    }
  }

  @Test
  void requestsAreRecordedInOrderAcrossAKeptAliveConnection() throws Exception {
    try (MisbehavingPeer peer = MisbehavingPeer.tcp(ex -> {
          while (ex.readRequest() != null) {
            ex.respond(200, "{\"n\":" + ex.connectionIndex() + "}");
          }
          // null: the client closed cleanly between requests
        })) {
      try (Socket client = connect(peer)) {
        // two pipelined requests in one write
        client.getOutputStream().write(ascii("GET /_ping HTTP/1.1\r\nHost: d\r\n\r\n"
            + "POST /containers/x/start HTTP/1.1\r\nHost: d\r\nContent-Length: 2\r\n\r\nhi"));
        readResponse(client.getInputStream());
        readResponse(client.getInputStream());
        assertEquals(1, peer.openConnections());
        client.shutdownOutput();
        assertEquals(-1, client.getInputStream().read()); // the script returned: peer closed
      }
      await(() -> peer.openConnections() == 0, "the connection to be closed");

      List<RecordedRequest> requests = peer.requests();
      assertEquals(2, requests.size());
      assertEquals("/_ping", requests.get(0).target());
      assertEquals(0, requests.get(0).body().length);
      assertEquals("/containers/x/start", requests.get(1).target());
      assertEquals("hi", text(requests.get(1).body()));
      assertThrows(UnsupportedOperationException.class, () -> requests.add(requests.get(0)));
    }
  }

  @Test
  void openConnectionsFollowsTheClientClosing() throws Exception {
    try (MisbehavingPeer peer = MisbehavingPeer.tcp(ex -> {
          ex.readRequest(); // blocks until the client closes
          ex.stall(Duration.ofSeconds(30)); // keep the peer's side open; close() interrupts
        })) {
      Socket a = connect(peer);
      Socket b = connect(peer);
      await(() -> peer.openConnections() == 2, "two open connections");
      a.close();
      await(() -> peer.openConnections() == 1, "the client's close to be seen");
      b.close();
      await(() -> peer.openConnections() == 0, "the client's close to be seen");
      assertEquals(2, peer.connectionsAccepted());
    }
  }

  @Test
  void awaitClientCloseSeesEndOfStreamOrTimesOut() throws Exception {
    try (MisbehavingPeer peer = MisbehavingPeer.tcp(ex -> {
          boolean eof = ex.awaitClientClose(Duration.ofMillis(300));
          ex.respond(200, "{\"eof\":" + eof + "}");
        })) {
      try (Socket client = connect(peer)) {
        // the client keeps the connection open: timeout
        assertTrue(readResponse(client.getInputStream()).endsWith("{\"eof\":false}"));
      }
      try (Socket client = connect(peer)) {
        client.getOutputStream().write(ascii("discarded bytes"));
        client.shutdownOutput(); // FIN; the client can still read
        assertTrue(readResponse(client.getInputStream()).endsWith("{\"eof\":true}"));
      }
    }
  }

  @Test
  void shutdownOutputHalfCloses() throws Exception {
    try (MisbehavingPeer peer = MisbehavingPeer.tcp(ex -> {
          ex.shutdownOutput();
          ex.readRequest();
        });
        Socket client = connect(peer)) {
      assertEquals(-1, client.getInputStream().read());
      client.getOutputStream().write(ascii("GET /after-fin HTTP/1.1\r\nHost: d\r\n\r\n"));
      await(() -> peer.requests().size() == 1, "the request after the half-close");
      assertEquals("/after-fin", peer.requests().get(0).target());
    }
  }

  @Test
  void closeInterruptsAStall() throws Exception {
    CountDownLatch stalling = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    MisbehavingPeer peer = MisbehavingPeer.tcp(ex -> {
      stalling.countDown();
      try {
        ex.stall(Duration.ofMinutes(5));
      } catch (InterruptedException e) {
        interrupted.countDown();
        throw e;
      }
    });
    try (Socket client = connect(peer)) {
      assertTrue(stalling.await(5, TimeUnit.SECONDS));
      long start = System.nanoTime();
      peer.close(); // the InterruptedException during close() is not a failure
      assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(4), "close() took too long");
      assertEquals(0, interrupted.getCount());
      assertEquals(-1, client.getInputStream().read());
    }
  }

  @Test
  void closeJoinsItsThreadsAndIsIdempotent() throws Exception {
    MisbehavingPeer peer = MisbehavingPeer.tcp(ex -> {
      ex.readRequest(); // blocked in a read when close() comes
    });
    Socket a = connect(peer);
    Socket b = connect(peer);
    try {
      await(() -> peer.openConnections() == 2, "two open connections");
      assertFalse(livePeerThreads().isEmpty());
      peer.close();
      assertEquals(List.of(), livePeerThreads());
      assertEquals(0, peer.openConnections());
      assertEquals(-1, a.getInputStream().read());
      peer.close();
      assertThrows(IOException.class, () -> connect(peer));
    } finally {
      a.close();
      b.close();
    }
  }

  @Test
  void aScriptExceptionSurfacesFromClose() throws Exception {
    IllegalStateException boom = new IllegalStateException("boom");
    MisbehavingPeer peer = MisbehavingPeer.tcp(ex -> {
      ex.readRequest();
      throw boom;
    });
    try (Socket client = connect(peer)) {
      client.getOutputStream().write(ascii("GET / HTTP/1.1\r\nHost: d\r\n\r\n"));
      assertEquals(-1, client.getInputStream().read()); // the script ended: connection closed
    }
    AssertionError error = assertThrows(AssertionError.class, peer::close);
    assertSame(boom, error.getCause());
    assertTrue(error.getMessage().contains("connection 0"), error.getMessage());
    peer.close(); // idempotent: reported once
  }

  @Test
  void aMalformedOrOversizedRequestSurfacesFromClose() throws Exception {
    MisbehavingPeer garbage = MisbehavingPeer.tcp(ex -> ex.readRequest());
    try (Socket client = connect(garbage)) {
      client.getOutputStream().write(ascii("NOT-HTTP\r\n\r\n"));
      assertEquals(-1, client.getInputStream().read());
    }
    AssertionError error = assertThrows(AssertionError.class, garbage::close);
    assertInstanceOf(IOException.class, error.getCause());
    assertTrue(error.getCause().getMessage().contains("malformed request line"), error.getMessage());

    MisbehavingPeer oversized = MisbehavingPeer.tcp(ex -> ex.readRequest());
    try (Socket client = connect(oversized)) {
      try {
        client.getOutputStream().write(ascii(
            "GET / HTTP/1.1\r\nX-Big: " + "a".repeat(70 * 1024) + "\r\n\r\n"));
        client.getInputStream().read();
      } catch (IOException resetByPeer) {
        // the peer closes with unread input pending, so the client may see a reset
      }
    }
    error = assertThrows(AssertionError.class, oversized::close);
    assertInstanceOf(IOException.class, error.getCause());
    assertTrue(error.getCause().getMessage().contains("64 KiB"), error.getMessage());
    assertEquals(0, oversized.requests().size());
  }

  @Test
  void aClientThatWentAwayIsNotAFailure() throws Exception {
    AtomicReference<IOException> seen = new AtomicReference<>();
    MisbehavingPeer peer = MisbehavingPeer.tcp(ex -> {
      ex.readRequest();
      assertTrue(ex.awaitClientClose(Duration.ofSeconds(5)));
      byte[] chunk = new byte[8192];
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      try {
        while (System.nanoTime() < deadline) {
          ex.write(chunk);
          Thread.sleep(5);
        }
      } catch (IOException e) {
        seen.set(e);
        throw e; // broken pipe / connection reset: normal, not reported
      }
      throw new AssertionError("writing to a closed client never failed");
    });
    try (Socket client = connect(peer)) {
      client.getOutputStream().write(ascii("GET / HTTP/1.1\r\nHost: d\r\n\r\n"));
    }
    await(() -> seen.get() != null, "the peer's write to fail");
    peer.close(); // does not throw
    assertNotNull(seen.get().getMessage());
  }

  @Test
  void tcpPeerHasNoSocketFile() throws Exception {
    try (MisbehavingPeer peer = MisbehavingPeer.tcp(ex -> {})) {
      assertTrue(peer.port() > 0);
      assertThrows(IllegalStateException.class, peer::socketFile);
    }
  }

  @Test
  void unixPeerServesAndRemovesItsSocketFileOnClose(@TempDir Path dir) throws Exception {
    Path socketFile = dir.resolve("peer.sock");
    MisbehavingPeer peer = MisbehavingPeer.unix(socketFile, ex -> {
      RecordedRequest r = ex.readRequest();
      ex.respond(200, "{\"got\":\"" + r.target() + "\",\"index\":" + ex.connectionIndex() + "}");
    });
    try {
      assertEquals(socketFile, peer.socketFile());
      assertThrows(IllegalStateException.class, peer::port);
      assertTrue(Files.exists(socketFile));

      try (SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX)) {
        client.connect(UnixDomainSocketAddress.of(socketFile));
        OutputStream out = Channels.newOutputStream(client);
        out.write(ascii("POST /v4.0.0/libpod/info HTTP/1.1\r\nHost: d\r\nContent-Length: 3\r\n\r\nabc"));
        String response = new String(Channels.newInputStream(client).readAllBytes(), StandardCharsets.UTF_8);
        String body = "{\"got\":\"/v4.0.0/libpod/info\",\"index\":0}";
        assertEquals("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
            + body.length() + "\r\n\r\n" + body, response);
      }
      assertEquals(1, peer.connectionsAccepted());
      assertEquals("abc", text(peer.requests().get(0).body()));
    } finally {
      peer.close();
    }
    assertFalse(Files.exists(socketFile));
    assertEquals(List.of(), livePeerThreads());
  }
}
