package dev.berth.transport.http2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.transport.CallCancelledException;
import dev.berth.transport.CancelToken;
import dev.berth.transport.Endpoint;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A dial that never finishes (a TLS peer that accepts and says nothing) holds no call beyond its
 * own deadline or cancel token: neither the call dialling nor the calls waiting for that dial.
 * The peer is a plain TCP listener: a real server always answers a handshake. The connect timeout
 * is far longer than any bound here, so only the calls' own limits can end them; the bounded
 * waits on the results turn a hang into a failure, they assert no timing.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Http2DialTest {
  private static final Duration SHORT = Duration.ofMillis(300);
  private static final long BOUND = 20; // seconds: far below the doer's dial limit (2 x 60 s)

  private ServerSocket listener;
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  private final BlockingQueue<Socket> arrivals = new LinkedBlockingQueue<>();
  private Http2Doer doer;

  @BeforeEach
  void silentTlsPeer() throws IOException {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> {
      try {
        for (;;) {
          Socket s = listener.accept(); // and never a byte back
          accepted.add(s);
          arrivals.add(s);
        }
      } catch (IOException closed) {
        // the listener was closed: done
      }
    }, "silent-peer");
    acceptor.setDaemon(true);
    acceptor.start();
    doer = Http2Doer.builder(Endpoint.parse("https://127.0.0.1:" + listener.getLocalPort()))
        .connectTimeout(Duration.ofSeconds(60)).readTimeout(Duration.ofSeconds(60)).build();
  }

  @AfterEach
  void stop() throws IOException {
    doer.close();
    listener.close();
    for (Socket s : accepted) {
      s.close();
    }
  }

  /** Sends {@code request} on another thread; the future holds the exception it ended with. */
  private CompletableFuture<Throwable> call(Request request) {
    CompletableFuture<Throwable> f = new CompletableFuture<>();
    caller(request, f);
    return f;
  }

  /** The thread that sends {@code request} and completes {@code outcome} with the exception it ended with. */
  private Thread caller(Request request, CompletableFuture<Throwable> outcome) {
    Thread t = new Thread(() -> {
      try (Response r = doer.send(request)) {
        outcome.complete(new AssertionError("answered " + r.status()));
      } catch (Throwable e) {
        outcome.complete(e);
      }
    }, "caller");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** The socket of the next dial the peer accepted (the dial is then under way). */
  private Socket nextDial() throws InterruptedException {
    Socket s = arrivals.poll(BOUND, TimeUnit.SECONDS);
    assertTrue(s != null, "no dial reached the peer");
    return s;
  }

  private static Throwable outcome(CompletableFuture<Throwable> f) throws InterruptedException, ExecutionException {
    try {
      return f.get(BOUND, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the call was still held by the dial", e);
    }
  }

  /** Whether the client closed its end of {@code s} (the dial left nothing open). */
  private static boolean closedByClient(Socket s) throws IOException {
    s.setSoTimeout((int) TimeUnit.SECONDS.toMillis(BOUND));
    InputStream in = s.getInputStream();
    byte[] buf = new byte[4096];
    try {
      while (in.read(buf) >= 0) {
        // the ClientHello: read past it
      }
      return true;
    } catch (java.net.SocketException reset) {
      return true; // closed with unread data: a reset
    }
  }

  @Test
  void cancellingTheDiallingCallEndsItAndTheConnection() throws Exception {
    CancelToken token = new CancelToken();
    CompletableFuture<Throwable> f = call(Request.get("/_ping").cancelToken(token).build());
    Socket s = nextDial();
    token.cancel();
    Throwable e = outcome(f);
    assertInstanceOf(CallCancelledException.class, e, e::toString);
    assertTrue(closedByClient(s));
  }

  @Test
  void theCallTimeoutBoundsTheDial() throws Exception {
    Throwable e = outcome(call(Request.get("/_ping").callTimeout(SHORT).build()));
    assertInstanceOf(SocketTimeoutException.class, e, e::toString);
    assertTrue(closedByClient(nextDial()));
  }

  @Test
  void callsWaitingForADialKeepTheirOwnDeadlinesAndTokens() throws Exception {
    CancelToken first = new CancelToken();
    CompletableFuture<Throwable> dialling = call(Request.get("/_ping").cancelToken(first).build());
    Socket s = nextDial();

    // a call with a deadline behind the dial times out on its own deadline
    Throwable timedOut = outcome(call(Request.get("/_ping").callTimeout(SHORT).build()));
    assertInstanceOf(SocketTimeoutException.class, timedOut, timedOut::toString);

    // a call with a token behind the dial ends when its token is cancelled
    CancelToken second = new CancelToken();
    CompletableFuture<Throwable> waiting = new CompletableFuture<>();
    Thread waiter = caller(Request.get("/_ping").cancelToken(second).build(), waiting);
    while (waiter.getState() == Thread.State.NEW || waiter.getState() == Thread.State.RUNNABLE) {
      Thread.onSpinWait(); // until it waits (a cancel before it started would end it at once anyway)
    }
    second.cancel();
    Throwable cancelled = outcome(waiting);
    assertInstanceOf(CallCancelledException.class, cancelled, cancelled::toString);

    assertEquals(1, accepted.size(), "one dial at a time: the waiting calls dialled nothing");
    first.cancel();
    assertInstanceOf(CallCancelledException.class, outcome(dialling));
    assertTrue(closedByClient(s));

    // a failed dial leaves no trace: the next call dials anew
    Throwable next = outcome(call(Request.get("/_ping").callTimeout(SHORT).build()));
    assertInstanceOf(SocketTimeoutException.class, next, next::toString);
    assertTrue(closedByClient(nextDial()));
  }

  @Test
  void closingTheDoerEndsADialInProgress() throws Exception {
    CompletableFuture<Throwable> f = call(Request.get("/_ping").build());
    Socket s = nextDial();
    doer.close();
    assertInstanceOf(IOException.class, outcome(f));
    assertTrue(closedByClient(s));
  }
}
