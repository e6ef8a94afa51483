package dev.berth.transport.internal;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The one selector and the one timer of all channel connections in the JVM: a thread that waits
 * for a channel to become readable or writable parks (a virtual thread unmounts) after handing its
 * wish to the poller thread, which sleeps in the kernel until some channel is ready or the
 * nearest deadline passes, and then unparks exactly the threads concerned. An idle connection
 * thus costs its one file descriptor and a few small objects; nothing wakes periodically.
 *
 * <p>Threads only touch the selector's keys from the poller thread; others queue requests and
 * wake it.
 */
final class Poller {
  /** The outcome of {@link #await}. */
  enum Outcome { READY, TIMED_OUT, INTERRUPTED, CLOSED }

  private static final int WAITING = 0;
  private static final int READY = 1;
  private static final int TIMED_OUT = 2;
  private static final int GONE = 3; // interrupted or closed: the waiter left

  /** One channel's registration: at most one waiting reader and one waiting writer. */
  static final class Registration {
    final SelectableChannel channel;
    final AtomicReference<Waiter> reader = new AtomicReference<>();
    final AtomicReference<Waiter> writer = new AtomicReference<>();
    SelectionKey key; // poller thread only

    Registration(SelectableChannel channel) {
      this.channel = channel;
    }
  }

  static final class Waiter {
    final Thread thread = Thread.currentThread();
    final long deadline; // System.nanoTime(); 0: none
    final AtomicInteger state = new AtomicInteger(WAITING);
    final Registration registration;
    final boolean read;

    Waiter(Registration registration, boolean read, long deadline) {
      this.registration = registration;
      this.read = read;
      this.deadline = deadline;
    }

    /** Whether the waiting thread may already see its outcome and return. */
    boolean finished() {
      return state.get() != WAITING;
    }
  }

  private static final class Holder {
    static final Poller INSTANCE = new Poller();
  }

  static Poller get() {
    return Holder.INSTANCE;
  }

  private final Selector selector;
  private final ConcurrentLinkedQueue<Object> requests = new ConcurrentLinkedQueue<>();
  private final PriorityQueue<Waiter> deadlines = new PriorityQueue<>((a, b) -> Long.compare(a.deadline - b.deadline, 0));
  /** Waiters with a deadline that left the wait early (ready, interrupted, closed) and may still sit in {@link #deadlines}. */
  private final AtomicInteger leftEarly = new AtomicInteger();
  /** Whether a poller thread runs (or is about to). */
  private final java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * Tests only: called on the poller thread while it times a waiter out, between its two steps
   * (slot freed, outcome set), so a test can act at the one moment a wrong order would show.
   */
  static volatile java.util.function.Consumer<Waiter> timingOut;

  private Poller() {
    try {
      selector = Selector.open();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot open the connection poller's selector", e);
    }
  }

  /**
   * Wakes the poller thread, or starts one when none runs. The thread ends once it has nothing to
   * watch (no registered channel, no deadline): a thread blocked in the kernel's select would
   * otherwise hold up {@code System.exit} (HotSpot waits up to 300 ms for threads in native code)
   * long after the last connection closed.
   */
  private void wake() {
    if (!running.get() && running.compareAndSet(false, true)) {
      Thread t = new Thread(this::run, "berth-poller");
      t.setDaemon(true);
      t.start();
    } else {
      selector.wakeup();
    }
  }

  /**
   * Parks the calling thread until {@code registration}'s channel is ready for reading (or
   * writing), {@code deadline} (a {@link System#nanoTime()} value, 0 for none) passes, the thread
   * is interrupted, or {@code closed} says the connection was closed (its closer then calls
   * {@link #wakeAll}).
   */
  Outcome await(Registration registration, boolean read, long deadline, java.util.function.BooleanSupplier closed) {
    Waiter w = new Waiter(registration, read, deadline);
    AtomicReference<Waiter> slot = read ? registration.reader : registration.writer;
    if (!slot.compareAndSet(null, w)) {
      throw new IllegalStateException("another thread is already waiting to " + (read ? "read" : "write"));
    }
    requests.add(w);
    wake();
    for (;;) {
      int s = w.state.get();
      if (s == READY) {
        return Outcome.READY;
      }
      if (s == TIMED_OUT) {
        return Outcome.TIMED_OUT;
      }
      boolean interrupted = Thread.currentThread().isInterrupted();
      boolean isClosed = !interrupted && closed.getAsBoolean();
      if ((interrupted || isClosed) && w.state.compareAndSet(WAITING, GONE)) {
        slot.compareAndSet(w, null);
        if (deadline != 0) {
          leftEarly.incrementAndGet();
        }
        if (!isClosed) { // (a closer already asked the poller to let go of the channel)
          requests.add(registration); // drop the interest
          wake();
        }
        return interrupted ? Outcome.INTERRUPTED : Outcome.CLOSED;
      }
      LockSupport.park(this);
    }
  }

  /** Wakes the threads waiting on {@code registration} (its channel was closed) and lets the selector let go of it. */
  void wakeAll(Registration registration) {
    Waiter r = registration.reader.get();
    Waiter w = registration.writer.get();
    if (r != null) {
      LockSupport.unpark(r.thread);
    }
    if (w != null) {
      LockSupport.unpark(w.thread);
    }
    requests.add(registration);
    wake(); // a closed channel's descriptor is released once the selector drops its key
  }

