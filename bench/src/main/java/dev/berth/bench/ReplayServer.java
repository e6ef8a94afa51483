package dev.berth.bench;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny in-process HTTP/1.1 server on a Unix socket that answers every request for a path
 * containing {@code /logs} with a captured engine response (same head, same chunked body), and
 * {@code /_ping} like Docker 20.10 does. The body goes from the page cache to the socket with
 * {@link FileChannel#transferTo} (sendfile), so the server's own CPU share stays small and the
 * benchmark measures the client. Keep-alive; one thread per connection.
 */
public final class ReplayServer implements Closeable {
  private static final byte[] PING = ("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\n"
      + "Cache-Control: no-cache, no-store, must-revalidate\r\nDocker-Experimental: false\r\nOstype: linux\r\n"
      + "Pragma: no-cache\r\nServer: Docker/20.10.24+dfsg1 (linux)\r\nDate: Thu, 26 Nov 2026 22:47:25 GMT\r\n"
      + "Content-Length: 2\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nOK").getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] NOT_FOUND = ("HTTP/1.1 404 Not Found\r\nApi-Version: 1.41\r\n"
      + "Content-Type: application/json\r\nContent-Length: 29\r\n\r\n{\"message\":\"page not found\"}\n")
      .getBytes(StandardCharsets.ISO_8859_1);

  private final Path socket;
  private final FileChannel capture;
  private final ServerSocketChannel server;
  private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  /** Serves {@code capture} on a new socket file {@code socket}. */
  public ReplayServer(Path socket, Path capture) {
    try {
      this.socket = socket;
      Files.deleteIfExists(socket);
      this.capture = FileChannel.open(capture);
      this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      server.bind(UnixDomainSocketAddress.of(socket));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread t = new Thread(this::accept, "replay-accept");
    t.setDaemon(true);
    t.start();
  }

  public Path socket() {
    return socket;
  }

  private void accept() {
    while (!closed) {
      try {
        SocketChannel ch = server.accept();
        open.add(ch);
        Thread t = new Thread(() -> serve(ch), "replay-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        if (!closed) {
          System.err.println("replay server: " + e);
        }
        return;
      }
    }
  }

  private void serve(SocketChannel ch) {
    ByteBuffer in = ByteBuffer.allocate(16 * 1024);
    try (ch) {
      for (;;) {
        int end;
        while ((end = headEnd(in)) < 0) {
          if (!in.hasRemaining() || ch.read(in) < 0) {
            return;
          }
        }
        String head = new String(in.array(), 0, end, StandardCharsets.ISO_8859_1);
        // requests here carry no body; keep what follows the head (pipelining is not expected)
        int rest = in.position() - end;
        System.arraycopy(in.array(), end, in.array(), 0, rest);
        in.position(rest);
        String target = head.substring(head.indexOf(' ') + 1, head.indexOf(' ', head.indexOf(' ') + 1));
        if (target.contains("/logs")) {
          long size = capture.size();
          long p = 0;
          while (p < size) {
            p += capture.transferTo(p, size - p, ch);
          }
        } else {
          ByteBuffer out = ByteBuffer.wrap(target.contains("/_ping") ? PING : NOT_FOUND);
          while (out.hasRemaining()) {
            ch.write(out);
          }
        }
      }
    } catch (IOException e) {
      // the client went away
    } finally {
      open.remove(ch);
    }
  }

  private static int headEnd(ByteBuffer b) {
    byte[] a = b.array();
    for (int i = 0; i + 3 < b.position(); i++) {
      if (a[i] == '\r' && a[i + 1] == '\n' && a[i + 2] == '\r' && a[i + 3] == '\n') {
        return i + 4;
      }
    }
    return -1;
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
      for (SocketChannel ch : open) {
        ch.close();
      }
      capture.close();
      Files.deleteIfExists(socket);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
