package dev.berth.client.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read and fails with {@link LimitExceeded} once more than a limit have been
 * read since the start or the last {@link #restart(long)}. Bounds what a JSON parser may read for
 * one document or one value of a stream, whatever the engine's headers claim. Not thread-safe.
 */
public final class CappedInput extends FilterInputStream {
  private final long limit;
  private long count;
  private long total;

  /** A stream over {@code in} allowing {@code limit} bytes between restarts. */
  public CappedInput(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  /**
   * Starts counting again for a stream's next value, which begins at byte {@code offset} of the
   * stream (what the parser consumed; it may have read ahead, and those bytes count for the next
   * value). A negative offset (unknown) counts from here.
   */
  public void restart(long offset) {
    count = offset < 0 || offset > total ? 0 : total - offset;
  }

  /** The limit in bytes. */
  public long limit() {
    return limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      total++;
    }
    if (b >= 0 && ++count > limit) {
      throw new LimitExceeded(limit);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    // one byte past the limit is enough to know it is exceeded
    int n = super.read(b, off, (int) Math.max(1, Math.min(len, limit - count + 1)));
    if (n > 0) {
      total += n;
      count += n;
      if (count > limit) {
        throw new LimitExceeded(limit);
      }
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] b = new byte[(int) Math.min(n, 8192)];
    int r = read(b, 0, b.length);
    return Math.max(r, 0);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** More than the limit was read. */
  public static final class LimitExceeded extends IOException {
    private static final long serialVersionUID = 1L;
    private final long limit;

    LimitExceeded(long limit) {
      super("more than " + limit + " bytes");
      this.limit = limit;
    }

    /** The limit in bytes. */
    public long limit() {
      return limit;
    }
  }
}
