package dev.berth.bench.floor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The floor's HTTP parsing against canned responses, written in small pieces to split every boundary. */
class FloorClientTest {
  @TempDir
  Path dir;
  private ServerSocketChannel server;
  private Path socket;
  private final List<byte[]> responses = new ArrayList<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private volatile int pieceSize = 3;

  @BeforeEach
  void up() throws IOException {
    socket = dir.resolve("s.sock");
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    Thread t = new Thread(this::serve, "canned");
    t.setDaemon(true);
    t.start();
  }

  @AfterEach
  void down() throws IOException {
    server.close();
    Files.deleteIfExists(socket);
  }

  private void serve() {
    try {
      while (true) {
        SocketChannel ch = server.accept();
        accepted.incrementAndGet();
        ByteBuffer in = ByteBuffer.allocate(4096);
        int served = 0;
        while (served < responses.size()) {
          // one request head per response
          while (!new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
            if (ch.read(in) < 0) {
              return;
            }
          }
          String s = new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1);
          int end = s.indexOf("\r\n\r\n") + 4;
          System.arraycopy(in.array(), end, in.array(), 0, in.position() - end);
          in.position(in.position() - end);
          byte[] r = responses.get(served++);
          for (int i = 0; i < r.length; i += pieceSize) {
            ch.write(ByteBuffer.wrap(r, i, Math.min(pieceSize, r.length - i)));
          }
        }
        ch.close();
      }
    } catch (IOException e) {
      // server closed
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  @Test
  void readsContentLengthAndChunkedBodiesOnOneKeptAliveConnection() throws IOException {
    responses.add(ascii("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n\r\nOK"));
    responses.add(ascii("HTTP/1.1 200 OK\r\nTRANSFER-ENCODING: chunked\r\n\r\n"
        + "5;ext=1\r\nhello\r\n1\r\n \r\n5\r\nworld\r\n0\r\nTrailer: x\r\n\r\n"));
    responses.add(ascii("HTTP/1.1 204 No Content\r\n\r\n"));
    try (FloorClient c = new FloorClient(socket)) {
      FloorClient.Exchange x = c.send(FloorClient.request("GET", "/_ping"));
      assertEquals(200, x.status());
      assertEquals("OK", readAll(x.body()));
      x.release();
      x = c.send(FloorClient.request("GET", "/chunked"));
      assertEquals("hello world", readAll(x.body()));
      x.release();
      assertEquals(204, c.exchange(FloorClient.request("POST", "/containers/x/start")));
    }
    assertEquals(1, accepted.get());
  }

  @Test
  void demultiplexesFramesSplitAcrossChunksAndReads() throws IOException {
    ByteArrayOutputStream frames = new ByteArrayOutputStream();
    frames.writeBytes(new byte[] {1, 0, 0, 0, 0, 0, 0, 5});
    frames.writeBytes(ascii("out-1"));
    frames.writeBytes(new byte[] {2, 0, 0, 0, 0, 0, 1, 0});
    byte[] big = new byte[256];
    java.util.Arrays.fill(big, (byte) 'e');
    frames.writeBytes(big);
    byte[] f = frames.toByteArray();
    // chunk boundaries fall inside a header and inside a payload
    StringBuilder body = new StringBuilder();
    int[] cuts = {0, 3, 11, 100, f.length};
    for (int i = 0; i + 1 < cuts.length; i++) {
      body.append(Integer.toHexString(cuts[i + 1] - cuts[i])).append("\r\n")
          .append(new String(f, cuts[i], cuts[i + 1] - cuts[i], StandardCharsets.ISO_8859_1)).append("\r\n");
    }
    body.append("0\r\n\r\n");
    responses.add(ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + body));
    pieceSize = 7;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    try (FloorClient c = new FloorClient(socket)) {
      FloorClient.Exchange x = c.send(FloorClient.request("GET", "/containers/x/logs"));
      long n = x.demux((stream, b, off, len) -> (stream == 1 ? stdout : stderr).write(b, off, len));
      x.release();
      assertEquals(5 + 256, n);
    }
    assertEquals("out-1", stdout.toString(StandardCharsets.ISO_8859_1));
    assertArrayEquals(big, stderr.toByteArray());
  }

  @Test
  void refusesATruncatedBody() throws IOException {
    responses.add(ascii("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort"));
    try (FloorClient c = new FloorClient(socket)) {
      FloorClient.Exchange x = c.send(FloorClient.request("GET", "/x"));
      assertThrows(IOException.class, () -> readAll(x.body()));
    }
  }
}
