package dev.berth.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Reads container output (logs, attach, exec) frame by frame on the caller's thread.
 *
 * <p>Without a TTY the engine multiplexes stdout and stderr: each frame has an 8-byte header
 * (stream, three zero bytes, big-endian length) and is delivered whole. With a TTY the bytes are
 * raw and each read is reported as one {@link StreamType#STDOUT} frame. The pull API reuses one
 * buffer, so reading allocates nothing per frame; {@link #nextFrame()} copies for convenience.
 *
 * <p>The caller must close it. {@link #close()} may come from any thread: a blocked {@link #next()}
 * then returns {@code false}, and no frame is delivered after the close.
 */
public final class FrameReader implements Closeable {
  /** Frames larger than this are refused as a corrupt stream. */
  public static final int MAX_FRAME = 64 * 1024 * 1024;

  private final InputStream in;
  private final boolean multiplexed;
  private final String what;
  private final byte[] header = new byte[8];
  /** Raw (TTY) reads grow the buffer up to this while they keep filling it. */
  private static final int MAX_RAW_BUFFER = 32 * 1024;
  // small at first: a followed stream idles most of its life, thousands may be open at once
  private byte[] buffer = new byte[1024];
  private boolean filled; // the last raw read filled the buffer
  private int length;
  private StreamType stream;
  private volatile boolean closed;
  private boolean done;

  /**
   * A reader over {@code in}; closing the reader closes {@code in}.
   *
   * @param multiplexed true for the framed stdout/stderr format, false for a TTY's raw bytes
   * @param what names the stream in error messages (e.g. the operation)
   */
  public FrameReader(InputStream in, boolean multiplexed, String what) {
    this.in = in;
    this.multiplexed = multiplexed;
    this.what = what;
  }

  /** Whether the stream is multiplexed (no TTY). */
  public boolean isMultiplexed() {
    return multiplexed;
  }

  /**
   * Advances to the next frame.
   *
   * @return false at the end of the output or after {@link #close()}
   * @throws TransportException when the connection fails
   * @throws MalformedResponseException for a corrupt frame header or a truncated frame
   */
  public boolean next() {
    if (done || closed) {
      return false;
    }
    try {
      if (!multiplexed) {
        if (filled && buffer.length < MAX_RAW_BUFFER) {
          buffer = new byte[Math.min(MAX_RAW_BUFFER, buffer.length * 4)]; // a busy stream: larger reads
        }
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0 || closed) {
          return end();
        }
        filled = n == buffer.length;
        stream = StreamType.STDOUT;
        length = n;
        return true;
      }
      int h = readFully(header, 0, 8);
      if (h == 0) {
        return end();
      }
      if (h < 8) {
        throw new MalformedResponseException(what + ": output ended inside a frame header", null);
      }
      StreamType type = StreamType.ofCode(header[0]);
      if (type == null || header[1] != 0 || header[2] != 0 || header[3] != 0) {
        throw new MalformedResponseException(what + ": not a multiplexed output stream (frame header "
            + hex(header) + "); was the container started with a TTY?", null);
      }
      int size = ((header[4] & 0xff) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8) | (header[7] & 0xff);
      if (size < 0 || size > MAX_FRAME) {
        throw new MalformedResponseException(what + ": frame of " + Integer.toUnsignedString(size)
            + " bytes exceeds the limit of " + MAX_FRAME, null);
      }
      int got = readFrame(size);
      if (closed) {
        return end();
      }
      if (got < size) {
        throw new MalformedResponseException(what + ": output ended inside a frame (" + got + " of " + size + " bytes)", null);
      }
      stream = type;
      length = size;
      return true;
    } catch (IOException e) {
      if (closed) {
        return end();
      }
      close();
      throw dev.berth.client.internal.Errors.fromIOExceptionDescribed(what, e, null);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private boolean end() {
    done = true;
    length = 0;
    close();
    return false;
  }

  /**
   * Reads a frame of {@code size} bytes, growing the buffer as the bytes arrive rather than to
   * what the header claims: a hostile or corrupt header alone must not cost 64 MiB.
   */
  private int readFrame(int size) throws IOException {
    int got = 0;
    while (got < size) {
      if (got == buffer.length) {
        buffer = Arrays.copyOf(buffer, (int) Math.min(size, buffer.length * 2L));
      }
      int r = in.read(buffer, got, Math.min(size, buffer.length) - got);
      if (r < 0) {
        break;
      }
      got += r;
    }
    return got;
  }

  private int readFully(byte[] b, int off, int len) throws IOException {
    int n = 0;
    while (n < len) {
      int r = in.read(b, off + n, len - n);
      if (r < 0) {
        break;
      }
      n += r;
    }
    return n;
  }

  private static String hex(byte[] b) {
    StringBuilder sb = new StringBuilder();
    for (byte x : b) {
      sb.append(String.format("%02x", x & 0xff));
    }
    return sb.toString();
  }

  /** The stream of the current frame. */
  public StreamType stream() {
    return stream;
  }

  /** The buffer holding the current frame's bytes at {@code [0, length())}; reused by the next call. */
  public byte[] buffer() {
    return buffer;
  }

  /** The length of the current frame. */
  public int length() {
    return length;
  }

  /** The next frame as a copy, or {@code null} at the end. */
  public Frame nextFrame() {
    return next() ? new Frame(stream, Arrays.copyOf(buffer, length)) : null;
  }

  /**
   * Copies every remaining frame to {@code stdout} or {@code stderr} (stdin frames go to stdout)
   * until the end, and returns the number of bytes copied.
   *
   * @throws TransportException also when writing to one of the targets fails
   */
  public long copyTo(OutputStream stdout, OutputStream stderr) {
    long total = 0;
    while (next()) {
      OutputStream target = stream == StreamType.STDERR ? stderr : stdout;
      try {
        target.write(buffer, 0, length);
      } catch (IOException e) {
        close();
        throw new TransportException(what + ": writing output to the caller's stream failed: " + e.getMessage(), e);
      }
      total += length;
    }
    return total;
  }

  /** Stops reading and closes the underlying stream. Idempotent; callable from any thread. */
  @Override
  public void close() {
    closed = true;
    try {
      in.close();
    } catch (IOException e) {
      // closing is best effort: the connection is discarded either way
    }
  }
}
