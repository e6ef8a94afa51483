package dev.berth.transport;

import java.io.IOException;
import java.util.Objects;

/**
 * A {@link Doer} that hands every call to another one: the base of a decorator. Override what the
 * decorator changes and call {@code super} (or {@link #delegate()}) for the rest.
 *
 * <pre>{@code
 * final class Timing extends ForwardingDoer {
 *   Timing(Doer next) { super(next); }
 *   @Override public Response send(Request request) throws IOException {
 *     long start = System.nanoTime();
 *     Response r = super.send(request);
 *     return ForwardingResponse.observe(r, end -> record(request, System.nanoTime() - start, end));
 *   }
 * }
 * }</pre>
 *
 * <p>A decorator never swallows, wraps or re-types an exception from the doer it wraps, and never
 * reads a body it does not own. Thread-safe when the subclass is.
 */
public abstract class ForwardingDoer implements Doer {
  private final Doer delegate;

  /** Forwards to {@code delegate}. */
  protected ForwardingDoer(Doer delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** The doer this one forwards to. */
  protected final Doer delegate() {
    return delegate;
  }

  @Override
  public Response send(Request request) throws IOException {
    return delegate.send(request);
  }

  @Override
  public RawStream sendRaw(Request request) throws IOException {
    return delegate.sendRaw(request);
  }

  /** Closes the doer underneath. */
  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + delegate + "]";
  }
}
