package dev.berth.tracing.micrometer;

import dev.berth.transport.Request;
import dev.berth.transport.StreamEnd;
import io.micrometer.observation.Observation;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a {@link BerthObservationConvention} sees of one call: the request, the status and engine
 * once the response head arrived, the bytes moved when the body or raw stream ended, and the
 * error ({@link #getError()}): the transport's {@code IOException} or the client's typed
 * {@link dev.berth.client.BerthException}. Filled in by the decorator; read it, do not modify it.
 *
 * <p>Only {@link #request()} may hold identifiers and credentials (path, headers); a convention
 * must never turn those into key values.
 */
public final class BerthRequestContext extends Observation.Context {
  private final Request request;
  private final boolean raw;
  private volatile int status;
  private volatile String engine = "unknown";
  private volatile long bytesRead;
  private volatile long bytesWritten;
  private volatile boolean complete;

  // the decorator's bookkeeping
  Observation observation;
  final AtomicBoolean stopped = new AtomicBoolean();

  BerthRequestContext(Request request, boolean raw) {
    this.request = request;
    this.raw = raw;
  }

  /** The request as the doer was given it (with the version prefix when sent by a client). */
  public Request request() {
    return request;
  }

  /** Whether this is a hijacked raw stream (attach, exec start) rather than a plain response. */
  public boolean isRaw() {
    return raw;
  }

  /** The HTTP status, or 0 when no response head arrived. */
  public int status() {
    return status;
  }

  /**
   * The engine that answered, from the product token of the response's {@code Server} header:
   * {@code docker}, {@code podman} or {@code unknown}. Answers without the header (Docker's 101
   * for attach has none) get the engine the same doer saw last.
   */
  public String engine() {
    return engine;
  }

  /** Bytes the caller read from the body or raw stream; known when the stream ended. */
  public long bytesRead() {
    return bytesRead;
  }

  /** Bytes the caller wrote to a raw stream (stdin). */
  public long bytesWritten() {
    return bytesWritten;
  }

  /** Whether the body was read to its end (false when the caller closed it earlier). */
  public boolean isComplete() {
    return complete;
  }

  void responded(int status, String engine) {
    this.status = status;
    this.engine = engine;
  }

  void ended(StreamEnd end) {
    bytesRead = end.bytesRead();
    bytesWritten = end.bytesWritten();
    complete = end.isComplete();
  }

  static String engineOf(String server) {
    if (server == null) {
      return "unknown";
    }
    if (server.regionMatches(true, 0, "Docker/", 0, 7)) {
      return "docker";
    }
    if (server.regionMatches(true, 0, "Libpod/", 0, 7)) {
      return "podman";
    }
    return "unknown";
  }

  @Override
  public String toString() {
    return "BerthRequestContext[" + request + ", status=" + status + ", engine=" + engine + "]";
  }
}
