package dev.berth.transport.http2.internal;

import dev.berth.transport.CallCancelledException;
import dev.berth.transport.CancelToken;
import dev.berth.transport.Headers;
import dev.berth.transport.Request;
import dev.berth.transport.RequestBody;
import dev.berth.transport.Response;
import dev.berth.transport.TlsConfig;
import dev.berth.transport.TransportListener;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDomainSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.DefaultHttp2WindowUpdateFrame;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * The HTTP/2 engine behind {@code Http2Doer}: one Netty NIO event loop group (daemon threads),
 * one current connection that every call opens a stream on, and a new connection when the
 * current one is gone, has received GOAWAY or is at the peer's stream limit.
 */
public final class H2Engine {
  /** What the TLS peer chose by ALPN. */
  public enum Protocol { H2, HTTP1 }

  private static final AtomicInteger GROUPS = new AtomicInteger();
  private static final int CHUNK = 16 * 1024;
  private static final int MAX_REFUSALS = 3;
  private static final Set<String> CONNECTION_HEADERS =
      Set.of("connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "host", "te");

  private final SocketAddress address;
  private final String host;
  private final int port;
  private final TlsConfig tls;
  private final String endpoint;
  private final String authority;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration callTimeout;
  private final int streamWindow;
  private final int connectionWindow;
  private final EventLoopGroup group;
  private final TransportListener listener;
  private final List<H2Connection> connections = new CopyOnWriteArrayList<>();
  private final AtomicInteger openExchanges = new AtomicInteger();
  private final AtomicLong connectionIds = new AtomicLong();
  private final AtomicLong dialed = new AtomicLong();
  /** Short critical sections only (never held while dialling or waiting); not a monitor, which pins a virtual thread on JDK 21 to 23. */
  private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
  private H2Connection current; // guarded by lock
  private CompletableFuture<Void> dialing; // guarded by lock: completes when the dial under way ends
  private CompletableFuture<Void> dialWake; // guarded by lock: wakes the dial under way when the engine shuts down
  private Channel dialChannel; // guarded by lock: the channel of the dial under way
  private volatile Protocol negotiated;
  private volatile boolean closed;
  private volatile boolean groupDown;

  /**
   * @param unixSocket the socket path for h2c over a Unix socket, or null for TCP to host:port
   * @param tls TLS settings for h2 via ALPN, or null for h2c with prior knowledge
   * @param listener told about dials, streams and connections; guarded (it must not throw)
   */
  public H2Engine(Path unixSocket, String host, int port, TlsConfig tls, String endpoint, Duration connectTimeout,
      Duration readTimeout, Duration callTimeout, int streamWindow, int connectionWindow, int ioThreads,
      TransportListener listener) {
    this.listener = listener;
    this.address = unixSocket != null ? UnixDomainSocketAddress.of(unixSocket) : InetSocketAddress.createUnresolved(host, port);
    this.host = host;
    this.port = port;
    this.tls = tls;
    this.endpoint = endpoint;
    this.authority = unixSocket != null ? "localhost" : (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.callTimeout = callTimeout;
    this.streamWindow = streamWindow;
    this.connectionWindow = connectionWindow;
    this.group = new MultiThreadIoEventLoopGroup(ioThreads,
        new DefaultThreadFactory("berth-http2-" + GROUPS.incrementAndGet(), true), NioIoHandler.newFactory());
  }

  /** What ALPN chose, or null before the first TLS connection (always null for h2c). */
  public Protocol negotiated() {
    return negotiated;
  }

  /** Whether calls go over TLS. */
  public boolean isTls() {
    return tls != null;
  }

  /** Whether close() was called. */
  public boolean isClosed() {
    return closed;
  }

  /** Connections dialed so far. */
  public long dialed() {
    return dialed.get();
  }

  /** Connections currently open. */
  public int openConnections() {
    int n = 0;
    for (H2Connection c : connections) {
      if (c.channel.isOpen()) {
        n++;
      }
    }
    return n;
  }

  /** Responses handed out and not yet finished. */
  public int openStreams() {
    return openExchanges.get();
  }

  // ------------------------------------------------------------------------------- send

  /**
   * Sends {@code request} on a stream. Returns null (having sent nothing) when the TLS peer chose
   * HTTP/1.1 by ALPN: the caller then uses its HTTP/1.1 doer.
   */
  public Response send(Request request) throws IOException {
    try {
      return exchange(request);
    } catch (IOException e) {
      listener.callFailed(request, e);
      throw e;
    }
  }

  private Response exchange(Request request) throws IOException {
    if (closed) {
      throw new IllegalStateException("the HTTP/2 doer for " + endpoint + " is closed");
    }
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedIOException(request + ": the calling thread is interrupted");
    }
    CancelToken token = request.cancelToken();
    if (token != null && token.isCancelled()) {
      throw new CallCancelledException(request + " to " + endpoint + " was cancelled");
    }
    Duration call = request.callTimeout() != null ? request.callTimeout() : callTimeout;
    Duration read = request.readTimeout() != null ? request.readTimeout() : readTimeout;
    // the read timeout bounds the wait for the head; once it is in, a long stream may idle as
    // the request's body read timeout says (ZERO for follow logs, events, attach, wait)
    Duration bodyRead = request.bodyReadTimeout() != null ? request.bodyReadTimeout() : read;
    long deadline = call.isZero() ? 0 : System.nanoTime() + call.toNanos();
    boolean retried = false;
    int refusals = 0;
    while (true) {
      boolean[] dialedHere = new boolean[1];
      H2Connection conn = connection(request, deadline, token, dialedHere);
      if (conn == null) {
        return null;
      }
      H2Exchange ex = new H2Exchange(request, endpoint, Math.max(streamWindow, CHUNK), bodyRead.isZero() ? 0 : bodyRead.toNanos(),
          listener);
      Http2StreamChannel ch;
      try {
        ch = open(conn, ex, request);
      } catch (IOException | RuntimeException e) {
        release(conn);
        throw e;
      }
      listener.connectionAcquired(request, endpoint, !dialedHere[0]);
      boolean ok = false;
      try {
        if (token != null) {
          ex.registration(token.onCancel(() -> {
            ex.fail(new CallCancelledException(request + " was cancelled"));
            ex.close();
          }));
        }
        RequestBody body = request.body();
        ChannelFuture headFuture = ch.writeAndFlush(new DefaultHttp2HeadersFrame(headers(request), body == null));
        try {
          ex.await(headFuture);
        } catch (IOException e) {
          if (!retried && conn.goAwayReceived() && (body == null || body.isReplayable())) {
            retried = true; // GOAWAY raced with this stream: nothing left, so it goes on a new connection
            continue;
          }
          throw e;
        }
        if (body != null) {
          try (DataOutput out = new DataOutput(ch, ex)) {
            body.writeTo(out);
          }
        }
        listener.requestSent(request);
        long headDeadline = deadline;
        if (!read.isZero()) {
          long byRead = System.nanoTime() + read.toNanos();
          headDeadline = deadline == 0 ? byRead : Math.min(deadline, byRead);
        }
        try {
          ex.awaitHead(headDeadline, token);
        } catch (dev.berth.transport.http2.Http2StreamException e) {
          if (e.isRefused() && refusals < MAX_REFUSALS && (body == null || body.isReplayable())) {
            // the peer said it did not process the stream (GOAWAY after its request limit,
            // REFUSED_STREAM): sending it again cannot repeat an effect
            refusals++;
            continue;
          }
          if (e.errorCode() == -1 && !retried && idempotent(request.method()) && (body == null || body.isReplayable())) {
            // the connection went away before any answer (e.g. closed as drained or idle while
            // this stream left): a call that is safe to repeat goes once more on a new connection
            retried = true;
            continue;
          }
          throw e;
        }
        ok = true;
        ex.handOut();
        listener.responseHeadReceived(request, ex.status());
        return ex;
      } finally {
        if (!ok) {
          ex.close(); // RST_STREAM: a call that failed or timed out leaves nothing behind
        }
      }
    }
  }

  private static boolean idempotent(String method) {
    return method.equals("GET") || method.equals("HEAD") || method.equals("PUT") || method.equals("DELETE")
        || method.equals("OPTIONS");
  }

  private Http2Headers headers(Request request) {
    Http2Headers h = new DefaultHttp2Headers()
        .method(request.method())
        .path(request.target())
        .scheme(tls != null ? "https" : "http")
        .authority(authority);
    Headers given = request.headers();
    for (int i = 0; i < given.size(); i++) {
      String name = given.name(i).toLowerCase(Locale.ROOT);
      if (!CONNECTION_HEADERS.contains(name)) {
        h.add(name, given.value(i));
      }
    }
    RequestBody body = request.body();
    if (body != null) {
      if (body.contentType() != null && !h.contains("content-type")) {
        h.set("content-type", body.contentType());
      }
      if (body.contentLength() >= 0) {
        h.set("content-length", Long.toString(body.contentLength()));
      }
    }
    return h;
  }

  private Http2StreamChannel open(H2Connection conn, H2Exchange ex, Request request) throws IOException {
    Future<Http2StreamChannel> f = new Http2StreamChannelBootstrap(conn.channel)
        .option(ChannelOption.AUTO_READ, false)
        .handler(ex)
        .open();
    awaitUninterruptibly(f, request);
    if (!f.isSuccess()) {
      throw new IOException(request + " to " + endpoint + ": cannot open an HTTP/2 stream: " + f.cause(), f.cause());
    }
    Http2StreamChannel ch = f.getNow();
    ex.attach(ch);
    openExchanges.incrementAndGet();
    ch.closeFuture().addListener(done -> {
      release(conn);
      try {
        listener.connectionReleased(endpoint);
      } finally { // even an Error from the listener leaves nothing undone
        if (openExchanges.decrementAndGet() == 0 && closed) {
          shutdown();
        }
        ex.released.countDown();
      }
    });
    return ch;
  }

  private static void awaitUninterruptibly(Future<?> f, Request request) throws IOException {
    // opening a stream is a hop to the event loop, never a wait on the peer
    CompletableFuture<Void> done = H2Exchange.whenDone(f);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    boolean interrupted = false;
    try {
      while (true) {
        try {
          done.get(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
          return;
        } catch (InterruptedException e) {
          interrupted = true; // kept for the caller; the hop is short
        } catch (java.util.concurrent.TimeoutException e) {
          throw new IOException(request + ": the HTTP/2 event loop did not answer");
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException(e.getCause()); // never: completed normally
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Writes a request body as DATA frames; Netty holds them until the peer's window allows. */
  private static final class DataOutput extends OutputStream {
    private final Http2StreamChannel ch;
    private final H2Exchange ex;
    private final byte[] buf = new byte[CHUNK];
    private int n;
    private ChannelFuture inFlight;
    private boolean done;

    DataOutput(Http2StreamChannel ch, H2Exchange ex) {
      this.ch = ch;
      this.ex = ex;
    }

    @Override
    public void write(int b) throws IOException {
      if (n == buf.length) {
        send(false);
      }
      buf[n++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      java.util.Objects.checkFromIndexSize(off, len, b.length);
      while (len > 0) {
        if (n == buf.length) {
          send(false);
        }
        int k = Math.min(len, buf.length - n);
        System.arraycopy(b, off, buf, n, k);
        n += k;
        off += k;
        len -= k;
      }
    }

    private void send(boolean end) throws IOException {
      if (done) {
        throw new IOException("the request body was already sent");
      }
      ChannelFuture f = ch.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.copiedBuffer(buf, 0, n), end));
      n = 0;
      if (inFlight != null) {
        ex.await(inFlight); // at most two chunks in flight: memory stays bounded however large the body
      }
      inFlight = f;
      if (end) {
        done = true;
        ex.await(f);
      }
    }

    @Override
    public void close() throws IOException {
      if (!done) {
        send(true);
      }
    }
  }

  // ------------------------------------------------------------------------------- connections

  /**
   * Frees a stream slot taken by {@link #connection()}; closes a connection that has drained
   * after GOAWAY (the peer would close it too, maybe later).
   */
  private static void release(H2Connection conn) {
    if (conn.streams.decrementAndGet() == 0 && conn.goAwayReceived()) {
      conn.close();
    }
  }

  /**
   * The connection for a new stream with a slot taken for it (so that it is not closed as
   * drained meanwhile; {@link #release} frees it), dialing when needed; null when ALPN chose
   * HTTP/1.1. One call dials at a time, outside the lock; the others wait for that dial within
   * their own deadline and cancel token, and dial themselves when it failed. Sets
   * {@code dialedHere[0]} when this call dialed the connection returned.
   */
  private H2Connection connection(Request request, long deadline, CancelToken token, boolean[] dialedHere)
      throws IOException {
    while (true) {
      CompletableFuture<Void> inProgress;
      CompletableFuture<Void> mine = null;
      lock.lock();
      try {
        if (negotiated == Protocol.HTTP1) {
          return null;
        }
        if (closed) {
          throw new IllegalStateException("the HTTP/2 doer for " + endpoint + " is closed");
        }
        if (current != null && current.usable()) {
          current.streams.incrementAndGet();
          return current;
        }
        inProgress = dialing;
        if (inProgress == null) {
          dialing = mine = new CompletableFuture<>();
        }
      } finally {
        lock.unlock();
      }
      if (mine == null) {
        awaitDial(inProgress, request, deadline, token);
        continue; // look again: the new connection, or a dial of this call's own
      }
      H2Connection c = null;
      boolean kept = false;
      try {
        c = dialTold(request, deadline, token);
      } finally {
        lock.lock();
        try {
          if (c != null && !closed) {
            current = c;
            c.streams.incrementAndGet();
            kept = true;
          }
          dialing = null;
        } finally {
          lock.unlock();
        }
        mine.complete(null); // the waiters look again (and one of them dials when this one failed)
      }
      if (c == null) {
        return null; // ALPN chose HTTP/1.1
      }
      if (!kept) {
        c.close();
        throw new IllegalStateException("the HTTP/2 doer for " + endpoint + " is closed");
      }
      dialedHere[0] = true;
      return c;
    }
  }

  /** {@link #dial}, told to the listener: start, then end or failure. */
  private H2Connection dialTold(Request request, long deadline, CancelToken token) throws IOException {
    listener.dialStart(request, endpoint);
    long start = System.nanoTime();
    H2Connection c;
    try {
      c = dial(request, deadline, token);
    } catch (IOException e) {
      listener.dialFailed(request, endpoint, System.nanoTime() - start, e);
      throw e;
    }
    listener.dialEnd(request, endpoint, System.nanoTime() - start);
    return c;
  }

  /** Waits for another call's dial to end, within this call's deadline and cancel token. */
  private void awaitDial(CompletableFuture<Void> dial, Request request, long deadline, CancelToken token)
      throws IOException {
    CompletableFuture<Void> wake = new CompletableFuture<>();
    dial.whenComplete((v, t) -> wake.complete(null));
    CancelToken.Registration r = token == null ? null : token.onCancel(() -> wake.complete(null));
    try {
      waitFor(wake, deadline, request + " to " + endpoint + ": no connection within the call timeout (waiting for a dial)",
          "waiting for a connection");
    } finally {
      if (r != null) {
        r.remove();
      }
    }
    if (token != null && token.isCancelled()) {
      throw new CallCancelledException(request + " to " + endpoint + " was cancelled while waiting for a connection");
    }
  }

  /**
   * Waits for {@code f} until {@code deadline} (System.nanoTime(); 0 for none), parking on a
   * java.util.concurrent future (a virtual thread unmounts; a Netty future's monitor would pin it).
   */
  private void waitFor(CompletableFuture<?> f, long deadline, String timedOut, String doing) throws IOException {
    try {
      if (deadline == 0) {
        f.get();
      } else {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new java.util.concurrent.TimeoutException();
        }
        f.get(left, TimeUnit.NANOSECONDS);
      }
    } catch (java.util.concurrent.TimeoutException e) {
      throw new SocketTimeoutException(timedOut);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException ie = new InterruptedIOException("interrupted while " + doing + " to " + endpoint);
      ie.initCause(e);
      throw ie;
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause()); // never: these futures complete normally
    }
  }

  /**
   * Dials a connection within the connect timeout (connect, then TLS handshake), the call's
   * {@code deadline} and its cancel token; null when ALPN chose HTTP/1.1.
   */
  private H2Connection dial(Request request, long deadline, CancelToken token) throws IOException {
    Promise<Object> ready = group.next().newPromise();
    Http2FrameCodec[] codec = new Http2FrameCodec[1];
    SSLEngine[] engine = new SSLEngine[1];
    Bootstrap b = new Bootstrap()
        .group(group)
        .channel(address instanceof UnixDomainSocketAddress ? NioDomainSocketChannel.class : NioSocketChannel.class)
        .handler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            if (tls == null) {
              codec[0] = addHttp2(ch.pipeline());
              ready.trySuccess(Protocol.H2);
              return;
            }
            SSLEngine e = tls.createEngine(host, port);
            SSLParameters p = e.getSSLParameters();
            p.setApplicationProtocols(new String[] {"h2", "http/1.1"});
            e.setSSLParameters(p);
            engine[0] = e;
            SslHandler ssl = new SslHandler(e);
            if (!connectTimeout.isZero()) {
              ssl.setHandshakeTimeoutMillis(connectTimeout.toMillis());
            }
            ch.pipeline().addLast("tls", ssl);
            ch.pipeline().addLast("alpn", new ChannelInboundHandlerAdapter() {
              @Override
              public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                if (evt instanceof SslHandshakeCompletionEvent) {
                  SslHandshakeCompletionEvent done = (SslHandshakeCompletionEvent) evt;
                  ctx.pipeline().remove(this);
                  if (!done.isSuccess()) {
                    ready.tryFailure(done.cause());
                    return;
                  }
                  String chosen = e.getApplicationProtocol();
                  if ("h2".equals(chosen)) {
                    // added here, in the event loop, before the peer's SETTINGS can be read
                    codec[0] = addHttp2(ctx.pipeline());
                    ready.trySuccess(Protocol.H2);
                  } else {
                    ready.trySuccess(Protocol.HTTP1);
                  }
                } else {
                  ctx.fireUserEventTriggered(evt);
                }
              }
            });
          }
        });
    if (!connectTimeout.isZero()) {
      b.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
    }
    SocketAddress target = address instanceof InetSocketAddress
        ? new InetSocketAddress(host, port) : address;
    // done once connected and ready (handshake and ALPN), or once either failed, on cancel or on close
    CompletableFuture<Void> done = new CompletableFuture<>();
    ChannelFuture cf;
    lock.lock();
    try {
      if (groupDown) {
        throw new IllegalStateException("the HTTP/2 doer for " + endpoint + " is closed");
      }
      // connecting only queues work for the event loop; under the lock, so that close() sees the
      // channel and closes it while the loop still runs (a shut-down loop would leave it open)
      cf = b.connect(target);
      dialChannel = cf.channel();
      dialWake = done;
    } finally {
      lock.unlock();
    }
    Channel ch = cf.channel();
    cf.addListener(f -> {
      if (f.isSuccess()) {
        ready.addListener(r -> done.complete(null));
      } else {
        done.complete(null);
      }
    });
    CancelToken.Registration cancel = token == null ? null : token.onCancel(() -> done.complete(null));
    boolean ok = false;
    try {
      long limit = connectTimeout.isZero() ? 0 : System.nanoTime() + connectTimeout.toNanos() * 2;
      long until = limit == 0 ? deadline : deadline == 0 ? limit : Math.min(limit, deadline);
      try {
        waitFor(done, until, "", "connecting");
      } catch (SocketTimeoutException e) {
        String which = until == deadline ? "within the call timeout" : "within twice the connect timeout";
        throw new SocketTimeoutException(request + " to " + endpoint + ": "
            + (cf.isDone() ? "no TLS handshake " + which + " (does it speak TLS?)" : "no connection " + which));
      }
      if (token != null && token.isCancelled()) {
        throw new CallCancelledException(request + " to " + endpoint + " was cancelled while connecting");
      }
      if (groupDown) {
        throw new IOException(request + " to " + endpoint + ": the HTTP/2 doer was closed while connecting");
      }
      if (!cf.isSuccess()) {
        Throwable c = cf.cause();
        if (c instanceof io.netty.channel.ConnectTimeoutException) {
          SocketTimeoutException t = new SocketTimeoutException("connecting to " + endpoint + " timed out");
          t.initCause(c);
          throw t;
        }
        throw new IOException("cannot connect to " + endpoint + ": " + c.getMessage(), c);
      }
      if (!ready.isSuccess()) {
        Throwable c = ready.cause();
        throw new IOException("TLS handshake with " + endpoint + " failed: " + c.getMessage(), c);
      }
      dialed.incrementAndGet();
      ch.closeFuture().addListener(x -> listener.connectionClosed(endpoint));
      if (ready.getNow() == Protocol.HTTP1) {
        negotiated = Protocol.HTTP1;
        return null; // closed below: the HTTP/1.1 doer dials its own connections
      }
      if (tls != null) {
        negotiated = Protocol.H2;
      }
      // a large connection window: a stalled stream holds back only its own stream window
      int grow = connectionWindow - Http2CodecUtilDefaults.WINDOW;
      if (grow > 0) {
        ch.writeAndFlush(new DefaultHttp2WindowUpdateFrame(grow));
      }
      H2Connection conn = new H2Connection(ch, codec[0], connectionIds.incrementAndGet());
      ch.pipeline().addLast("tail", conn.new Tail());
      connections.add(conn);
      ch.closeFuture().addListener(x -> connections.remove(conn));
      ok = true;
      return conn;
    } finally {
      lock.lock();
      try {
        if (dialWake == done) {
          dialWake = null;
          dialChannel = null;
        }
      } finally {
        lock.unlock();
      }
      if (cancel != null) {
        cancel.remove();
      }
      if (!ok) {
        ch.close();
      }
    }
  }

  /** The default initial window of RFC 9113 (65,535 bytes). */
  private static final class Http2CodecUtilDefaults {
    static final int WINDOW = 65_535;
  }

  private Http2FrameCodec addHttp2(ChannelPipeline p) {
    Http2FrameCodec codec = Http2FrameCodecBuilder.forClient()
        .initialSettings(Http2Settings.defaultSettings().pushEnabled(false).initialWindowSize(streamWindow))
        .build();
    p.addLast("h2", codec);
    p.addLast("streams", new Http2MultiplexHandler(new ChannelInboundHandlerAdapter()));
    return codec;
  }

  // ------------------------------------------------------------------------------- close

  /**
   * Refuses new calls; closes the connections and stops the event loop threads now when no
   * response is open, else once the last one finishes.
   */
  public void close() {
    closed = true;
    if (openExchanges.get() == 0) {
      shutdown();
      if (!inEventLoop()) {
        group.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
      }
    }
  }

  private boolean inEventLoop() {
    for (io.netty.util.concurrent.EventExecutor e : group) {
      if (e.inEventLoop()) {
        return true;
      }
    }
    return false;
  }

  private void shutdown() {
    CompletableFuture<Void> wake;
    Channel dialled;
    lock.lock();
    try {
      if (groupDown) {
        return;
      }
      groupDown = true;
      current = null;
      wake = dialWake;
      dialled = dialChannel;
    } finally {
      lock.unlock();
    }
    if (dialled != null) {
      dialled.close(); // queued before the loop shuts down, so it runs
    }
    if (wake != null) {
      wake.complete(null); // the dial under way fails now, whatever its handshake hears
    }
    List<H2Connection> all = new ArrayList<>(connections);
    for (H2Connection c : all) {
      c.close();
    }
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
  }

  @Override
  public String toString() {
    return endpoint;
  }
}
