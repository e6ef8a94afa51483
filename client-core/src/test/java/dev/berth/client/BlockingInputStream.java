package dev.berth.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A stream fed by the test that blocks while empty, like a socket waiting for the engine. As a
 * connection's stream does, {@link #close()} from another thread makes a blocked read fail with an
 * {@link IOException}. Optionally, a close may instead hand out bytes that "arrived" just as it was
 * closed, to check that readers do not deliver data after their close.
 */
final class BlockingInputStream extends InputStream {
  private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
  private byte[] current;
  private int pos;
  private boolean eof;
  private boolean closed;
  private byte[] onClose;
  private int closes;
  private final CountDownLatch blocked = new CountDownLatch(1);

  synchronized void offer(byte[] b) {
    chunks.add(b.clone());
    notifyAll();
  }

  synchronized void finish() {
    eof = true;
    notifyAll();
  }

  /** Bytes that a blocked read returns when the stream is closed, instead of failing. */
  synchronized void deliverOnClose(byte[] b) {
    onClose = b.clone();
  }

  synchronized int closes() {
    return closes;
  }

  /** Waits until a reader has blocked on an empty stream. */
  boolean awaitBlocked(long millis) throws InterruptedException {
    return blocked.await(millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public synchronized int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (true) {
      if (closed) {
        if (onClose != null) {
          byte[] d = onClose;
          onClose = null;
          int n = Math.min(len, d.length);
          System.arraycopy(d, 0, b, off, n);
          return n;
        }
        throw new IOException("stream closed");
      }
      if (current != null && pos < current.length) {
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
      }
      current = chunks.poll();
      pos = 0;
      if (current != null) {
        continue;
      }
      if (eof) {
        return -1;
      }
      blocked.countDown();
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted");
      }
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    closes++;
    notifyAll();
  }
}
