package dev.berth.transport.internal;

import dev.berth.transport.CallCancelledException;
import dev.berth.transport.CancelToken;
import dev.berth.transport.Connection;
import dev.berth.transport.ConnectionStats;
import dev.berth.transport.Dialer;
import dev.berth.transport.RawStream;
import dev.berth.transport.Request;
import dev.berth.transport.RequestBody;
import dev.berth.transport.Response;
import dev.berth.transport.TransportListener;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The HTTP/1.1 client engine behind {@link dev.berth.transport.Http1Doer}. Thread-safe. */
public final class Http1Engine {
  private final Dialer dialer;
  private final String authority;
  private final ConnectionPool pool;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration callTimeout;
  private final java.util.function.Consumer<HttpConnection> release;
  final TransportListener listener;
  final String endpoint;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicLong dialed = new AtomicLong();
  private final AtomicLong reused = new AtomicLong();
  private final Runnable onConnectionClosed;
  private volatile boolean closed;

  public Http1Engine(Dialer dialer, int maxIdleConnections, Duration keepAlive,
      Duration connectTimeout, Duration readTimeout, Duration callTimeout, TransportListener listener) {
    this.dialer = dialer;
    this.authority = dialer.authority();
    this.listener = listener;
    this.endpoint = dialer.toString();
    this.pool = new ConnectionPool(maxIdleConnections, keepAlive.toNanos(), listener, endpoint);
    this.onConnectionClosed = () -> {
      open.decrementAndGet();
      listener.connectionClosed(endpoint);
    };
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
    checkOpen();
    checkInterrupted();
    CancelToken token = request.cancelToken();
    checkCancelled(token, request);
    RequestBody body = request.body();
    boolean replayable = body == null || body.isReplayable();
    boolean idempotent = isIdempotent(request.method());
    boolean retried = false;
    for (;;) {
      HttpConnection conn;
      boolean isReused;
      try {
        conn = retried ? null : pool.acquire(idempotent);
        isReused = conn != null;
        if (conn == null) {
          conn = dial(request, deadline, callNanos);
        } else {
          reused.incrementAndGet();
        }
      } catch (IOException | RuntimeException | Error e) {
        fail(request, e);
        throw e;
      }
      listener.connectionAcquired(request, endpoint, isReused);
      CancelToken.Registration registration = token == null ? null : token.onCancel(conn::close);
      boolean[] writeFailed = new boolean[1];
      try {
        conn.beginExchange(read, deadline, callNanos);
        HeadParser.Head head = writeAndReadHead(conn, request, false, writeFailed);
        conn.endCallDeadline();
        bodyPhase(conn, request);
        listener.responseHeadReceived(request, head.status());
        long[] length = new long[1];
        Http1Response.Framing framing = Http1Response.framing(request.method(), head, length, conn.endpoint);
        boolean reusable = !writeFailed[0] && framing != Http1Response.Framing.UNTIL_EOF && keepAlive(head)
            && !"close".equalsIgnoreCase(request.headers().first("Connection"));
        return new Http1Response(conn, head, framing, length[0], reusable ? release : null,
            this, request, registration);
      } catch (IOException e) {
        conn.close();
        if (registration != null) {
          registration.remove();
        }
        if (token != null && token.isCancelled()) {
          IOException c = cancelled(request, e);
          fail(request, c);
          throw c;
        }
        if (isReused && !retried && replayable && conn.bytesReadThisExchange() == 0
            && isClosedByPeer(e) && (idempotent || !conn.requestSent())) {
          // The engine had dropped the idle connection. A request that never fully left, or one
          // that is safe to repeat, goes once more on a new connection; a POST the engine may
          // have received is not sent twice.
          retried = true;
          continue;
        }
        fail(request, e);
        throw e;
      } catch (RuntimeException | Error e) {
        conn.close();
        if (registration != null) {
          registration.remove();
        }
        fail(request, e);
        throw e;
      }
    }
  }

  /**
   * Once the head is in: the request's body read timeout, if it has one, replaces the read timeout
   * (a long-lived stream idles as long as its caller chose, its head was still bounded).
   */
  private static void bodyPhase(HttpConnection conn, Request request) {
    if (request.bodyReadTimeout() != null) {
      conn.setReadTimeout(request.bodyReadTimeout());
      if (request.bodyReadTimeout().isZero()) {
        conn.streaming();
      }
    }
  }

