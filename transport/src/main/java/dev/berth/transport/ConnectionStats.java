package dev.berth.transport;

/**
 * A snapshot of a pooled doer's connections: open now (idle and in use) and counts since it was
 * built. For gauges and counters; the numbers are read without a common lock, so they may be a
 * moment apart.
 */
public final class ConnectionStats {
  private final int open;
  private final int idle;
  private final long dialed;
  private final long reused;
  private final long evicted;

  /** A snapshot with these values. */
  public ConnectionStats(int open, int idle, long dialed, long reused, long evicted) {
    this.open = open;
    this.idle = idle;
    this.dialed = dialed;
    this.reused = reused;
    this.evicted = evicted;
  }

  /** Connections open now: idle in the pool, busy with a call, or held by a stream. */
  public int open() {
    return open;
  }

  /** Connections idle in the pool now. */
  public int idle() {
    return idle;
  }

  /** Connections busy now ({@code open - idle}, never negative). */
  public int inUse() {
    return Math.max(0, open - idle);
  }

  /** Connections dialed since the doer was built. */
  public long dialed() {
    return dialed;
  }

  /** Calls served by a pooled connection since the doer was built. */
  public long reused() {
    return reused;
  }

  /** Idle connections dropped from the pool since the doer was built. */
  public long evicted() {
    return evicted;
  }

  @Override
  public String toString() {
    return "ConnectionStats[open=" + open + ", idle=" + idle + ", dialed=" + dialed + ", reused="
        + reused + ", evicted=" + evicted + "]";
  }
}
