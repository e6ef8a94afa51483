package dev.berth.bench.floor;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The floor: the least a Java program does to talk HTTP/1.1 to a container engine over a Unix
 * socket. A JDK {@link SocketChannel} per connection, a keep-alive pool, request bytes built once by
 * the caller, a response head parsed in place (status, Content-Length, chunked, Connection: close)
 * and a body read through the connection's one buffer, as a stream (for Jackson) or as slices
 * (for frame demultiplexing without a copy).
 *
 * <p>What it leaves out on purpose, because berth must do it and the floor is a yardstick: timeouts,
 * cancellation, interrupts, API-version negotiation, typed errors, header validation. What it
 * keeps, because any correct client needs it: keep-alive reuse, one retry when a pooled connection
 * turns out dead before any answer, both body framings, heads split across reads.
 *
 * <p>Thread-safe: each exchange owns its connection until {@link Exchange#release()}.
 */
public final class FloorClient implements Closeable {
  /** Read buffer per connection: 256 KiB reads are what reach this machine's Unix-socket limit (measured: 64 KiB reads reach ~0.7 of it). */
  static final int BUFFER = 256 * 1024;

  private final UnixDomainSocketAddress address;
  private final ConcurrentLinkedDeque<Exchange> idle = new ConcurrentLinkedDeque<>();
  private volatile boolean closed;
  private final java.util.concurrent.atomic.AtomicInteger dialed = new java.util.concurrent.atomic.AtomicInteger();

  /** Connections opened so far (keep-alive check). */
  public int dialed() {
    return dialed.get();
  }

  public FloorClient(Path socket) {
    this.address = UnixDomainSocketAddress.of(socket);
  }

  /** The bytes of a request without body, built once: {@code GET /_ping}. */
  public static byte[] request(String method, String target) {
    return request(method, target, null, null);
  }

  /** The bytes of a request, built once; {@code body} may be null. */
  public static byte[] request(String method, String target, String contentType, byte[] body) {
    StringBuilder sb = new StringBuilder(128).append(method).append(' ').append(target)
        .append(" HTTP/1.1\r\nHost: docker\r\n");
    if (body != null) {
      sb.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(body.length).append("\r\n");
    } else if (method.equals("POST") || method.equals("PUT")) {
      sb.append("Content-Length: 0\r\n");
    }
    byte[] head = sb.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    if (body == null) {
      return head;
    }
    byte[] all = new byte[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return all;
  }

  /**
   * Sends {@code request} and reads the response head. The caller reads the body and calls
   * {@link Exchange#release()}.
   */
  public Exchange send(byte[] request) throws IOException {
    Exchange x = idle.pollFirst();
    if (x != null) {
      try {
        x.begin(request);
        return x;
      } catch (IOException e) {
        x.close();
        if (x.readThisExchange > 0) {
          throw e;
        }
        // the engine dropped the idle connection before answering: once more, on a new one
      }
    }
    x = new Exchange(SocketChannel.open(address));
    dialed.incrementAndGet();
    try {
      x.begin(request);
      return x;
    } catch (IOException | RuntimeException e) {
      x.close();
      throw e;
    }
  }

  /** Sends {@code request}, reads and discards the body; returns the status. */
  public int exchange(byte[] request) throws IOException {
    Exchange x = send(request);
    int status = x.status();
    x.discard();
    x.release();
    return status;
  }

  @Override
  public void close() {
    closed = true;
    Exchange x;
    while ((x = idle.pollFirst()) != null) {
      x.close();
    }
  }

  /** Receives slices of demultiplexed container output. */
  @FunctionalInterface
  public interface FrameSink {
    /** {@code len} payload bytes of stream {@code stream} (1 stdout, 2 stderr) at {@code b[off]}. */
    void payload(int stream, byte[] b, int off, int len);
  }

  /** One connection and the exchange in progress on it. */
  public final class Exchange {
    private final SocketChannel channel;
    private final byte[] buf = new byte[BUFFER];
    private final ByteBuffer bb = ByteBuffer.wrap(buf);
    private int pos;
    private int lim;
    private int status;
    private boolean chunked;
    private boolean keepAlive;
    private long remaining; // in the body (fixed) or in the current chunk (chunked)
    private boolean chunkOpen; // a chunk's data was read and its CRLF is still due
    private boolean done;
    long readThisExchange;
    private final Body body = new Body();

    Exchange(SocketChannel channel) {
      this.channel = channel;
    }

    /** The response status. */
    public int status() {
      return status;
    }

    /** The body as a stream (the same instance for each exchange on this connection). */
    public InputStream body() {
      return body;
    }

    void begin(byte[] request) throws IOException {
      readThisExchange = 0;
      ByteBuffer out = ByteBuffer.wrap(request);
      while (out.hasRemaining()) {
        channel.write(out);
      }
      readHead();
    }

    private int fill(int from) throws IOException {
      bb.limit(buf.length).position(from);
      int n = channel.read(bb);
      if (n > 0) {
        readThisExchange += n;
      }
      return n;
    }

    private void readHead() throws IOException {
      if (pos < lim) {
        throw new ProtocolException("bytes after the previous response");
      }
      pos = 0;
      lim = 0;
      int scan = 0;
      int end;
      for (;;) {
        end = headEnd(scan);
        if (end >= 0) {
          break;
        }
        scan = Math.max(0, lim - 3);
        if (lim == buf.length) {
          throw new ProtocolException("response head larger than " + buf.length + " bytes");
        }
        int n = fill(lim);
        if (n < 0) {
          throw new EOFException("connection closed before the response head");
        }
        lim += n;
      }
      // "HTTP/1.1 200 OK"
      if (end < 12 || buf[0] != 'H' || buf[8] != ' ') {
        throw new ProtocolException("not an HTTP response");
      }
      status = (buf[9] - '0') * 100 + (buf[10] - '0') * 10 + (buf[11] - '0');
      keepAlive = buf[7] == '1';
      chunked = false;
      long length = -1;
      int line = indexOf('\n', 0, end) + 1;
      while (line < end - 2) {
        int eol = indexOf('\n', line, end);
        if (startsWithIgnoreCase(line, "content-length:")) {
          length = 0;
          for (int i = line + 15; i < eol; i++) {
            byte c = buf[i];
            if (c >= '0' && c <= '9') {
              length = length * 10 + (c - '0');
            }
          }
        } else if (startsWithIgnoreCase(line, "transfer-encoding:")) {
          chunked = contains(line, eol, "chunked");
        } else if (startsWithIgnoreCase(line, "connection:")) {
          keepAlive = !contains(line, eol, "close");
        }
        line = eol + 1;
      }
      pos = end;
      chunkOpen = false;
      if (status == 204 || status == 304 || (!chunked && length == 0)) {
        remaining = 0;
        done = true;
      } else if (chunked) {
        remaining = 0;
        done = false;
      } else if (length > 0) {
        remaining = length;
        done = false;
      } else {
        throw new ProtocolException("body without length: not supported by the floor");
      }
    }

    private int headEnd(int from) {
      for (int i = from; i + 3 < lim; i++) {
        if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') {
          return i + 4;
        }
      }
      return -1;
    }

    private int indexOf(char c, int from, int to) {
      for (int i = from; i < to; i++) {
        if (buf[i] == c) {
          return i;
        }
      }
      return to;
    }

    private boolean startsWithIgnoreCase(int at, String lowerPrefix) {
      for (int i = 0; i < lowerPrefix.length(); i++) {
        if ((buf[at + i] | 0x20) != lowerPrefix.charAt(i)) {
          return false;
        }
      }
      return true;
    }

    private boolean contains(int from, int to, String lower) {
      outer:
      for (int i = from; i + lower.length() <= to; i++) {
        for (int j = 0; j < lower.length(); j++) {
          if ((buf[i + j] | 0x20) != lower.charAt(j)) {
            continue outer;
          }
        }
        return true;
      }
      return false;
    }

    private int readByte() throws IOException {
      if (pos == lim) {
        int n = fill(0);
        if (n < 0) {
          throw new EOFException("connection closed inside the chunked body");
        }
        pos = 0;
        lim = n;
      }
      return buf[pos++] & 0xff;
    }

    /**
     * Makes body bytes available at {@code buf[pos..]} and returns how many (within the current
     * chunk or the fixed length), or -1 at the end of the body.
     */
    private int bodyAvailable() throws IOException {
      if (done) {
        return -1;
      }
      if (remaining == 0) { // only for chunked: next chunk header
        if (chunkOpen) {
          if (readByte() != '\r' || readByte() != '\n') {
            throw new ProtocolException("missing CRLF after a chunk");
          }
          chunkOpen = false;
        }
        long size = 0;
        int c;
        int digits = 0;
        while ((c = readByte()) != '\r' && c != ';') {
          int d = Character.digit(c, 16);
          if (d < 0 || ++digits > 15) {
            throw new ProtocolException("bad chunk size");
          }
          size = size * 16 + d;
        }
        while (c != '\n') {
          c = readByte();
        }
        if (size == 0) { // trailers until an empty line
          int len = 0;
          while ((c = readByte()) != '\n' || len > 0) {
            len = c == '\n' ? 0 : c == '\r' ? len : len + 1;
          }
          done = true;
          return -1;
        }
        remaining = size;
        chunkOpen = true;
      }
      if (pos == lim) {
        int n = fill(0);
        if (n < 0) {
          throw new EOFException("connection closed inside the body");
        }
        pos = 0;
        lim = n;
      }
      return (int) Math.min(lim - pos, remaining);
    }

    private void consume(int n) {
      pos += n;
      remaining -= n;
      if (remaining == 0 && !chunked) {
        done = true;
      }
    }

    /** Reads the rest of the body and forgets it. */
    public void discard() throws IOException {
      int n;
      while ((n = bodyAvailable()) >= 0) {
        consume(n);
      }
    }

    /**
     * Demultiplexes the body (8-byte frame headers: stream, 0, 0, 0, big-endian length) and hands
     * each payload slice to {@code sink} straight from the read buffer; returns the payload bytes.
     */
    public long demux(FrameSink sink) throws IOException {
      long total = 0;
      int headerBytes = 0;
      int stream = 0;
      int frameLeft = 0;
      int size = 0;
      int n;
      while ((n = bodyAvailable()) >= 0) {
        if (frameLeft > 0) {
          int k = Math.min(n, frameLeft);
          sink.payload(stream, buf, pos, k);
          consume(k);
          frameLeft -= k;
          total += k;
          continue;
        }
        int b = buf[pos] & 0xff;
        consume(1);
        if (headerBytes == 0) {
          stream = b;
          size = 0;
        } else if (headerBytes >= 4) {
          size = (size << 8) | b;
        }
        if (++headerBytes == 8) {
          headerBytes = 0;
          frameLeft = size;
        }
      }
      if (headerBytes != 0 || frameLeft != 0) {
        throw new ProtocolException("output ended inside a frame");
      }
      return total;
    }

    /** Returns the connection to the pool when its body was read to the end, else closes it. */
    public void release() {
      if (done && keepAlive && pos == lim && !closed) {
        idle.offerFirst(this);
      } else {
        close();
      }
    }

    void close() {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing to save
      }
    }

    private final class Body extends InputStream {
      @Override
      public int read() throws IOException {
        int n = bodyAvailable();
        if (n < 0) {
          return -1;
        }
        int b = buf[pos] & 0xff;
        consume(1);
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        int n = bodyAvailable();
        if (n < 0) {
          return -1;
        }
        n = Math.min(n, len);
        System.arraycopy(buf, pos, b, off, n);
        consume(n);
        return n;
      }
    }
  }
}
