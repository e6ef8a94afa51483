package dev.berth.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The body of a request: fixed bytes (sent with {@code Content-Length}) or a stream of unknown
 * length (sent chunked). Subclass it to write a body on the fly (e.g. a tar archive).
 */
public abstract class RequestBody {

  /** For subclasses. */
  protected RequestBody() {}

  /** The length in bytes, or {@code -1} when unknown (the body is then sent chunked). */
  public abstract long contentLength();

  /** The media type for the {@code Content-Type} header, or {@code null} for none. */
  public abstract String contentType();

  /** Writes the body. Called once per attempt; a one-shot body fails on a second call. */
  public abstract void writeTo(OutputStream out) throws IOException;

  /** Whether {@link #writeTo} may be called again, which lets a failed send be retried. */
  public abstract boolean isReplayable();

  /** A body of fixed bytes. The array is not copied: do not change it while the call runs. */
  public static RequestBody of(byte[] bytes, String contentType) {
    return new Bytes(Objects.requireNonNull(bytes, "bytes"), checkType(contentType));
  }

  /** Checks a media type for characters that would break the request head. */
  static String checkType(String contentType) {
    if (contentType != null) {
      for (int i = 0; i < contentType.length(); i++) {
        char c = contentType.charAt(i);
        if (c < ' ' || c > '~') {
          throw new IllegalArgumentException("invalid character in content type");
        }
      }
    }
    return contentType;
  }

  /** A UTF-8 JSON body. */
  public static RequestBody json(String json) {
    return new Bytes(json.getBytes(StandardCharsets.UTF_8), "application/json");
  }

  /** A JSON body of already-encoded bytes. */
  public static RequestBody json(byte[] utf8Json) {
    return new Bytes(Objects.requireNonNull(utf8Json, "utf8Json"), "application/json");
  }

  /**
   * A one-shot body copied from {@code in}, sent chunked. The stream is read to its end and
   * closed by the transport, also when the send fails.
   */
  public static RequestBody ofStream(InputStream in, String contentType) {
    return new Streamed(Objects.requireNonNull(in, "in"), -1, checkType(contentType));
  }

  /**
   * A one-shot body of exactly {@code length} bytes copied from {@code in}, sent with
   * {@code Content-Length}. Fewer bytes in the stream fails the send.
   */
  public static RequestBody ofStream(InputStream in, long length, String contentType) {
    if (length < 0) {
      throw new IllegalArgumentException("length must be >= 0: " + length);
    }
    return new Streamed(Objects.requireNonNull(in, "in"), length, checkType(contentType));
  }

  static {
    // the HTTP engine copies fixed bodies straight into its buffer
    dev.berth.transport.internal.Access.setBodyBytes(b -> b instanceof Bytes ? ((Bytes) b).bytes : null);
  }

  /** Fixed bytes. */
  private static final class Bytes extends RequestBody {
    private final byte[] bytes;
    private final String contentType;

    Bytes(byte[] bytes, String contentType) {
      this.bytes = bytes;
      this.contentType = contentType;
    }

    @Override
    public long contentLength() {
      return bytes.length;
    }

    @Override
    public String contentType() {
      return contentType;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
      out.write(bytes);
    }

    @Override
    public boolean isReplayable() {
      return true;
    }

    @Override
    public String toString() {
      return "RequestBody[" + bytes.length + " bytes, " + contentType + "]";
    }
  }

  private static final class Streamed extends RequestBody {
    private final InputStream in;
    private final long length;
    private final String contentType;
    private boolean used;

    Streamed(InputStream in, long length, String contentType) {
      this.in = in;
      this.length = length;
      this.contentType = contentType;
    }

    @Override
    public long contentLength() {
      return length;
    }

    @Override
    public String contentType() {
      return contentType;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
      synchronized (this) {
        if (used) {
          throw new IOException("a streamed request body can be sent only once");
        }
        used = true;
      }
      try (InputStream source = in) {
        byte[] buf = new byte[16 * 1024];
        long left = length < 0 ? Long.MAX_VALUE : length;
        while (left > 0) {
          int n = source.read(buf, 0, (int) Math.min(buf.length, left));
          if (n < 0) {
            if (length >= 0) {
              throw new IOException(
                  "request body stream ended " + left + " bytes before its declared length " + length);
            }
            break;
          }
          out.write(buf, 0, n);
          left -= n;
        }
      }
    }

    @Override
    public boolean isReplayable() {
      return false;
    }

    @Override
    public String toString() {
      return "RequestBody[stream, " + (length < 0 ? "chunked" : length + " bytes") + ", "
          + contentType + "]";
    }
  }
}
