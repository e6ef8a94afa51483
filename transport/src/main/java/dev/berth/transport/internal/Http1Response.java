package dev.berth.transport.internal;

import dev.berth.transport.CancelToken;
import dev.berth.transport.Headers;
import dev.berth.transport.Request;
import dev.berth.transport.TransportListener;
import dev.berth.transport.Response;
import dev.berth.transport.ResponseBody;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A response on an HTTP/1.1 connection with its framed body. When the body has been read to its
 * end on a reusable connection, the connection goes back to the pool at once; closing earlier
 * discards it (an unread body cannot be skipped cheaply, and closing is how streams are cancelled).
 */
final class Http1Response implements Response, ResponseBody {
  private static final int OPEN = 0;
  private static final int RELEASED = 1;
  private static final int CLOSED = 2;

  enum Framing { EMPTY, FIXED, CHUNKED, UNTIL_EOF }

  private final HttpConnection conn;
  private final HeadParser.Head head;
  private final Consumer<HttpConnection> release; // null: never reuse
  private final AtomicInteger state = new AtomicInteger(OPEN);
  private final Framing framing;
  private final long contentLength;
  private final Body body = new Body();
  private long remaining; // FIXED: bytes left; CHUNKED: bytes left in the current chunk
  private boolean lastChunkSeen;
  private final TransportListener listener;
  private final Request request;
  private final CancelToken.Registration registration; // null: no cancel token
  private long bytesRead;

  Http1Response(HttpConnection conn, HeadParser.Head head, Framing framing, long contentLength,
      Consumer<HttpConnection> release) {
    this(conn, head, framing, contentLength, release, null, null, null);
  }

  Http1Response(HttpConnection conn, HeadParser.Head head, Framing framing, long contentLength,
      Consumer<HttpConnection> release, Http1Engine engine, Request request,
      CancelToken.Registration registration) {
    this.listener = engine == null ? TransportListener.NONE : engine.listener;
    this.request = request;
    this.registration = registration;
    this.conn = conn;
    this.head = head;
    this.framing = framing;
    this.contentLength = contentLength;
    this.release = release;
    this.remaining = framing == Framing.FIXED ? contentLength : 0;
    if (framing == Framing.EMPTY || (framing == Framing.FIXED && contentLength == 0)) {
      finish();
    }
  }

  /** Decides how the body is delimited, per RFC 9112 section 6.3. */
  static Framing framing(String method, HeadParser.Head head, long[] contentLength, String endpoint)
      throws ProtocolException {
    int status = head.status();
    contentLength[0] = -1;
    if (status == 101) {
      return Framing.UNTIL_EOF; // the connection switched protocols: its bytes are the body, never reused
    }
    if (method.equals("HEAD") || status == 204 || status == 304 || (status >= 100 && status < 200)) {
      return Framing.EMPTY;
    }
    Headers h = head.headers();
    if (h.first("Transfer-Encoding") == null) {
      // the usual case, without building lists: no Transfer-Encoding, one plain Content-Length
      String only = null;
      int seen = 0;
      for (int i = 0; i < h.size(); i++) {
        if (h.name(i).equalsIgnoreCase("Content-Length")) {
          only = h.value(i);
          seen++;
        }
      }
      if (seen == 0) {
        return Framing.UNTIL_EOF;
      }
      if (seen == 1 && only.indexOf(',') < 0) {
        contentLength[0] = parseLength(only.trim(), endpoint);
        return Framing.FIXED;
      }
    }
    java.util.List<String> te = h.all("Transfer-Encoding");
    if (!te.isEmpty()) {
      String last = te.get(te.size() - 1);
      int comma = last.lastIndexOf(',');
      String coding = (comma >= 0 ? last.substring(comma + 1) : last).trim();
      return coding.equalsIgnoreCase("chunked") ? Framing.CHUNKED : Framing.UNTIL_EOF;
    }
    java.util.List<String> cl = h.all("Content-Length");
    if (!cl.isEmpty()) {
      long value = -1;
      for (String v : cl) {
        for (String part : v.split(",", -1)) {
          long parsed = parseLength(part.trim(), endpoint);
          if (value >= 0 && parsed != value) {
            throw new ProtocolException("conflicting Content-Length values from " + endpoint + ": "
                + HeadParser.printable(String.join(",", cl)));
          }
          value = parsed;
        }
      }
      contentLength[0] = value;
      return Framing.FIXED;
    }
    return Framing.UNTIL_EOF;
  }

