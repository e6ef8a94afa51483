package dev.berth.testkit;

import dev.berth.transport.Connection;
import dev.berth.transport.Dialer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Wraps a {@link Dialer} and counts the connections it opened and the ones still open. */
public final class TrackingDialer implements Dialer {
  private final Dialer delegate;
  private final AtomicInteger dialed = new AtomicInteger();
  private final AtomicInteger open = new AtomicInteger();

  /** Tracks connections of {@code delegate}. */
  public TrackingDialer(Dialer delegate) {
    this.delegate = delegate;
  }

  @Override
  public Connection dial(Duration connectTimeout) throws IOException {
    Connection c = delegate.dial(connectTimeout);
    dialed.incrementAndGet();
    open.incrementAndGet();
    return new Tracked(c);
  }

  @Override
  public String authority() {
    return delegate.authority();
  }

  /** Connections dialed so far. */
  public int dialed() {
    return dialed.get();
  }

  /** Connections dialed and not yet closed. */
  public int open() {
    return open.get();
  }

  @Override
  public String toString() {
    return delegate.toString();
  }

  private final class Tracked implements Connection {
    private final Connection c;
    private final AtomicBoolean closed = new AtomicBoolean();

    Tracked(Connection c) {
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
