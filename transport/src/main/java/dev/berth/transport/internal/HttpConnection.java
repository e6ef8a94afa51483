package dev.berth.transport.internal;

import dev.berth.transport.Connection;
import dev.berth.transport.Headers;
import dev.berth.transport.Request;
import dev.berth.transport.RequestBody;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One HTTP/1.1 connection: buffered reads with timeouts sliced so that interruption and call
 * deadlines are noticed, request writing, and response-head parsing with size caps.
 *
 * <p>Only the thread running the exchange reads and writes; {@link #close()} may come from any
 * thread.
 */
final class HttpConnection {
  /** Longest a single socket read blocks before checking for interruption and deadlines. */
  static final long SLICE_NANOS = 100_000_000L;
  private static final Duration SLICE = Duration.ofNanos(SLICE_NANOS);
  /**
   * The slice once the head has arrived and no read timeout is set: long-lived streams then wake
   * rarely (close() from another thread is what cancels them), interrupts are noticed within it.
   */
  private static final Duration STREAM_SLICE = Duration.ofSeconds(1);
  static final int MAX_HEAD_BYTES = 64 * 1024;
  private static final String USER_AGENT_LINE = "User-Agent: " + Version.USER_AGENT; // once, not per request
  static final int MAX_HEADER_FIELDS = 256;

  private final Connection conn;
  private final InputStream in;
  private final OutputStream out;
  final String endpoint;

  /**
   * The read buffer: 8 KiB, replaced by a 256 KiB one while reads keep filling it (a stream, not a
   * small answer: fewer, larger socket reads), and back to the small one when the connection
   * goes idle, so idle pooled connections hold 8 KiB each.
   */
  private byte[] buf;
  private final byte[] smallBuf = new byte[8192];
  static final int LARGE_BUFFER = 256 * 1024;
  private int fullReads;
  private int pos;
  private int lim;
  private final byte[] obuf = new byte[8192];
  private int opos;

  private volatile boolean closed;
  /** Told once when the connection closes (the engine's open-connection count); may be null. */
  private final Runnable onClose;
  private final java.util.concurrent.atomic.AtomicBoolean closeOnce = new java.util.concurrent.atomic.AtomicBoolean();
  private long readTimeoutNanos; // 0: none
  private Duration slice = SLICE;
  private long callDeadline; // System.nanoTime() deadline; 0: none
  private long callTimeoutNanos;
  private boolean headPhase;
  /** The previous response's header fields and reason phrase, whose Strings are reused when equal. */
  private String[] lastFields;
  private int lastFieldCount;
  private String lastReason;
  /** Set when writing to the socket failed (not when the request body's own source failed). */
  boolean socketWriteFailed;
  /** Set once the whole request was flushed to the socket. */
  boolean requestSent;
  /** Bytes read from the engine since the last {@link #beginExchange}. */
  long bytesReadThisExchange;
  long idleSince;
  int exchanges;

  HttpConnection(Connection conn, String endpoint) {
    this(conn, endpoint, null);
  }

  HttpConnection(Connection conn, String endpoint, Runnable onClose) {
    this.onClose = onClose;
    this.conn = conn;
    this.in = conn.input();
    this.out = conn.output();
    this.endpoint = endpoint;
    this.buf = smallBuf;
  }

  /** Drops the large read buffer, if any, once nothing is buffered (the connection goes idle). */
  void shrinkBuffer() {
    if (buf != smallBuf && pos == lim) {
      buf = smallBuf;
      pos = 0;
      lim = 0;
    }
    fullReads = 0;
  }

  Connection connection() {
    return conn;
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
    this.socketWriteFailed = false;
    this.requestSent = false;
    this.exchanges++;
  }

  /** After the head arrived only the read timeout applies: bodies may stream for hours. */
  void endCallDeadline() {
    this.callDeadline = 0;
    if (headPhase) {
      headPhase = false;
      if (readTimeoutNanos == 0) {
        slice = STREAM_SLICE;
      }
    }
  }

  void setReadTimeout(Duration readTimeout) {
    this.readTimeoutNanos = readTimeout.isZero() ? 0 : readTimeout.toNanos();
    this.slice = readTimeoutNanos > 0 && readTimeoutNanos < SLICE_NANOS ? readTimeout
        : readTimeoutNanos == 0 && !headPhase ? STREAM_SLICE : SLICE;
  }

  // ---------------------------------------------------------------- reading

  /** Reads from the socket in slices, so interrupts, call deadlines and read timeouts all work. */
  private int readSocket(byte[] b, int off, int len) throws IOException {
    long start = 0;
    for (;;) {
      if (closed) {
        throw new SocketException("connection closed");
      }
      Duration wait = slice;
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
        if (closed) {
          SocketException s = new SocketException("connection closed");
          s.initCause(e);
          throw s;
        }
        if (Thread.currentThread().isInterrupted()) {
          InterruptedIOException i = new InterruptedIOException("interrupted while waiting for " + endpoint);
          i.initCause(e);
          throw i;
        }
        throw e;
      }
    }
  }

  private SocketTimeoutException callTimedOut() {
    return new SocketTimeoutException("call to " + endpoint + " timed out after "
        + callTimeoutNanos / 1_000_000 + " ms without a complete response head");
  }

  /** Refills the buffer; returns false on end of stream. */
  private boolean fill() throws IOException {
    if (fullReads >= 4 && buf == smallBuf) {
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

  /** Parsed status line and headers of a response. */
  record Head(int version, int status, String reason, Headers headers) {}

  /** Reads the response head, skipping interim 1xx responses other than 101. */
  Head readHead() throws IOException {
    int[] budget = {MAX_HEAD_BYTES};
    for (;;) {
      int eol = lineEnd(budget);
      String statusLine = null;
      int from = pos;
      int to;
      if (eol < 0) { // longer than the buffer: the slow path
        statusLine = readLine(budget, "response head");
      } else {
        to = eol > from && buf[eol - 1] == '\r' ? eol - 1 : eol;
        pos = eol + 1;
        if (!startsStatusLine(from, to)) {
          statusLine = new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
        }
      }
      if (statusLine != null) { // unusual or malformed: parse the String
        return finishHead(statusLine, budget);
      }
      to = eol > from && buf[eol - 1] == '\r' ? eol - 1 : eol;
      int version = buf[from + 7] - '0';
      int status = (buf[from + 9] - '0') * 100 + (buf[from + 10] - '0') * 10 + (buf[from + 11] - '0');
      String reason = to - from > 13 ? cached(from + 13, to, lastReason) : "";
      lastReason = reason;
      Headers headers = readFields(budget);
      if (status >= 100 && status < 200 && status != 101) {
        continue; // interim response: the real one follows
      }
      return new Head(version, status, reason, headers);
    }
  }

  /** True when buf[from, to) is a well-formed {@code HTTP/1.x NNN[ reason]} line with status >= 100. */
  private boolean startsStatusLine(int from, int to) {
    int n = to - from;
    if (n < 12 || buf[from] != 'H' || buf[from + 1] != 'T' || buf[from + 2] != 'T' || buf[from + 3] != 'P'
        || buf[from + 4] != '/' || buf[from + 5] != '1' || buf[from + 6] != '.'
        || (buf[from + 7] != '0' && buf[from + 7] != '1') || buf[from + 8] != ' '
        || (n > 12 && buf[from + 12] != ' ') || buf[from + 9] < '1' || buf[from + 9] > '9') {
      return false;
    }
    return buf[from + 10] >= '0' && buf[from + 10] <= '9' && buf[from + 11] >= '0' && buf[from + 11] <= '9';
  }

  /** The status line arrived as a String (over-long or malformed): validate it the slow way. */
  private Head finishHead(String statusLine, int[] budget) throws IOException {
    for (;;) {
      if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.")
          || statusLine.charAt(8) != ' ' || (statusLine.length() > 12 && statusLine.charAt(12) != ' ')) {
        throw new ProtocolException("malformed status line from " + endpoint + ": " + printable(statusLine));
      }
      char minor = statusLine.charAt(7);
      if (minor != '0' && minor != '1') {
        throw new ProtocolException("unsupported HTTP version from " + endpoint + ": " + printable(statusLine));
      }
      int status = 0;
      for (int i = 9; i < 12; i++) {
        char c = statusLine.charAt(i);
        if (c < '0' || c > '9') {
          throw new ProtocolException("malformed status code from " + endpoint + ": " + printable(statusLine));
        }
        status = status * 10 + (c - '0');
      }
      if (status < 100) {
        throw new ProtocolException("malformed status code from " + endpoint + ": " + printable(statusLine));
      }
      String reason = statusLine.length() > 13 ? statusLine.substring(13) : "";
      Headers headers = readFields(budget);
      if (status >= 100 && status < 200 && status != 101) {
        statusLine = readLine(budget, "response head");
        continue;
      }
      return new Head(minor - '0', status, reason, headers);
    }
  }

  /**
   * Reads header fields up to the empty line. Lines are parsed in the buffer; names and values
   * equal to the previous response's on this connection reuse its Strings, so a repeated call
   * (a ping, a poll) allocates next to nothing for its head.
   */
  private Headers readFields(int[] budget) throws IOException {
    String[] fields = new String[Math.max(16, lastFieldCount)];
    String[] prev = lastFields;
    int count = 0;
    for (;;) {
      int eol = lineEnd(budget);
      if (eol < 0) { // longer than the buffer
        String line = readLine(budget, "response head");
        if (line.isEmpty()) {
          break;
        }
        if (count + 2 > fields.length) {
          fields = java.util.Arrays.copyOf(fields, fields.length * 2);
        }
        count = addField(line, fields, count);
        continue;
      }
      int from = pos;
      int to = eol > from && buf[eol - 1] == '\r' ? eol - 1 : eol;
      pos = eol + 1;
      if (to == from) {
        break;
      }
      if (buf[from] == ' ' || buf[from] == '\t') {
        throw new ProtocolException("obsolete folded header line from " + endpoint);
      }
      int colon = -1;
      for (int i = from; i < to; i++) {
        byte c = buf[i];
        if (c == ':') {
          colon = i;
          break;
        }
        if (c <= ' ') { // (bytes >= 127 are negative: caught below)
          break;
        }
      }
      if (colon <= from) {
        String line = new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
        if (colon < 0 && line.indexOf(':') > 0) {
          throw new ProtocolException("malformed header name from " + endpoint + ": " + printable(line));
        }
        throw new ProtocolException("malformed header line from " + endpoint + ": " + printable(line));
      }
      for (int i = from; i < colon; i++) {
        if (buf[i] <= ' ' || buf[i] == 127) {
          throw new ProtocolException("malformed header name from " + endpoint + ": "
              + printable(new String(buf, from, to - from, StandardCharsets.ISO_8859_1)));
        }
      }
      if (count / 2 >= MAX_HEADER_FIELDS) {
        throw new ProtocolException("more than " + MAX_HEADER_FIELDS + " header fields from " + endpoint);
      }
      if (count + 2 > fields.length) {
        fields = java.util.Arrays.copyOf(fields, fields.length * 2);
      }
      int vFrom = colon + 1;
      int vTo = to;
      while (vFrom < vTo && (buf[vFrom] & 0xff) <= ' ') {
        vFrom++;
      }
      while (vTo > vFrom && (buf[vTo - 1] & 0xff) <= ' ') {
        vTo--;
      }
      String name = null;
      String value = null;
      if (prev != null) {
        // the same line as last time at the same place, else the same name anywhere
        int k = count;
        if (k + 1 < lastFieldCount && same(from, colon, prev[k])) {
          name = prev[k];
          value = same(vFrom, vTo, prev[k + 1]) ? prev[k + 1] : null;
        } else {
          for (k = 0; k + 1 < lastFieldCount; k += 2) {
            if (same(from, colon, prev[k])) {
              name = prev[k];
              value = same(vFrom, vTo, prev[k + 1]) ? prev[k + 1] : null;
              break;
            }
          }
        }
      }
      fields[count++] = name != null ? name : new String(buf, from, colon - from, StandardCharsets.ISO_8859_1);
      fields[count++] = value != null ? value : new String(buf, vFrom, vTo - vFrom, StandardCharsets.ISO_8859_1);
    }
    String[] exact = count == fields.length ? fields : java.util.Arrays.copyOf(fields, count);
    lastFields = exact;
    lastFieldCount = count;
    return Access.headers(exact);
  }

  /** Adds a header line that arrived as a String (the slow path); returns the new count. */
  private int addField(String line, String[] fields, int count) throws IOException {
    char first = line.charAt(0);
    if (first == ' ' || first == '\t') {
      throw new ProtocolException("obsolete folded header line from " + endpoint);
    }
    int colon = line.indexOf(':');
    if (colon <= 0) {
      throw new ProtocolException("malformed header line from " + endpoint + ": " + printable(line));
    }
    for (int i = 0; i < colon; i++) {
      char c = line.charAt(i);
      if (c <= ' ' || c >= 127) {
        throw new ProtocolException("malformed header name from " + endpoint + ": " + printable(line));
      }
    }
    if (count / 2 >= MAX_HEADER_FIELDS) {
      throw new ProtocolException("more than " + MAX_HEADER_FIELDS + " header fields from " + endpoint);
    }
    fields[count++] = line.substring(0, colon);
    fields[count++] = line.substring(colon + 1).trim();
    return count;
  }

  /** Whether buf[from, to) holds exactly the ISO-8859-1 characters of {@code s}. */
  private boolean same(int from, int to, String s) {
    if (s == null || s.length() != to - from) {
      return false;
    }
    for (int i = 0; i < to - from; i++) {
      if ((buf[from + i] & 0xff) != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private String cached(int from, int to, String last) {
    return same(from, to, last) ? last : new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
  }

  /**
   * The index of the LF that ends the line starting at {@code pos}, reading (and compacting the
   * buffer) as needed, with the line charged to {@code budget}; -1 when the line does not fit in
   * the buffer (the caller then reads it with {@link #readLine}).
   */
  private int lineEnd(int[] budget) throws IOException {
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

  static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length() && i < 80; i++) {
      char c = s.charAt(i);
      sb.append(c >= ' ' && c < 127 ? c : '?');
    }
    if (s.length() > 80) {
      sb.append('…');
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- writing

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

  void close() {
    closed = true;
    try {
      conn.close();
    } catch (IOException | RuntimeException ignored) {
      // nothing useful to do: the connection is being discarded
    }
    if (onClose != null && closeOnce.compareAndSet(false, true)) {
      onClose.run();
    }
  }

  /** Writes directly to the connection, for raw streams after the head is sent. */
  OutputStream rawOutput() {
    return out;
  }

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
