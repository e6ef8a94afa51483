package dev.berth.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.transport.internal.Poller.Outcome;
import dev.berth.transport.internal.Poller.Registration;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The shared poller's bookkeeping, made deterministic with its test hooks: no sleeps, no timing
 * assertions; the bounded waits below only keep a broken poller from hanging the build.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PollerTest {
  private static final long FAR = TimeUnit.MINUTES.toNanos(10);

  private final Poller poller = Poller.get();

  @AfterEach
  void unhook() {
    Poller.timingOut = null;
  }

  private static Pipe pipe() throws Exception {
    Pipe p = Pipe.open();
    p.source().configureBlocking(false);
    return p;
  }

  /** Runs {@code task} on the poller thread and returns its result. */
  private <T> T onPoller(java.util.function.Supplier<T> task) throws Exception {
    CompletableFuture<T> f = new CompletableFuture<>();
    poller.runOnPollerThread(() -> f.complete(task.get()));
    return f.get(30, TimeUnit.SECONDS);
  }

  @Test
  void aWaiterThatTimedOutMayWaitAgainOnTheSameChannelAtOnce() throws Exception {
    // the pool's stale probe waits 1 ms on an idle connection, and the next call on it waits
    // again right away: the slot must be free by the time the timeout can be seen
    Pipe p = pipe();
    try (Pipe.SourceChannel source = p.source(); Pipe.SinkChannel sink = p.sink()) {
      Registration reg = new Registration(source);
      AtomicInteger hookCalls = new AtomicInteger();
      AtomicReference<Throwable> againFailed = new AtomicReference<>();
      Poller.timingOut = w -> {
        if (w.registration != reg) {
          return;
        }
        hookCalls.incrementAndGet();
        if (w.finished()) {
          // the waiting thread could return now and wait again at once: do just that here (with
          // a closed-check that lets it leave straight away, since this is the poller thread)
          try {
            assertEquals(Outcome.CLOSED, poller.await(reg, true, 0, () -> true));
          } catch (Throwable t) {
            againFailed.set(t);
          }
        }
      };
      for (int i = 0; i < 3; i++) {
        assertEquals(Outcome.TIMED_OUT, poller.await(reg, true, System.nanoTime() + 1_000_000L, () -> false));
      }
      assertEquals(3, hookCalls.get(), "every timeout went through the hook");
      assertNull(againFailed.get(), () -> "waiting again after the timeout was seen failed: " + againFailed.get());
      // and a reader is still woken for data afterwards
      sink.write(ByteBuffer.wrap(new byte[] {1}));
      assertEquals(Outcome.READY, poller.await(reg, true, System.nanoTime() + FAR, () -> false));
      source.close();
      poller.wakeAll(reg); // as a connection's close does: the selector lets go of the channel
    }
  }

  @Test
  void waitsThatEndEarlyDoNotPileUpInTheDeadlineHeap() throws Exception {
    Pipe quiet = pipe();
    Pipe busy = pipe();
    try (Pipe.SourceChannel quietSource = quiet.source(); Pipe.SinkChannel quietSink = quiet.sink();
        Pipe.SourceChannel source = busy.source(); Pipe.SinkChannel sink = busy.sink()) {
      // an idle connection whose deadline comes first keeps every later deadline below the heap's top
      Registration idle = new Registration(quietSource);
      CompletableFuture<Outcome> idleOutcome = new CompletableFuture<>();
      Thread idler = new Thread(() -> idleOutcome.complete(
          poller.await(idle, true, System.nanoTime() + FAR, () -> !quietSource.isOpen())), "idle-waiter");
      idler.start();
      while (onPoller(() -> poller.deadlinesHeldFor(idle)) == 0) {
        Thread.onSpinWait(); // until the idle waiter's request has reached the heap
      }
      Registration reg = new Registration(source);
      int waits = 2000;
      ByteBuffer one = ByteBuffer.allocate(1);
      for (int i = 0; i < waits; i++) {
        sink.write(ByteBuffer.wrap(new byte[] {1}));
        assertEquals(Outcome.READY, poller.await(reg, true, System.nanoTime() + 2 * FAR, () -> false));
        one.clear();
        assertEquals(1, source.read(one));
      }
      int held = onPoller(() -> poller.deadlinesHeldFor(reg));
      assertTrue(held < waits / 2, held + " of " + waits + " finished waits still sit in the deadline heap");
      quietSource.close();
      poller.wakeAll(idle);
      source.close();
      poller.wakeAll(reg);
      assertEquals(Outcome.CLOSED, idleOutcome.get(30, TimeUnit.SECONDS));
    }
  }

  @Test
  void anErrorOnThePollerThreadDoesNotEndIt() throws Exception {
    CountDownLatch thrown = new CountDownLatch(1);
    poller.runOnPollerThread(() -> {
      thrown.countDown();
      throw new StackOverflowError("thrown on purpose by PollerTest");
    });
    assertTrue(thrown.await(30, TimeUnit.SECONDS));
    Pipe p = pipe();
    try (Pipe.SourceChannel source = p.source(); Pipe.SinkChannel sink = p.sink()) {
      Registration reg = new Registration(source);
      // deadlines still fire and data still wakes readers: run on another thread, so that a dead
      // poller fails this test instead of hanging it
      CompletableFuture<Outcome> timedOut = CompletableFuture.supplyAsync(
          () -> poller.await(reg, true, System.nanoTime() + 1_000_000L, () -> false));
      assertEquals(Outcome.TIMED_OUT, timedOut.get(20, TimeUnit.SECONDS));
      sink.write(ByteBuffer.wrap(new byte[] {1}));
      CompletableFuture<Outcome> ready = CompletableFuture.supplyAsync(
          () -> poller.await(reg, true, System.nanoTime() + FAR, () -> false));
      assertEquals(Outcome.READY, ready.get(20, TimeUnit.SECONDS));
      source.close();
      poller.wakeAll(reg);
    }
  }
}
