package dev.berth.transport;

import java.io.IOException;

/**
 * How an observed response or raw stream ended (when the caller closed it): bytes moved, whether
 * it was read to its end, and the first read or write failure, if any. Closing a stream before its
 * end is not a failure.
 */
public final class StreamEnd {
  private final long bytesRead;
  private final long bytesWritten;
  private final boolean complete;
  private final IOException failure;

  /** An end with these values: for tests of a {@link Listener}, and for doers that observe. */
  public static StreamEnd of(long bytesRead, long bytesWritten, boolean complete, IOException failure) {
    return new StreamEnd(bytesRead, bytesWritten, complete, failure);
  }

  StreamEnd(long bytesRead, long bytesWritten, boolean complete, IOException failure) {
    this.bytesRead = bytesRead;
    this.bytesWritten = bytesWritten;
    this.complete = complete;
    this.failure = failure;
  }

  /** Bytes the caller read from the body or raw stream. */
  public long bytesRead() {
    return bytesRead;
  }

  /** Bytes the caller wrote to a raw stream; 0 for a response. */
  public long bytesWritten() {
    return bytesWritten;
  }

  /** Whether the caller read to the end of the stream (false when it closed it earlier). */
  public boolean isComplete() {
    return complete;
  }

  /** The first read or write failure, or {@code null}. */
  public IOException failure() {
    return failure;
  }

  @Override
  public String toString() {
    return "StreamEnd[read=" + bytesRead + ", written=" + bytesWritten + ", complete=" + complete
        + (failure == null ? "" : ", failure=" + failure.getClass().getName()) + "]";
  }

  /** Told once when an observed stream ends. Implementations must be quick and must not throw. */
  @FunctionalInterface
  public interface Listener {

    /** The stream was closed (after being read to its end, failing, or early). Called exactly once. */
    void ended(StreamEnd end);
  }
}