  private void run() {
    for (;;) {
      try {
        Object q;
        while ((q = requests.poll()) != null) {
          if (q instanceof Waiter) {
            Waiter w = (Waiter) q;
            if (w.deadline != 0 && w.state.get() == WAITING) {
              deadlines.add(w);
            }
            update(w.registration);
          } else if (q instanceof Registration) {
            update((Registration) q);
          } else {
            ((Runnable) q).run(); // a test's task
          }
        }
        if (leftEarly.get() > 256 && leftEarly.get() > deadlines.size() / 2) {
          // finished waits would otherwise stay in the heap until their deadlines (60 s by default)
          leftEarly.set(0);
          deadlines.removeIf(w -> w.state.get() != WAITING);
        }
        long timeout = 0;
        long now = System.nanoTime();
        Waiter next;
        while ((next = deadlines.peek()) != null) {
          if (next.state.get() != WAITING) {
            deadlines.poll(); // done already
            continue;
          }
          long left = next.deadline - now;
          if (left > 0) {
            timeout = Math.max(1, left / 1_000_000);
            break;
          }
          deadlines.poll();
          // the slot is cleared before the state says TIMED_OUT (as release() does for READY): a
          // waiter that sees the outcome may wait again at once and must find its slot free
          if ((next.read ? next.registration.reader : next.registration.writer).compareAndSet(next, null)) {
            java.util.function.Consumer<Waiter> hook = timingOut;
            if (hook != null) {
              hook.accept(next);
            }
            if (next.state.compareAndSet(WAITING, TIMED_OUT)) {
              update(next.registration);
              LockSupport.unpark(next.thread);
            }
          }
        }
        if (deadlines.isEmpty() && selector.keys().stream().noneMatch(SelectionKey::isValid)) {
          selector.selectNow(); // lets go of cancelled keys, and so of closed channels' descriptors
          // nothing to watch: end this thread. A request queued after the drain above either saw
          // `running` still true (then it is in `requests` now and this thread takes it back up)
          // or saw it false and started the next thread (then the CAS below fails).
          running.set(false);
          if (requests.isEmpty() || !running.compareAndSet(false, true)) {
            return;
          }
          continue;
        }
        selector.select(this::ready, timeout);
      } catch (Throwable e) {
        // a selector failure (or an error such as OutOfMemoryError) must not end the thread every
        // connection and every read deadline relies on; back off briefly
        LockSupport.parkNanos(10_000_000L);
      }
    }
  }

  /** Tests only: runs {@code task} on the poller thread, after the requests queued before it. */
  void runOnPollerThread(Runnable task) {
    requests.add(task);
    wake();
  }

  /** Tests only, on the poller thread: how many deadlines of {@code r}'s waiters the heap holds. */
  int deadlinesHeldFor(Registration r) {
    int n = 0;
    for (Waiter w : deadlines) {
      if (w.registration == r) {
        n++;
      }
    }
    return n;
  }

  private void ready(SelectionKey key) {
    Registration r = (Registration) key.attachment();
    int ops;
    try {
      ops = key.readyOps();
    } catch (java.nio.channels.CancelledKeyException e) {
      ops = SelectionKey.OP_READ | SelectionKey.OP_WRITE;
    }
    if ((ops & SelectionKey.OP_READ) != 0) {
      release(r.reader);
    }
    if ((ops & SelectionKey.OP_WRITE) != 0) {
      release(r.writer);
    }
    update(r);
  }

  private void release(AtomicReference<Waiter> slot) {
    Waiter w = slot.get();
    if (w != null && slot.compareAndSet(w, null) && w.state.compareAndSet(WAITING, READY)) {
      if (w.deadline != 0) {
        leftEarly.incrementAndGet();
      }
      LockSupport.unpark(w.thread);
    }
  }

  /** Sets the key's interest to what its waiters want (poller thread only); level-triggered, so no waiter means no interest. */
  private void update(Registration r) {
    Waiter rw = r.reader.get();
    Waiter ww = r.writer.get();
    int interest = (rw != null && rw.state.get() == WAITING ? SelectionKey.OP_READ : 0)
        | (ww != null && ww.state.get() == WAITING ? SelectionKey.OP_WRITE : 0);
    SelectionKey key = r.key;
    if (!r.channel.isOpen()) {
      if (key != null) {
        key.cancel();
        r.key = null;
      }
      if (rw != null) {
        LockSupport.unpark(rw.thread);
      }
      if (ww != null) {
        LockSupport.unpark(ww.thread);
      }
      return;
    }
    try {
      if (key == null || !key.isValid()) {
        if (interest != 0) {
          r.key = r.channel.register(selector, interest, r);
        }
      } else if (key.interestOps() != interest) {
        key.interestOps(interest);
      }
    } catch (ClosedChannelException | java.nio.channels.CancelledKeyException e) {
      if (rw != null) {
        LockSupport.unpark(rw.thread);
      }
      if (ww != null) {
        LockSupport.unpark(ww.thread);
      }
    }
  }
}
