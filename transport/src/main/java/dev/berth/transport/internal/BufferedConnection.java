package dev.berth.transport.internal;

import dev.berth.transport.Connection;
import dev.berth.transport.Connections.IoAction;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketException;
import java.time.Duration;

/**
 * What the two connections whose reads wait on a buffer of our own share ({@link StreamConnection}
 * fed by a pump thread, {@link PushedConnection} fed by its source's callbacks): the guarded
 * output, the read timeout the buffer waits honour, half-close and the state behind them.
 */
abstract class BufferedConnection implements Connection, QuietReads {
  final String description;
  final IoAction closer;
  final IoAction halfCloser;
  final GuardedOutput output;

  final Object lock = new Object();
  volatile boolean closed;
  boolean halfClosed; // guarded by lock
  volatile long timeoutNanos;

  BufferedConnection(String description, OutputStream out, IoAction closer, IoAction halfCloser) {
    this.description = description;
    this.output = new GuardedOutput(out, () -> closed, description, this);
    this.closer = closer;
    this.halfCloser = halfCloser;
  }

  @Override
  public final OutputStream output() {
    return output;
  }

  @Override
  public final void setReadTimeout(Duration timeout) {
    timeoutNanos = timeout.isZero() ? 0 : Math.max(1, timeout.toNanos());
  }

  @Override
  public final void shutdownOutput() throws IOException {
    synchronized (lock) {
      if (closed) {
        throw new SocketException("connection to " + description + " closed");
      }
      if (halfClosed) {
        return;
      }
      halfClosed = true;
    }
    halfCloser.run();
  }

  @Override
  public String toString() {
    return "connection to " + description;
  }
}
