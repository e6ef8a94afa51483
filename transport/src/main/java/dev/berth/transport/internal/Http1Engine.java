package dev.berth.transport.internal;

import dev.berth.transport.Connection;
import dev.berth.transport.Dialer;
import dev.berth.transport.RawStream;
import dev.berth.transport.Request;
import dev.berth.transport.RequestBody;
import dev.berth.transport.Response;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** The HTTP/1.1 client engine behind {@link dev.berth.transport.Http1Doer}. Thread-safe. */
public final class Http1Engine {
  private final Dialer dialer;
  private final String authority;
  private final ConnectionPool pool;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration callTimeout;
  private final java.util.function.Consumer<HttpConnection> release;

  public Http1Engine(Dialer dialer, int maxIdleConnections, Duration keepAlive,
      Duration connectTimeout, Duration readTimeout, Duration callTimeout) {
    this.dialer = dialer;
    this.authority = dialer.authority();
    this.pool = new ConnectionPool(maxIdleConnections, keepAlive.toNanos());
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.callTimeout = callTimeout;
    this.release = pool::release;
  }

  public Response send(Request request) throws IOException {
    Duration call = request.callTimeout() != null ? request.callTimeout() : callTimeout;
    Duration read = request.readTimeout() != null ? request.readTimeout() : readTimeout;
    long callNanos = call.isZero() ? 0 : call.toNanos();
    long deadline = callNanos == 0 ? 0 : deadlineOf(callNanos);
    checkInterrupted();
    RequestBody body = request.body();
    boolean replayable = body == null || body.isReplayable();
    boolean idempotent = isIdempotent(request.method());
    boolean retried = false;
    for (;;) {
      HttpConnection conn = retried ? null : pool.acquire(idempotent);
      boolean reused = conn != null;
      if (conn == null) {
        conn = dial(deadline, callNanos);
      }
      boolean[] writeFailed = new boolean[1];
      try {
        conn.beginExchange(read, deadline, callNanos);
        HttpConnection.Head head = writeAndReadHead(conn, request, false, writeFailed);
        conn.endCallDeadline();
        long[] length = new long[1];
        Http1Response.Framing framing = Http1Response.framing(request.method(), head, length, conn.endpoint);
        boolean reusable = !writeFailed[0] && framing != Http1Response.Framing.UNTIL_EOF && keepAlive(head)
            && !"close".equalsIgnoreCase(request.headers().first("Connection"));
        return new Http1Response(conn, head, framing, length[0], reusable ? release : null);
      } catch (IOException e) {
        conn.close();
        if (reused && !retried && replayable && conn.bytesReadThisExchange == 0
            && isClosedByPeer(e) && (idempotent || !conn.requestSent)) {
          // The engine had dropped the idle connection. A request that never fully left, or one
          // that is safe to repeat, goes once more on a new connection; a POST the engine may
          // have received is not sent twice.
          retried = true;
          continue;
        }
        throw e;
      } catch (RuntimeException | Error e) {
        conn.close();
        throw e;
      }
    }
  }

  static boolean isIdempotent(String method) {
    switch (method) {
      case "GET":
      case "HEAD":
      case "PUT":
      case "DELETE":
      case "OPTIONS":
      case "TRACE":
        return true;
      default:
        return false;
    }
  }

  public RawStream sendRaw(Request request) throws IOException {
    Duration call = request.callTimeout() != null ? request.callTimeout() : callTimeout;
    Duration read = request.readTimeout() != null ? request.readTimeout() : readTimeout;
    long callNanos = call.isZero() ? 0 : call.toNanos();
    long deadline = callNanos == 0 ? 0 : deadlineOf(callNanos);
    checkInterrupted();
    HttpConnection conn = dial(deadline, callNanos);
    try {
      conn.beginExchange(read, deadline, callNanos);
      HttpConnection.Head head = writeAndReadHead(conn, request, true, new boolean[1]);
      conn.endCallDeadline();
      int status = head.status();
      if (status == 101) {
        return new Http1RawStream(conn, head, null);
      }
      long[] length = new long[1];
      Http1Response.Framing framing = Http1Response.framing(request.method(), head, length, conn.endpoint);
      if (status >= 200 && status < 300 && framing == Http1Response.Framing.UNTIL_EOF) {
        return new Http1RawStream(conn, head, null); // the older 200-then-raw form
      }
      Http1Response framed = new Http1Response(conn, head, framing, length[0], null);
      return new Http1RawStream(conn, head, framed.stream());
    } catch (IOException | RuntimeException | Error e) {
      conn.close();
      throw e;
    }
  }

  private HttpConnection.Head writeAndReadHead(HttpConnection conn, Request request, boolean upgrade,
      boolean[] writeFailed) throws IOException {
    try {
      conn.writeRequest(request, authority, upgrade);
    } catch (IOException writeFailure) {
      if (Thread.currentThread().isInterrupted() && !(writeFailure instanceof InterruptedIOException)) {
        InterruptedIOException i = new InterruptedIOException("interrupted while sending to " + dialer);
        i.initCause(writeFailure);
        throw i;
      }
      if (!conn.socketWriteFailed || writeFailure instanceof InterruptedIOException || conn.isClosed()) {
        throw writeFailure; // the body's own source failed: the engine still waits for the rest
      }
      // The engine may have answered early (say, 404 during an upload) and stopped reading:
      // its answer is worth more than the broken pipe. The connection is not reused after that.
      writeFailed[0] = true;
      try {
        return conn.readHead();
      } catch (IOException noAnswer) {
        writeFailure.addSuppressed(noAnswer);
        throw writeFailure;
      }
    }
    return conn.readHead();
  }

  private static boolean isClosedByPeer(IOException e) {
    if (e instanceof InterruptedIOException || Thread.currentThread().isInterrupted()) {
      return false; // timeouts and interrupts: never retried
    }
    return e instanceof EOFException || e instanceof SocketException;
  }

  private static boolean keepAlive(HttpConnection.Head head) {
    String connection = head.headers().first("Connection");
    if (connection != null) {
      for (String token : connection.split(",")) {
        String t = token.trim();
        if (t.equalsIgnoreCase("close")) {
          return false;
        }
        if (t.equalsIgnoreCase("keep-alive")) {
          return true;
        }
      }
    }
    return head.version() >= 1;
  }

  private HttpConnection dial(long deadline, long callNanos) throws IOException {
    Duration timeout = connectTimeout;
    if (deadline != 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new SocketTimeoutException("call to " + dialer + " timed out after " + callNanos / 1_000_000 + " ms");
      }
      if (timeout.isZero() || left < timeout.toNanos()) {
        timeout = Duration.ofNanos(left);
      }
    }
    Connection c = dialer.dial(timeout);
    if (c == null) {
      throw new IOException(dialer + " returned no connection");
    }
    return new HttpConnection(c, dialer.toString());
  }

  private static long deadlineOf(long nanos) {
    long d = System.nanoTime() + nanos;
    return d == 0 ? 1 : d;
  }

  private void checkInterrupted() throws InterruptedIOException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedIOException("interrupted before the call to " + dialer + " started");
    }
  }

  public int idleConnections() {
    return pool.idleCount();
  }

  public void evictIdle() {
    pool.evictAll();
  }

  public void close() {
    pool.close();
  }

  public Dialer dialer() {
    return dialer;
  }
}