  private void fail(Request request, Throwable e) {
    if (e instanceof IOException) {
      listener.callFailed(request, (IOException) e);
    }
  }

  private void checkCancelled(CancelToken token, Request request) throws CallCancelledException {
    if (token != null && token.isCancelled()) {
      CallCancelledException c = new CallCancelledException(request + " to " + endpoint + " was cancelled");
      listener.callFailed(request, c);
      throw c;
    }
  }

  static CallCancelledException cancelled(Request request, IOException cause) {
    CallCancelledException c = new CallCancelledException(request + " was cancelled");
    c.initCause(cause);
    return c;
  }

  /** A snapshot for {@link dev.berth.transport.Http1Doer#stats()}. */
  public ConnectionStats stats() {
    return new ConnectionStats(open.get(), pool.idleCount(), dialed.get(), reused.get(), pool.evictedCount());
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
    checkOpen();
    checkInterrupted();
    CancelToken token = request.cancelToken();
    checkCancelled(token, request);
    HttpConnection conn;
    try {
      conn = dial(request, deadline, callNanos);
    } catch (IOException | RuntimeException | Error e) {
      fail(request, e);
      throw e;
    }
    listener.connectionAcquired(request, endpoint, false);
    CancelToken.Registration registration = token == null ? null : token.onCancel(conn::close);
    try {
      conn.beginExchange(read, deadline, callNanos);
      HeadParser.Head head = writeAndReadHead(conn, request, true, new boolean[1]);
      conn.endCallDeadline();
      bodyPhase(conn, request);
      listener.responseHeadReceived(request, head.status());
      int status = head.status();
      if (status == 101) {
        return new Http1RawStream(conn, head, null, registration);
      }
      long[] length = new long[1];
      Http1Response.Framing framing = Http1Response.framing(request.method(), head, length, conn.endpoint);
      if (status >= 200 && status < 300 && framing == Http1Response.Framing.UNTIL_EOF) {
        return new Http1RawStream(conn, head, null, registration); // the older 200-then-raw form
      }
      Http1Response framed = new Http1Response(conn, head, framing, length[0], null, this, request, null);
      return new Http1RawStream(conn, head, framed.stream(), registration);
    } catch (IOException e) {
      conn.close();
      if (registration != null) {
        registration.remove();
      }
      IOException thrown = token != null && token.isCancelled() ? cancelled(request, e) : e;
      fail(request, thrown);
      throw thrown;
    } catch (RuntimeException | Error e) {
      conn.close();
      if (registration != null) {
        registration.remove();
      }
      throw e;
    }
  }

  private HeadParser.Head writeAndReadHead(HttpConnection conn, Request request, boolean upgrade,
      boolean[] writeFailed) throws IOException {
    try {
      conn.writeRequest(request, authority, upgrade);
      listener.requestSent(request);
    } catch (IOException writeFailure) {
      if (Thread.currentThread().isInterrupted() && !(writeFailure instanceof InterruptedIOException)) {
        InterruptedIOException i = new InterruptedIOException("interrupted while sending to " + dialer);
        i.initCause(writeFailure);
        throw i;
      }
      if (!conn.socketWriteFailed() || writeFailure instanceof InterruptedIOException || conn.isClosed()) {
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

  private static boolean keepAlive(HeadParser.Head head) {
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

  private HttpConnection dial(Request request, long deadline, long callNanos) throws IOException {
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
    listener.dialStart(request, endpoint);
    long start = System.nanoTime();
    Connection c;
    try {
      c = dialer.dial(timeout);
      if (c == null) {
        throw new IOException(dialer + " returned no connection");
      }
    } catch (IOException e) {
      listener.dialFailed(request, endpoint, System.nanoTime() - start, e);
      throw e;
    }
    open.incrementAndGet();
    dialed.incrementAndGet();
    listener.dialEnd(request, endpoint, System.nanoTime() - start);
    HttpConnection conn = new HttpConnection(c, endpoint, onConnectionClosed);
    CancelToken token = request.cancelToken();
    if (token != null && token.isCancelled()) { // cancelled while dialing
      conn.close();
      throw new CallCancelledException(request + " to " + endpoint + " was cancelled");
    }
    return conn;
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

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the doer for " + endpoint + " is closed");
    }
  }

  public void close() {
    closed = true;
    pool.close();
  }

  public Dialer dialer() {
    return dialer;
  }
}
