package dev.berth.transport.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import dev.berth.transport.TransportListener;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Idle keep-alive connections of one endpoint, most recently used first. Bounded; connections idle
 * longer than the keep-alive time are evicted when the pool is next touched (no background thread).
 */
final class ConnectionPool {
  /** An idle connection older than this is probed before reuse (costs up to a millisecond). */
  static final long PROBE_AFTER_NANOS = 1_000_000_000L;
  /**
   * The same for requests that must not be sent twice (POST): a request the engine may have
   * received is never retried, so a connection the engine might have dropped is checked first.
   */
  static final long PROBE_UNSAFE_AFTER_NANOS = 50_000_000L;

  private final ReentrantLock lock = new ReentrantLock(); // not synchronized: virtual threads
  private final ArrayDeque<HttpConnection> idle = new ArrayDeque<>();
  private final int maxIdle;
  private final long keepAliveNanos;
  private boolean closed;
  private final TransportListener listener;
  private final String endpoint;
  private final AtomicLong evicted = new AtomicLong();

  ConnectionPool(int maxIdle, long keepAliveNanos) {
    this(maxIdle, keepAliveNanos, TransportListener.NONE, "");
  }

  ConnectionPool(int maxIdle, long keepAliveNanos, TransportListener listener, String endpoint) {
    this.maxIdle = maxIdle;
    this.keepAliveNanos = keepAliveNanos;
    this.listener = listener;
    this.endpoint = endpoint;
  }

  long evictedCount() {
    return evicted.get();
  }

  private void evict(HttpConnection c) {
    evicted.incrementAndGet();
    listener.connectionEvicted(endpoint);
    c.close();
  }

  /** A healthy idle connection, or null. */
  HttpConnection acquire(boolean idempotent) {
    long probeAfter = idempotent ? PROBE_AFTER_NANOS : PROBE_UNSAFE_AFTER_NANOS;
    List<HttpConnection> discard = null;
    HttpConnection found = null;
    long now = System.nanoTime();
    lock.lock();
    try {
      HttpConnection c;
      while ((c = idle.pollFirst()) != null) {
        long idleFor = now - c.idleSince;
        if (idleFor > keepAliveNanos || c.isClosed()) {
          if (discard == null) {
            discard = new ArrayList<>();
          }
          discard.add(c);
          continue;
        }
        found = c;
        break;
      }
    } finally {
      lock.unlock();
    }
    if (discard != null) {
      discard.forEach(this::evict);
    }
    if (found != null && (found.hasUnsolicitedBytes()
        || (now - found.idleSince > probeAfter && found.isStale()))) {
      evict(found);
      return acquire(idempotent);
    }
    return found;
  }

  void release(HttpConnection c) {
    HttpConnection dropped = null;
    HttpConnection oldest = null;
    c.idleSince = System.nanoTime();
    c.shrinkBuffer();
    lock.lock();
    try {
      if (closed || maxIdle == 0 || c.buffered() > 0) { // bytes past the response: out of step
        dropped = c;
      } else {
        if (idle.size() >= maxIdle) {
          oldest = idle.pollLast();
        }
        idle.addFirst(c);
      }
    } finally {
      lock.unlock();
    }
    if (dropped != null) {
      dropped.close(); // never pooled: closed, not evicted
    } else {
      listener.connectionReleased(endpoint);
    }
    if (oldest != null) {
      evict(oldest);
    }
  }

  int idleCount() {
    lock.lock();
    try {
      return idle.size();
    } finally {
      lock.unlock();
    }
  }

  void evictAll() {
    List<HttpConnection> all;
    lock.lock();
    try {
      all = new ArrayList<>(idle);
      idle.clear();
    } finally {
      lock.unlock();
    }
    all.forEach(this::evict);
  }

  void close() {
    lock.lock();
    try {
      closed = true;
    } finally {
      lock.unlock();
    }
    evictAll();
  }
}
