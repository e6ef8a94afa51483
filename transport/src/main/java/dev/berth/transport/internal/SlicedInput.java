package dev.berth.transport.internal;

import dev.berth.transport.Connection;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The input side of one HTTP/1.1 connection: a read buffer over the connection's stream, each
 * read bounded by the call deadline and the read timeout; on {@link QuietReads} connections (the
 * built-in ones) a read blocks until data, close, interrupt or that deadline, with no periodic
 * wake-ups, so an idle stream costs no CPU; other connections are read in slices so that
 * interrupts are still noticed. Lines and chunk framing are read in the buffer; the pool's idle
 * checks too. Only the thread running the exchange reads; {@link #markClosed()} may
 * come from any thread. {@link HeadParser} parses straight from {@link #buf}.
 */
final class SlicedInput {
  /** Longest a single read blocks, on connections without quiet reads, before checking for an interrupt. */
  static final long SLICE_NANOS = 100_000_000L;
  private static final Duration SLICE = Duration.ofNanos(SLICE_NANOS);
  /** The slice once the head has arrived and no read timeout is set (close() is what cancels those). */
  private static final Duration STREAM_SLICE = Duration.ofSeconds(1);
  static final int MAX_HEAD_BYTES = 64 * 1024;
  static final int LARGE_BUFFER = 256 * 1024;

  private final Connection conn;
  private final InputStream in;
  /** Whether reads may block for the whole wait ({@link QuietReads}), else they go in slices. */
  private final boolean quiet;
  final String endpoint;

  /**
   * The read buffer: 8 KiB, replaced by a 256 KiB one while reads keep filling it (a stream, not a
   * small answer: fewer, larger socket reads), and back to the small one when the connection
   * goes idle, so idle pooled connections hold 8 KiB each. Bytes {@code [pos, lim)} are unread.
   */
  byte[] buf;
  private byte[] smallBuf = new byte[8192]; // null while a long-lived stream reads through its own
  private int fullReads;
  int pos;
  int lim;

  private volatile boolean closed;
  private long readTimeoutNanos; // 0: none
  private long callDeadline; // System.nanoTime() deadline; 0: none
  private long callTimeoutNanos;
  private boolean headPhase;
  /** Bytes read from the engine since the last {@link #beginExchange}. */
  long bytesReadThisExchange;
  int exchanges;

  SlicedInput(Connection conn, String endpoint) {
    this.conn = conn;
    this.in = conn.input();
    this.quiet = conn instanceof QuietReads && ((QuietReads) conn).quietReads();
    this.endpoint = endpoint;
    this.buf = smallBuf;
  }

  /** The read buffer of a long-lived stream while it trickles (grown again if it gets busy). */
  static final int STREAM_BUFFER = 1024;

  /**
   * The connection now carries a long-lived stream, which mostly idles: read through a 1 KiB buffer
   * (replaced by the large one if reads keep filling it), so that thousands of open streams stay
   * cheap.
   */
  void streaming() {
    int n = lim - pos;
    if (buf == smallBuf && n <= STREAM_BUFFER) {
      byte[] b = new byte[STREAM_BUFFER];
      System.arraycopy(buf, pos, b, 0, n);
      buf = b;
      pos = 0;
      lim = n;
      smallBuf = null;
    }
  }

  /** Drops the large read buffer, if any, once nothing is buffered (the connection goes idle). */
  void shrinkBuffer() {
    if (buf != smallBuf && pos == lim) {
      if (smallBuf == null) {
        smallBuf = new byte[8192];
      }
      buf = smallBuf;
      pos = 0;
      lim = 0;
    }
    fullReads = 0;
  }

  /** Makes every read fail from now on; the caller closes the connection itself. */
  void markClosed() {
    closed = true;
  }

  boolean isClosed() {
    return closed;
  }

  void beginExchange(Duration readTimeout, long callDeadline, long callTimeoutNanos) {
    this.headPhase = true;
    setReadTimeout(readTimeout);
    this.callDeadline = callDeadline;
    this.callTimeoutNanos = callTimeoutNanos;
    this.bytesReadThisExchange = 0;
    this.exchanges++;
  }

  /** After the head arrived only the read timeout applies: bodies may stream for hours. */
  void endCallDeadline() {
    this.callDeadline = 0;
    this.headPhase = false;
  }

  void setReadTimeout(Duration readTimeout) {
    this.readTimeoutNanos = readTimeout.isZero() ? 0 : readTimeout.toNanos();
  }

  /**
   * One read from the connection, bounded by the nearer of the read timeout and the call deadline:
   * the thread blocks in the kernel and wakes only for data, close, interrupt (connections' reads
   * are interruptible) or that deadline; nothing polls.
   */
  private int readSocket(byte[] b, int off, int len) throws IOException {
    return quiet ? readWhole(b, off, len) : readSliced(b, off, len);
  }

  private int readWhole(byte[] b, int off, int len) throws IOException {
    if (closed) {
      throw new SocketException("connection closed");
    }
    long wait = readTimeoutNanos;
    boolean callBound = false;
    if (callDeadline != 0) {
      // checked before every read, so a head that trickles in cannot outlast the deadline
      long left = callDeadline - System.nanoTime();
      if (left <= 0) {
        throw callTimedOut();
      }
      if (wait == 0 || left < wait) {
        wait = left;
        callBound = true;
      }
    }
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedIOException("interrupted while waiting for " + endpoint);
    }
    conn.setReadTimeout(wait == 0 ? Duration.ZERO : Duration.ofNanos(Math.max(wait, 1_000_000)));
    try {
      int n = in.read(b, off, len);
      if (n > 0) {
        bytesReadThisExchange += n;
      }
      return n;
    } catch (SocketTimeoutException e) {
      if (closed) {
        throw new SocketException("connection closed");
      }
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedIOException("interrupted while waiting for " + endpoint);
      }
      if (callBound) {
        throw callTimedOut();
      }
      SocketTimeoutException t = new SocketTimeoutException("read from " + endpoint + " timed out after "
          + readTimeoutNanos / 1_000_000 + " ms");
      t.initCause(e);
      throw t;
    } catch (IOException e) {
      throw failure(e);
    }
  }

  /**
   * For connections whose reads are not {@link QuietReads quiet}: reads in slices, so that an
   * interrupt is noticed within one even where the read itself ignores it.
   */
  private int readSliced(byte[] b, int off, int len) throws IOException {
    long start = 0;
    for (;;) {
      if (closed) {
        throw new SocketException("connection closed");
      }
      Duration wait = readTimeoutNanos > 0 && readTimeoutNanos < SLICE_NANOS ? Duration.ofNanos(readTimeoutNanos)
          : readTimeoutNanos == 0 && !headPhase ? STREAM_SLICE : SLICE;
      if (callDeadline != 0) {
        // checked before every read, so a head that trickles in cannot outlast the deadline
        long left = callDeadline - System.nanoTime();
        if (left <= 0) {
          throw callTimedOut();
        }
        if (left < wait.toNanos()) {
          wait = Duration.ofNanos(left);
        }
      }
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedIOException("interrupted while waiting for " + endpoint);
      }
      conn.setReadTimeout(wait);
      try {
        int n = in.read(b, off, len);
        if (n > 0) {
          bytesReadThisExchange += n;
        }
        return n;
      } catch (SocketTimeoutException e) {
        long now = System.nanoTime();
        if (start == 0) {
          start = now - wait.toNanos();
        }
        if (closed) {
          throw new SocketException("connection closed");
        }
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedIOException("interrupted while waiting for " + endpoint);
        }
        if (callDeadline != 0 && now - callDeadline >= 0) {
          throw callTimedOut();
        }
        if (readTimeoutNanos > 0 && now - start >= readTimeoutNanos) {
          // (the slice never exceeds the read timeout, so this fires within one slice of it)
          throw new SocketTimeoutException("read from " + endpoint + " timed out after "
              + readTimeoutNanos / 1_000_000 + " ms");
        }
      } catch (IOException e) {
        throw failure(e);
      }
    }
  }

  /** A read failure as the caller should see it: closed or interrupted, if that is what caused it. */
  private IOException failure(IOException e) {
    if (closed) {
      SocketException s = new SocketException("connection closed");
      s.initCause(e);
      return s;
    }
    if (Thread.currentThread().isInterrupted()) {
      InterruptedIOException i = new InterruptedIOException("interrupted while waiting for " + endpoint);
      i.initCause(e);
      return i;
    }
    return e;
  }

  private SocketTimeoutException callTimedOut() {
    return new SocketTimeoutException("call to " + endpoint + " timed out after "
        + callTimeoutNanos / 1_000_000 + " ms without a complete response head");
  }

  /** Refills the buffer; returns false on end of stream. */
  private boolean fill() throws IOException {
    if (fullReads >= 4 && buf.length < LARGE_BUFFER) {
      buf = new byte[LARGE_BUFFER]; // empty now (pos == lim): nothing to carry over
    }
    int n = readSocket(buf, 0, buf.length);
    if (n < 0) {
      return false;
    }
    fullReads = n == buf.length ? fullReads + 1 : 0;
    pos = 0;
    lim = n;
    return true;
  }

  /** Reads up to {@code len} bytes, buffered bytes first; -1 at end of stream. */
  int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (pos < lim) {
      int n = Math.min(len, lim - pos);
      System.arraycopy(buf, pos, b, off, n);
      pos += n;
      return n;
    }
    if (len >= buf.length) {
      return readSocket(b, off, len); // large reads skip the copy
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(len, lim - pos);
    System.arraycopy(buf, pos, b, off, n);
    pos += n;
    return n;
  }

  int read() throws IOException {
    if (pos >= lim && !fill()) {
      return -1;
    }
    return buf[pos++] & 0xff;
  }

  int buffered() {
    return lim - pos;
  }

  /** Whether the buffer holds, next, the last chunk of a chunked body without trailers. */
  boolean lastChunkBuffered() {
    return lim - pos >= 5 && buf[pos] == '0' && buf[pos + 1] == '\r' && buf[pos + 2] == '\n'
        && buf[pos + 3] == '\r' && buf[pos + 4] == '\n';
  }

  /**
   * Reads one CRLF- (or LF-) terminated line as ISO-8859-1, without the terminator.
   *
   * @param budget bytes the line may use; the line's length counts against it
   */
  String readLine(int[] budget, String what) throws IOException {
    StringBuilder sb = null;
    for (;;) {
      if (pos >= lim && !fill()) {
        throw new EOFException(endOfStream(what));
      }
      int start = pos;
      int i = start;
      while (i < lim && buf[i] != '\n') {
        i++;
      }
      int n = i - start;
      budget[0] -= n + 1;
      if (budget[0] < 0) {
        throw new ProtocolException(what.equals("response head")
            ? "response head from " + endpoint + " exceeds " + MAX_HEAD_BYTES + " bytes"
            : "over-long line in the " + what + " from " + endpoint);
      }
      if (i < lim) { // found LF
        pos = i + 1;
        int end = i;
        String part;
        if (sb == null) {
          if (end > start && buf[end - 1] == '\r') {
            end--;
          }
          return new String(buf, start, end - start, StandardCharsets.ISO_8859_1);
        }
        part = new String(buf, start, end - start, StandardCharsets.ISO_8859_1);
        sb.append(part);
        int len = sb.length();
        if (len > 0 && sb.charAt(len - 1) == '\r') {
          sb.setLength(len - 1);
        }
        return sb.toString();
      }
      if (sb == null) {
        sb = new StringBuilder(n + 64);
      }
      sb.append(new String(buf, start, n, StandardCharsets.ISO_8859_1));
      pos = lim;
    }
  }

  private String endOfStream(String what) {
    if (bytesReadThisExchange == 0) {
      return exchanges > 1 ? endpoint + " closed the kept-alive connection before answering"
          : endpoint + " closed the connection before answering";
    }
    return endpoint + " closed the connection in the middle of the " + what;
  }

  /**
   * The index of the LF that ends the line starting at {@code pos}, reading (and compacting the
   * buffer) as needed, with the line charged to {@code budget}; -1 when the line does not fit in
   * the buffer (the caller then reads it with {@link #readLine}).
   */
  int lineEnd(int[] budget) throws IOException {
    int scanned = pos;
    for (;;) {
      for (int i = scanned; i < lim; i++) {
        if (buf[i] == '\n') {
          budget[0] -= i - pos + 1;
          if (budget[0] < 0) {
            throw new ProtocolException("response head from " + endpoint + " exceeds " + MAX_HEAD_BYTES + " bytes");
          }
          return i;
        }
      }
      if (lim - pos >= buf.length || lim - pos > budget[0]) {
        return -1;
      }
      if (pos > 0 && lim == buf.length || pos == lim) {
        System.arraycopy(buf, pos, buf, 0, lim - pos);
        lim -= pos;
        pos = 0;
      }
      scanned = lim;
      int n = readSocket(buf, lim, buf.length - lim);
      if (n < 0) {
        throw new EOFException(endOfStream("response head"));
      }
      lim += n;
    }
  }


  /**
   * Reads a chunk-size line ({@code 1a2b[;ext]CRLF}) straight from the buffer. Allocates nothing:
   * engines send a chunk per frame, hundreds of thousands on a large log stream.
   */
  long readChunkSize() throws IOException {
    long size = 0;
    int digits = 0;
    boolean inExtension = false;
    boolean sawCr = false;
    for (int n = 0; ; n++) {
      if (n > 4096) {
        throw new ProtocolException("over-long chunk-size line from " + endpoint);
      }
      int c = read();
      if (c < 0) {
        throw new EOFException(endOfStream("chunked body"));
      }
      if (c == '\n') {
        break;
      }
      if (sawCr) {
        throw new ProtocolException("bad chunk size from " + endpoint + ": CR inside the line");
      }
      if (c == '\r') {
        sawCr = true;
        continue;
      }
      if (inExtension) {
        continue;
      }
      int d = Character.digit(c, 16);
      if (d >= 0 && c < 128) {
        if (++digits > 15) {
          throw new ProtocolException("bad chunk size from " + endpoint + ": more than 15 hex digits");
        }
        size = size * 16 + d;
      } else if (c == ';') {
        inExtension = true;
      } else if (c == ' ' || c == '\t') {
        inExtension = digits > 0 || inExtension; // whitespace before an extension
      } else {
        throw new ProtocolException("bad chunk size from " + endpoint + ": unexpected character "
            + (c >= ' ' && c < 127 ? "'" + (char) c + "'" : "0x" + Integer.toHexString(c)));
      }
    }
    if (digits == 0) {
      throw new ProtocolException("bad chunk size from " + endpoint + ": no hex digits");
    }
    return size;
  }

  /** Reads the CRLF (or bare LF) that ends a chunk's data. */
  void readChunkEnd() throws IOException {
    int c = read();
    if (c == '\r') {
      c = read();
    }
    if (c != '\n') {
      if (c < 0) {
        throw new EOFException(endOfStream("chunked body"));
      }
      throw new ProtocolException("missing CRLF after a chunk from " + endpoint);
    }
  }

  /**
   * Whether an idle connection has received bytes nobody asked for (a stray response, a 408 sent
   * on idle timeout): it is then out of step and must not carry another request. Never waits.
   */
  boolean hasUnsolicitedBytes() {
    if (pos < lim) {
      return true;
    }
    try {
      return in.available() > 0;
    } catch (IOException e) {
      return true;
    }
  }

  /** Checks an idle pooled connection, waiting at most a millisecond: true when the engine closed it. */
  boolean isStale() {
    if (closed || hasUnsolicitedBytes()) {
      return true;
    }
    try {
      conn.setReadTimeout(Duration.ofMillis(1));
      int n = in.read(buf, 0, buf.length);
      if (n >= 0) {
        lim = n;
        pos = 0;
      }
      return true; // EOF, or bytes nobody asked for
    } catch (SocketTimeoutException e) {
      return false; // quiet and open: healthy
    } catch (IOException e) {
      return true;
    }
  }
}
