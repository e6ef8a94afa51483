package dev.berth.transport.internal;

import dev.berth.transport.Connection;
import dev.berth.transport.Request;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One HTTP/1.1 connection, made of three parts with one job each: {@link SlicedInput} (buffered
 * reads in slices, with deadlines, timeouts and interrupts), {@link HeadParser} (response heads,
 * capped) and {@link RequestWriter} (request heads and bodies). This class ties them to the
 * connection's life: exchanges, idle checks, close.
 *
 * <p>Only the thread running the exchange reads and writes; {@link #close()} may come from any
 * thread.
 */
final class HttpConnection {
  static final int MAX_HEAD_BYTES = SlicedInput.MAX_HEAD_BYTES;

  private final Connection conn;
  final String endpoint;
  private final SlicedInput in;
  private final HeadParser heads;
  private final RequestWriter writer;
  /** Told once when the connection closes (the engine's open-connection count); may be null. */
  private final Runnable onClose;
  private final AtomicBoolean closeOnce = new AtomicBoolean();
  long idleSince;

  HttpConnection(Connection conn, String endpoint) {
    this(conn, endpoint, null);
  }

  HttpConnection(Connection conn, String endpoint, Runnable onClose) {
    this.conn = conn;
    this.endpoint = endpoint;
    this.onClose = onClose;
    this.in = new SlicedInput(conn, endpoint);
    this.heads = new HeadParser(in);
    this.writer = new RequestWriter(conn.output());
  }

  Connection connection() {
    return conn;
  }

  boolean isClosed() {
    return in.isClosed();
  }

  void beginExchange(Duration readTimeout, long callDeadline, long callTimeoutNanos) {
    in.beginExchange(readTimeout, callDeadline, callTimeoutNanos);
    writer.reset();
  }

  void endCallDeadline() {
    in.endCallDeadline();
  }

  void setReadTimeout(Duration readTimeout) {
    in.setReadTimeout(readTimeout);
  }

  /** The exchange became a long-lived stream (its head is in): keep only small buffers while it idles. */
  void streaming() {
    in.streaming();
    writer.release();
    if (conn instanceof ChannelConnection) {
      ((ChannelConnection) conn).forgetBuffers();
    } else if (conn instanceof TlsChannelConnection) {
      ((TlsChannelConnection) conn).forgetBuffers();
    }
  }

  /** Set when writing to the socket failed (not when the request body's own source failed). */
  boolean socketWriteFailed() {
    return writer.socketWriteFailed;
  }

  /** Whether the whole request of this exchange was flushed. */
  boolean requestSent() {
    return writer.requestSent;
  }

  /** Bytes read from the engine since the exchange began. */
  long bytesReadThisExchange() {
    return in.bytesReadThisExchange;
  }

  void writeRequest(Request request, String authority, boolean upgrade) throws IOException {
    writer.writeRequest(request, authority, upgrade);
  }

  HeadParser.Head readHead() throws IOException {
    return heads.readHead();
  }

  int read(byte[] b, int off, int len) throws IOException {
    return in.read(b, off, len);
  }

  int read() throws IOException {
    return in.read();
  }

  int buffered() {
    return in.buffered();
  }

  String readLine(int[] budget, String what) throws IOException {
    return in.readLine(budget, what);
  }

  boolean lastChunkBuffered() {
    return in.lastChunkBuffered();
  }

  long readChunkSize() throws IOException {
    return in.readChunkSize();
  }

  void readChunkEnd() throws IOException {
    in.readChunkEnd();
  }

  void shrinkBuffer() {
    in.shrinkBuffer();
  }

  boolean hasUnsolicitedBytes() {
    return in.hasUnsolicitedBytes();
  }

  boolean isStale() {
    return in.isStale();
  }

  /** Writes directly to the connection, for raw streams after the head is sent. */
  OutputStream rawOutput() {
    return writer.rawOutput();
  }

  void close() {
    in.markClosed();
    try {
      conn.close();
    } catch (IOException | RuntimeException ignored) {
      // nothing useful to do: the connection is being discarded
    }
    if (onClose != null && closeOnce.compareAndSet(false, true)) {
      onClose.run();
    }
  }
}
