package dev.berth.http1test;

import dev.berth.transport.Connection;
import dev.berth.transport.Dialer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a {@link Dialer} and counts the connections it opened that are still open: the client side
 * of {@link Http1FaultSuite}'s leak check. (berth-testkit's public {@code TrackingDialer} does the
 * same for its users; transport's tests cannot depend on testkit.)
 */
final class CountingDialer implements Dialer {
  private final Dialer delegate;
  private final AtomicInteger open = new AtomicInteger();

  CountingDialer(Dialer delegate) {
    this.delegate = delegate;
  }

  @Override
  public Connection dial(Duration connectTimeout) throws IOException {
    Connection c = delegate.dial(connectTimeout);
    open.incrementAndGet();
    return new Counted(c);
  }

  @Override
  public String authority() {
    return delegate.authority();
  }

  /** Connections dialed and not yet closed. */
  int open() {
    return open.get();
  }

  @Override
  public String toString() {
    return delegate.toString();
  }

  private final class Counted implements Connection {
    private final Connection c;
    private final AtomicBoolean closed = new AtomicBoolean();

    Counted(Connection c) {
      this.c = c;
    }

    @Override
    public InputStream input() {
      return c.input();
    }

    @Override
    public OutputStream output() {
      return c.output();
    }

    @Override
    public void setReadTimeout(Duration timeout) throws IOException {
      c.setReadTimeout(timeout);
    }

    @Override
    public void shutdownOutput() throws IOException {
      c.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
      if (closed.compareAndSet(false, true)) {
        open.decrementAndGet();
      }
      c.close();
    }
  }
}