  private static long parseLength(String s, String endpoint) throws ProtocolException {
    if (s.isEmpty() || s.length() > 18) {
      throw new ProtocolException("invalid Content-Length from " + endpoint + ": " + HeadParser.printable(s));
    }
    long v = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new ProtocolException("invalid Content-Length from " + endpoint + ": " + HeadParser.printable(s));
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  @Override
  public int status() {
    return head.status();
  }

  @Override
  public String reason() {
    return head.reason();
  }

  @Override
  public Headers headers() {
    return head.headers();
  }

  @Override
  public ResponseBody body() {
    return this;
  }

  @Override
  public long contentLength() {
    return contentLength;
  }

  @Override
  public String contentType() {
    return head.headers().first("Content-Type");
  }

  @Override
  public InputStream stream() {
    return body;
  }

  @Override
  public byte[] bytes(int maxBytes) throws IOException {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must be >= 0: " + maxBytes);
    }
    try {
      int first = contentLength >= 0 ? (int) Math.min(maxBytes, contentLength) : Math.min(maxBytes, 8192);
      byte[] out = new byte[first];
      int n = 0;
      while (n < maxBytes) {
        if (n == out.length) {
          out = Arrays.copyOf(out, (int) Math.min(maxBytes, Math.max(16L, (long) out.length * 2)));
        }
        int r = body.read(out, n, out.length - n);
        if (r < 0) {
          break;
        }
        n += r;
      }
      return n == out.length ? out : Arrays.copyOf(out, n);
    } finally {
      close();
    }
  }

  @Override
  public void close() {
    if (state.compareAndSet(OPEN, CLOSED)) {
      if (registration != null) {
        registration.remove();
      }
      try {
        listener.bodyEnded(request, bytesRead, false);
      } finally { // even an Error from the listener leaks no connection
        conn.close();
      }
    }
  }

  /** The body was read to its end: hand the connection back. */
  private void finish() {
    if (state.compareAndSet(OPEN, RELEASED)) {
      if (registration != null) {
        registration.remove(); // before the pool can hand the connection to another call
      }
      try {
        listener.bodyEnded(request, bytesRead, true);
      } finally { // even an Error from the listener leaks no connection
        if (release != null) {
          conn.endCallDeadline();
          release.accept(conn);
        } else {
          conn.close();
        }
      }
    }
  }

  @Override
  public String toString() {
    return "Response[" + head.status() + " " + head.reason() + "]";
  }

  private final class Body extends InputStream {
    private final byte[] one = new byte[1];

    private void ensureOpen() throws IOException {
      if (state.get() == CLOSED) {
        throw new IOException("response closed");
      }
    }

    @Override
    public int read() throws IOException {
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      java.util.Objects.checkFromIndexSize(off, len, b.length);
      ensureOpen();
      if (state.get() == RELEASED) {
        return -1;
      }
      if (len == 0) {
        return 0;
      }
      int n;
      try {
        n = readFramed(b, off, len);
      } catch (IOException e) {
        if (state.get() == CLOSED) {
          IOException closed = new IOException("response closed");
          closed.initCause(e);
          throw closed;
        }
        IOException thrown = request != null && request.cancelToken() != null
            && request.cancelToken().isCancelled() ? Http1Engine.cancelled(request, e) : e;
        listener.callFailed(request, thrown);
        close();
        throw thrown;
      }

      if (state.get() == CLOSED) {
        throw new IOException("response closed"); // a close from another thread wins over data
      }
      return n;
    }

    private int readFramed(byte[] b, int off, int len) throws IOException {
      {
        switch (framing) {
          case EMPTY:
            return -1;
          case FIXED: {
            if (remaining == 0) {
              finish();
              return -1;
            }
            int n = conn.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
              throw new EOFException(conn.endpoint + " closed the connection " + remaining
                  + " bytes before the end of the response body");
            }
            bytesRead += n;
            remaining -= n;
            if (remaining == 0) {
              finish();
            }
            return n;
          }
          case CHUNKED: {
            if (remaining == 0) {
              if (lastChunkSeen || !nextChunk()) {
                return -1;
              }
            }
            int n = conn.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
              throw new EOFException(conn.endpoint + " closed the connection in the middle of a chunk");
            }
            bytesRead += n;
            remaining -= n;
            if (remaining == 0) {
              readChunkEnd();
              if (conn.lastChunkBuffered()) {
                // the end arrived with the data: finish now, so that a reader that stops after
                // the data it wanted (a JSON decoder) still hands the connection back
                nextChunk();
              }
            }
            return n;
          }
          default: {
            int n = conn.read(b, off, len);
            if (n < 0) {
              finish();
            } else {
              bytesRead += n;
            }
            return n;
          }
        }
      }
    }

    /** Reads the next chunk-size line; false after the last chunk and its trailers. */
    private boolean nextChunk() throws IOException {
      long size = conn.readChunkSize(); // parsed in place: no allocation per chunk
      if (size == 0) {
        lastChunkSeen = true;
        int[] budget = {HttpConnection.MAX_HEAD_BYTES};
        while (!conn.readLine(budget, "chunked body trailers").isEmpty()) {
          // trailers carry nothing the engine API uses
        }
        finish();
        return false;
      }
      remaining = size;
      return true;
    }

    private void readChunkEnd() throws IOException {
      conn.readChunkEnd();
    }

    @Override
    public int available() throws IOException {
      if (state.get() != OPEN) {
        return 0;
      }
      int b = conn.buffered();
      return framing == Framing.FIXED || framing == Framing.CHUNKED ? (int) Math.min(b, remaining) : b;
    }

    @Override
    public void close() {
      Http1Response.this.close();
    }
  }
}
