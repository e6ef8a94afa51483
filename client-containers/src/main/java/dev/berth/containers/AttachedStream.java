package dev.berth.containers;

import dev.berth.client.FrameReader;
import dev.berth.client.TransportException;
import dev.berth.transport.RawStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A live connection to a container's (or exec session's) standard streams, from attach or exec
 * start. Read {@link #output()} frame by frame on one thread while another writes {@link #stdin()};
 * {@link #closeStdin()} sends end-of-file to the process. The caller must close it; closing from
 * another thread stops a blocked read.
 */
public final class AttachedStream implements Closeable {
  private final RawStream raw;
  private final FrameReader output;

  AttachedStream(RawStream raw, boolean multiplexed, String what) {
    this.raw = raw;
    this.output = new FrameReader(raw.input(), multiplexed, what);
  }

  /** The process's output: stdout and stderr frames (one STDOUT stream with a TTY). */
  public FrameReader output() {
    return output;
  }

  /** The process's stdin. Flush to send. */
  public OutputStream stdin() {
    return raw.output();
  }

  /** Whether output is multiplexed (no TTY) or raw (TTY). */
  public boolean isMultiplexed() {
    return output.isMultiplexed();
  }

  /**
   * Flushes and half-closes stdin: the process reads end-of-file, output keeps flowing.
   *
   * @throws TransportException when the connection fails
   */
  public void closeStdin() {
    try {
      raw.closeOutput();
    } catch (IOException e) {
      throw new TransportException("closing stdin failed: " + e.getMessage(), e);
    }
  }

  /** Closes the connection. Idempotent; callable from any thread. */
  @Override
  public void close() {
    output.close();
    raw.close();
  }
}
