package dev.berth.transport.internal;

import dev.berth.transport.Headers;
import dev.berth.transport.Request;
import dev.berth.transport.RequestBody;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes requests on one HTTP/1.1 connection: the head through a small buffer (refusing line
 * breaks and NUL: no header injection), then the body as fixed bytes, with a Content-Length, or
 * chunked, through the body sinks below. Records whether the socket write failed (as opposed to
 * the body's own source) and whether the whole request left, which decide retries. One per
 * connection; used by the exchange's thread only.
 */
final class RequestWriter {
  private static final String USER_AGENT_LINE = "User-Agent: " + Version.USER_AGENT; // once, not per request

  private final OutputStream out;
  private byte[] obuf = new byte[8192]; // null while the connection carries a long-lived stream
  private int opos;
  /** Set when writing to the socket failed (not when the request body's own source failed). */
  boolean socketWriteFailed;
  /** Set once the whole request was flushed to the socket. */
  boolean requestSent;

  RequestWriter(OutputStream out) {
    this.out = out;
  }

  /** Starts a new exchange. */
  void reset() {
    if (obuf == null) {
      obuf = new byte[8192];
    }
    socketWriteFailed = false;
    requestSent = false;
  }

  /** Lets the head buffer go while a long-lived stream holds the connection; {@link #reset} makes a new one. */
  void release() {
    if (opos == 0) {
      obuf = null;
    }
  }

  /** The connection's own stream, unbuffered: raw streams write here once the head is sent. */
  OutputStream rawOutput() {
    return out;
  }

  private void ensure(int n) throws IOException {
    if (opos + n > obuf.length) {
      flushBuffer();
    }
  }

  void flushBuffer() throws IOException {
    if (opos > 0) {
      socketWrite(obuf, 0, opos);
      opos = 0;
    }
  }

  void flush() throws IOException {
    flushBuffer();
    try {
      out.flush();
    } catch (IOException e) {
      socketWriteFailed = true;
      throw e;
    }
  }

  private void socketWrite(byte[] b, int off, int len) throws IOException {
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      socketWriteFailed = true;
      throw e;
    }
  }

  /** Writes ISO-8859-1 text of the request head; refuses line breaks and NUL (header injection). */
  void writeAscii(String s) throws IOException {
    int n = s.length();
    int i = 0;
    while (i < n) {
      ensure(1);
      int room = Math.min(obuf.length - opos, n - i);
      for (int j = 0; j < room; j++) {
        char c = s.charAt(i++);
        if (c > 0xff || c == '\r' || c == '\n' || c == 0) {
          opos = 0; // nothing of this request goes out
          throw new IllegalArgumentException("request head contains a line break, NUL or non-Latin-1 character");
        }
        obuf[opos++] = (byte) c;
      }
    }
  }

  private void writeCrlf() throws IOException {
    ensure(2);
    obuf[opos++] = '\r';
    obuf[opos++] = '\n';
  }

  void writeBytes(byte[] b, int off, int len) throws IOException {
    if (len <= obuf.length - opos) {
      System.arraycopy(b, off, obuf, opos, len);
      opos += len;
      return;
    }
    flushBuffer();
    if (len >= obuf.length) {
      socketWrite(b, off, len);
    } else {
      System.arraycopy(b, off, obuf, 0, len);
      opos = len;
    }
  }

  /** Writes the request head, and the body when it is fixed bytes; flushes. */
  void writeRequest(Request request, String authority, boolean upgrade) throws IOException {
    RequestBody body = request.body();
    writeAscii(request.method());
    writeAscii(" ");
    writeAscii(request.target());
    writeAscii(" HTTP/1.1");
    writeCrlf();
    writeAscii("Host: ");
    writeAscii(authority);
    writeCrlf();
    Headers h = request.headers();
    boolean userAgent = false;
    boolean contentType = false;
    for (int i = 0, n = h.size(); i < n; i++) {
      String name = h.name(i);
      if (name.equalsIgnoreCase("Host") || name.equalsIgnoreCase("Content-Length")
          || name.equalsIgnoreCase("Transfer-Encoding")
          || (upgrade && (name.equalsIgnoreCase("Connection") || name.equalsIgnoreCase("Upgrade")))) {
        continue; // framing is ours to set
      }
      userAgent |= name.equalsIgnoreCase("User-Agent");
      contentType |= name.equalsIgnoreCase("Content-Type");
      writeAscii(name);
      writeAscii(": ");
      writeAscii(h.value(i));
      writeCrlf();
    }
    if (!userAgent) {
      writeAscii(USER_AGENT_LINE);
      writeCrlf();
    }
    if (body != null) {
      if (!contentType && body.contentType() != null) {
        writeAscii("Content-Type: ");
        writeAscii(body.contentType());
        writeCrlf();
      }
      long length = body.contentLength();
      if (length >= 0) {
        writeAscii("Content-Length: ");
        writeAscii(Long.toString(length));
        writeCrlf();
      } else {
        writeAscii("Transfer-Encoding: chunked");
        writeCrlf();
      }
    } else if (!request.method().equals("GET") && !request.method().equals("HEAD")
        && !request.method().equals("DELETE")) {
      writeAscii("Content-Length: 0");
      writeCrlf();
    }
    if (upgrade) {
      writeAscii("Connection: Upgrade");
      writeCrlf();
      writeAscii("Upgrade: tcp");
      writeCrlf();
    }
    writeCrlf();
    byte[] fixed = body == null ? null : Access.bytes(body);
    if (fixed != null) {
      writeBytes(fixed, 0, fixed.length);
    } else if (body != null) {
      long length = body.contentLength();
      OutputStream bodyOut = length >= 0 ? new FixedLengthOut(length) : new ChunkedOut();
      body.writeTo(bodyOut);
      bodyOut.close();
    }
    flush();
    requestSent = true;
  }

  /** The body sink for a body of known length: refuses more or fewer bytes than declared. */
  private final class FixedLengthOut extends OutputStream {
    private long left;

    FixedLengthOut(long length) {
      this.left = length;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len > left) {
        throw new IOException("request body is longer than its declared Content-Length");
      }
      writeBytes(b, off, len);
      left -= len;
    }

    @Override
    public void close() throws IOException {
      if (left != 0) {
        throw new IOException("request body is " + left + " bytes shorter than its declared Content-Length");
      }
    }
  }

  /** The body sink for a body of unknown length: chunked transfer coding. */
  private final class ChunkedOut extends OutputStream {
    private boolean done;

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return;
      }
      writeAscii(Integer.toHexString(len));
      writeCrlf();
      writeBytes(b, off, len);
      writeCrlf();
    }

    @Override
    public void close() throws IOException {
      if (!done) {
        done = true;
        writeAscii("0");
        writeCrlf();
        writeCrlf();
      }
    }
  }
}
