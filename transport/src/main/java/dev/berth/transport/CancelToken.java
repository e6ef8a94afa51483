package dev.berth.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Cancels calls from another thread. Set it on requests with {@link Request.Builder#cancelToken};
 * {@link #cancel()} then ends every call using it: one waiting for its response head fails with
 * {@link CallCancelledException} within moments, a body or raw stream being read fails, and the
 * connection is closed, never reused. A call started with a cancelled token fails at once.
 * Cancelling is permanent and idempotent; one token may serve many calls (cancel them as a group).
 * Thread-safe.
 *
 * <p>Transports (built-in or user-written) take part through {@link #onCancel}.
 */
public final class CancelToken {
  private final ReentrantLock lock = new ReentrantLock(); // not synchronized: virtual threads
  private volatile boolean cancelled;
  private List<Runnable> actions;

  /** A token not yet cancelled. */
  public CancelToken() {}

  /** Whether {@link #cancel()} was called. */
  public boolean isCancelled() {
    return cancelled;
  }

  /** Cancels every call using this token, now and later. Idempotent; never throws. */
  public void cancel() {
    List<Runnable> run;
    lock.lock();
    try {
      if (cancelled) {
        return;
      }
      cancelled = true;
      run = actions;
      actions = null;
    } finally {
      lock.unlock();
    }
    if (run != null) {
      for (Runnable r : run) {
        try {
          r.run();
        } catch (RuntimeException ignored) {
          // one transport's failure to close must not keep the others running
        }
      }
    }
  }

  /**
   * Runs {@code action} (typically: close the connection a call uses) when the token is
   * cancelled, or at once on this thread when it already is. Remove the registration when the
   * call no longer needs it (the connection went back to a pool).
   */
  public Registration onCancel(Runnable action) {
    lock.lock();
    try {
      if (!cancelled) {
        if (actions == null) {
          actions = new ArrayList<>(2);
        }
        actions.add(action);
        return () -> remove(action);
      }
    } finally {
      lock.unlock();
    }
    action.run();
    return () -> { };
  }

  private void remove(Runnable action) {
    lock.lock();
    try {
      if (actions != null) {
        for (int i = 0; i < actions.size(); i++) {
          if (actions.get(i) == action) {
            actions.remove(i);
            return;
          }
        }
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    return cancelled ? "CancelToken[cancelled]" : "CancelToken[active]";
  }

  /** An action registered with {@link #onCancel}. */
  @FunctionalInterface
  public interface Registration {

    /** Forgets the action; idempotent. */
    void remove();
  }
}
