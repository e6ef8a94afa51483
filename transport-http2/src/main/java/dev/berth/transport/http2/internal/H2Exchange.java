package dev.berth.transport.http2.internal;

import dev.berth.transport.CallCancelledException;
import dev.berth.transport.CancelToken;
import dev.berth.transport.Headers;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import dev.berth.transport.ResponseBody;
import dev.berth.transport.TransportListener;
import dev.berth.transport.http2.Http2StreamException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2GoAwayFrame;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One request/response on one HTTP/2 stream: the stream channel's handler (Netty's event loop
 * fills it) and the {@link Response} with its body stream (the caller's thread drains it).
 *
 * <p>Flow control: the stream channel does not read on its own. Frames are pulled into this
 * exchange's queue while fewer than {@code highWater} bytes wait there; Netty grants the peer a
 * WINDOW_UPDATE for what was pulled. A caller that stops reading therefore holds at most
 * {@code highWater} bytes here plus one stream window in Netty, and the peer stops sending on this
 * stream only; the other streams of the connection go on.
 */
final class H2Exchange extends ChannelInboundHandlerAdapter implements Response, ResponseBody {
  private final Request request;
  private final String endpoint;
  private final int highWater;
  private final long readTimeoutNanos;
  private final Body body = new Body();
  private final TransportListener listener;
  /** Counted down once the engine has accounted for the closed stream. */
  final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);

  /**
   * Guards the fields below; a lock rather than a monitor, so that a virtual thread waiting for
   * the head or the body unmounts (JDK 21 to 23 pin a virtual thread in Object.wait).
   */
  private final ReentrantLock lock = new ReentrantLock();
  /** Signalled when the head, data, the end or a failure arrives, or the exchange is closed. */
  private final Condition changed = lock.newCondition();
  // guarded by lock
  private Http2StreamChannel channel;
  private Http2Headers head;
  private int status; // checked and set with the head, before the response is handed out
  private final ArrayDeque<ByteBuf> queue = new ArrayDeque<>();
  private long buffered;
  private boolean ended;
  private boolean readPending;
  private boolean closed;
  private IOException failure;
  private Headers headers;
  private CancelToken.Registration registration;
  private boolean handedOut; // the caller got this response: its body's end is told to the listener
  private boolean endTold; // bodyEnded was told
  private boolean failTold; // callFailed was told for a failed body read
  private long bytesRead;

  H2Exchange(Request request, String endpoint, int highWater, long readTimeoutNanos, TransportListener listener) {
    this.listener = listener;
    this.request = request;
    this.endpoint = endpoint;
    this.highWater = highWater;
    this.readTimeoutNanos = readTimeoutNanos;
  }

  void attach(Http2StreamChannel ch) {
    lock.lock();
    try {
      this.channel = ch;
    } finally {
      lock.unlock();
    }
  }

  /** The engine hands this response to the caller: from now on, how its body ends is told. */
  void handOut() {
    lock.lock();
    try {
      handedOut = true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Whether the end of the body is to be told now: once, and only for a response handed out.
   * Called with {@link #lock} held; the listener itself is called after unlocking.
   */
  private boolean tellEndLocked() {
    if (!handedOut || endTold) {
      return false;
    }
    endTold = true;
    return true;
  }

  /** As {@link #tellEndLocked}, for the first failed read of the body. */
  private boolean tellFailureLocked() {
    if (!handedOut || failTold) {
      return false;
    }
    failTold = true;
    return true;
  }

  void registration(CancelToken.Registration r) {
    lock.lock();
    try {
      this.registration = r;
    } finally {
      lock.unlock();
    }
  }

  // ---------------------------------------------------------------- event loop side

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    lock.lock();
    try {
      readPending = true;
    } finally {
      lock.unlock();
    }
    ctx.read(); // the response head
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    lock.lock();
    try {
      if (msg instanceof Http2HeadersFrame) {
        Http2HeadersFrame f = (Http2HeadersFrame) msg;
        if (head == null) {
          int code = statusCode(f.headers().status());
          if (code >= 100 && code < 200) {
            return; // an interim answer (100 Continue): the real one follows
          }
          head = f.headers();
        } // else trailers: engines send none that matter
        if (f.isEndStream()) {
          ended = true;
        }
        changed.signalAll();
      } else if (msg instanceof Http2DataFrame) {
        Http2DataFrame f = (Http2DataFrame) msg;
        ByteBuf content = f.content();
        if (closed || !content.isReadable()) {
          f.release();
        } else {
          queue.add(content); // the frame's reference moves to the queue
          buffered += content.readableBytes();
        }
        if (f.isEndStream()) {
          ended = true;
        }
        changed.signalAll();
      } else {
        ReferenceCountUtil.release(msg);
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    boolean more;
    lock.lock();
    try {
      more = !ended && !closed && failure == null && buffered < highWater;
      readPending = more;
    } finally {
      lock.unlock();
    }
    if (more) {
      ctx.read();
    }
    ctx.fireChannelReadComplete();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof Http2ResetFrame) {
      long code = ((Http2ResetFrame) evt).errorCode();
      fail(new Http2StreamException(request + " to " + endpoint + ": the peer reset the stream ("
          + errorName(code) + ")", code, code == Http2Error.REFUSED_STREAM.code()));
    } else if (evt instanceof Http2GoAwayFrame) {
      long code = ((Http2GoAwayFrame) evt).errorCode();
      fail(new Http2StreamException(request + " to " + endpoint + ": the peer sent GOAWAY (" + errorName(code)
          + ") without processing this stream", code, true));
    }
    ReferenceCountUtil.release(evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    lock.lock();
    try {
      if (!ended && failure == null && !closed) {
        failure = new Http2StreamException(request + " to " + endpoint
            + ": the stream closed before the response ended (connection lost or closed by the peer)", -1, false);
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    fail(cause instanceof IOException ? (IOException) cause
        : new IOException(request + " to " + endpoint + ": HTTP/2 stream failed: " + cause, cause));
    ctx.close();
  }

  private static String errorName(long code) {
    Http2Error e = Http2Error.valueOf(code);
    return e == null ? "error code " + code : e.name();
  }

  // ---------------------------------------------------------------- caller side

  /** Fails the exchange (first failure wins) and wakes its waiters. */
  void fail(IOException e) {
    lock.lock();
    try {
      if (failure == null && !(ended && head != null && queue.isEmpty())) {
        failure = e;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits for the response head.
   *
   * @param deadline System.nanoTime() by which it must arrive, or 0 for no limit
   */
  void awaitHead(long deadline, CancelToken token) throws IOException {
    lock.lock();
    try {
      while (head == null) {
        if (failure != null) {
          if (token != null && token.isCancelled()) {
            CallCancelledException c = new CallCancelledException(request + " was cancelled");
            c.initCause(failure);
            throw c;
          }
          throw failure;
        }
        waitLocked(deadline, "no response head within the call or read timeout", "waiting for the response head");
      }
      int code = statusCode(head.status());
      if (code < 0) {
        throw new java.net.ProtocolException(request + " to " + endpoint + ": the response head has "
            + (head.status() == null ? "no :status" : "a malformed :status"));
      }
      status = code;
      headers = toHeaders(head);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits on {@link #changed} ({@link #lock} held by the caller) until signalled, or fails once
   * {@code deadline} (System.nanoTime(); 0 for none) has passed or the thread is interrupted.
   */
  private void waitLocked(long deadline, String timedOut, String doing) throws IOException {
    long wait = 0;
    if (deadline != 0) {
      wait = deadline - System.nanoTime();
      if (wait <= 0) {
        throw new SocketTimeoutException(request + " to " + endpoint + ": " + timedOut);
      }
    }
    try {
      if (wait == 0) {
        changed.await();
      } else {
        changed.awaitNanos(wait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException ie = new InterruptedIOException(request + " to " + endpoint + ": interrupted while " + doing);
      ie.initCause(e);
      throw ie;
    }
  }

  /** The three-digit status, or -1 when {@code st} is missing or is not three ASCII digits. */
  static int statusCode(CharSequence st) {
    if (st == null || st.length() != 3) {
      return -1;
    }
    int code = 0;
    for (int i = 0; i < 3; i++) {
      char c = st.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      code = code * 10 + (c - '0');
    }
    return code;
  }

  private static Headers toHeaders(Http2Headers h) {
    Headers.Builder b = Headers.builder();
    for (Map.Entry<CharSequence, CharSequence> e : h) {
      CharSequence name = e.getKey();
      if (name.length() > 0 && name.charAt(0) != ':') {
        b.add(name.toString(), e.getValue().toString());
      }
    }
    return b.build();
  }

  /** Closes the stream: RST_STREAM (CANCEL) when it is still open; other streams are untouched. */
  @Override
  public void close() {
    Http2StreamChannel ch;
    CancelToken.Registration r;
    boolean tell;
    boolean complete;
    long read;
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      tell = tellEndLocked();
      complete = ended && queue.isEmpty() && failure == null;
      read = bytesRead;
      for (ByteBuf b : queue) {
        b.release();
      }
      queue.clear();
      buffered = 0;
      ch = channel;
      r = registration;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    if (r != null) {
      r.remove();
    }
    if (tell) {
      listener.bodyEnded(request, read, complete);
    }
    if (ch != null) {
      ch.close();
      if (!ch.eventLoop().inEventLoop()) {
        try { // one hop to the event loop: the engine's stream counts are exact when close returns
          released.await(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  @Override
  public int status() {
    return status;
  }

  @Override
  public String reason() {
    return ""; // HTTP/2 has no reason phrase
  }

  @Override
  public Headers headers() {
    return headers;
  }

  @Override
  public ResponseBody body() {
    return this;
  }

  @Override
  public long contentLength() {
    int s = status();
    if (request.method().equals("HEAD") || s == 204 || s == 304) {
      return 0;
    }
    String v = headers.first("content-length");
    if (v != null) {
      try {
        return Long.parseLong(v.trim());
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    return -1;
  }

  @Override
  public String contentType() {
    return headers.first("content-type");
  }

  @Override
  public InputStream stream() {
    return body;
  }

  @Override
  public byte[] bytes(int maxBytes) throws IOException {
    try (this) {
      return body.readNBytes(maxBytes);
    }
  }

  @Override
  public String toString() {
    return "Http2Response[" + request + " " + (head == null ? "pending" : head.status()) + "]";
  }

  /** Reads the queued DATA frames; asks for more when the queue runs low. */
  private final class Body extends InputStream {
    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      java.util.Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) {
        return 0;
      }
      Http2StreamChannel pull = null;
      int n;
      boolean tell = false;
      IOException failed = null;
      long read;
      lock.lock();
      try {
        long deadline = readTimeoutNanos == 0 ? 0 : System.nanoTime() + readTimeoutNanos;
        while (true) {
          if (closed) {
            throw new IOException(request + ": the response was closed");
          }
          if (!queue.isEmpty()) {
            break;
          }
          if (failure != null) {
            tell = tellFailureLocked();
            failed = failure;
            break;
          }
          if (ended) {
            tell = tellEndLocked();
            break;
          }
          if (!readPending) {
            readPending = true;
            channel.read();
          }
          try {
            waitLocked(deadline, "no data within the read timeout", "reading the body");
          } catch (IOException e) {
            tell = tellFailureLocked();
            failed = e;
            break;
          }
        }
        if (failed != null || queue.isEmpty()) {
          n = -1;
          read = bytesRead;
        } else {
          ByteBuf first = queue.peek();
          n = Math.min(len, first.readableBytes());
          first.readBytes(b, off, n);
          if (!first.isReadable()) {
            queue.poll().release();
          }
          buffered -= n;
          bytesRead += n;
          read = bytesRead;
          if (!readPending && !ended && failure == null && buffered < highWater / 2) {
            readPending = true;
            pull = channel;
          }
        }
      } finally {
        lock.unlock();
      }
      if (tell) {
        if (failed != null) {
          listener.callFailed(request, failed);
        } else {
          listener.bodyEnded(request, read, true);
        }
      }
      if (failed != null) {
        throw failed;
      }
      if (pull != null) {
        pull.read();
      }
      return n;
    }

    @Override
    public int available() {
      lock.lock();
      try {
        return (int) Math.min(Integer.MAX_VALUE, buffered);
      } finally {
        lock.unlock();
      }
    }

    @Override
    public void close() {
      H2Exchange.this.close();
    }
  }

  /**
   * A java.util.concurrent future completed (normally) when {@code f} is done: a thread parks on
   * it (a virtual thread unmounts), where waiting on the Netty future would wait in its monitor.
   */
  static java.util.concurrent.CompletableFuture<Void> whenDone(io.netty.util.concurrent.Future<?> f) {
    java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
    f.addListener(x -> done.complete(null));
    return done;
  }

  /** For the engine: waits for a write and turns its failure into this stream's. */
  void await(ChannelFuture f) throws IOException {
    if (!f.isDone() && f.channel().eventLoop().inEventLoop()) {
      throw new IllegalStateException(request + ": a call may not wait on the HTTP/2 event loop");
    }
    try {
      whenDone(f).get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause()); // never: completed normally
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      InterruptedIOException ie = new InterruptedIOException(request + ": interrupted while sending the request");
      ie.initCause(e);
      throw ie;
    }
    if (!f.isSuccess()) {
      IOException known;
      lock.lock();
      try {
        known = failure;
      } finally {
        lock.unlock();
      }
      if (known != null) {
        throw known;
      }
      Throwable c = f.cause();
      throw new IOException(request + " to " + endpoint + ": sending on the HTTP/2 stream failed: " + c, c);
    }
  }
}
