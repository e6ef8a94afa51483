package dev.berth.transport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link Response} held in memory: for fakes, tests and decorators that answer without an
 * engine. It behaves like a real one: one-shot body, reads fail after {@link #close()}, and
 * {@link #isClosed()} tells a test whether the caller closed it. Thread-safe to close.
 *
 * <pre>{@code
 * Response r = InMemoryResponse.builder(404).json("{\"message\":\"No such container: x\"}").build();
 * }</pre>
 */
public final class InMemoryResponse implements Response, ResponseBody {
  private final int status;
  private final String reason;
  private final Headers headers;
  private final byte[] body;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final InputStream stream;

  private InMemoryResponse(Builder b) {
    this.status = b.status;
    this.reason = b.reason;
    this.body = b.body;
    Headers.Builder h = b.headers.build().toBuilder();
    if (b.contentType != null && h.build().first("Content-Type") == null) {
      h.add("Content-Type", b.contentType);
    }
    this.headers = h.build();
    this.stream = new Body(new ByteArrayInputStream(body));
  }

  /** A builder for a response with this status (100 to 599) and an empty body. */
  public static Builder builder(int status) {
    return new Builder(status);
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed.get();
  }

  @Override
  public int status() {
    return status;
  }

  @Override
  public String reason() {
    return reason;
  }

  @Override
  public Headers headers() {
    return headers;
  }

  @Override
  public ResponseBody body() {
    return this;
  }

  @Override
  public long contentLength() {
    return body.length;
  }

  @Override
  public String contentType() {
    return headers.first("Content-Type");
  }

  @Override
  public InputStream stream() {
    return stream;
  }

  @Override
  public byte[] bytes(int maxBytes) throws IOException {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must be >= 0: " + maxBytes);
    }
    try {
      return stream.readNBytes(maxBytes);
    } finally {
      close();
    }
  }

  @Override
  public void close() {
    closed.set(true);
  }

  @Override
  public String toString() {
    return "InMemoryResponse[" + status + ", " + body.length + " bytes]";
  }

  private final class Body extends InputStream {
    private final ByteArrayInputStream in;

    Body(ByteArrayInputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      check();
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      check();
      return in.read(b, off, len);
    }

    @Override
    public int available() {
      return closed.get() ? 0 : in.available();
    }

    @Override
    public void close() {
      InMemoryResponse.this.close();
    }

    private void check() throws IOException {
      if (closed.get()) {
        throw new IOException("response closed");
      }
    }
  }

  /** Builds an {@link InMemoryResponse}; not thread-safe. */
  public static final class Builder {
    private final int status;
    private String reason = "";
    private final Headers.Builder headers = Headers.builder();
    private byte[] body = new byte[0];
    private String contentType;

    private Builder(int status) {
      if (status < 100 || status > 599) {
        throw new IllegalArgumentException("status must be 100-599: " + status);
      }
      this.status = status;
    }

    /** Sets the reason phrase (default empty). */
    public Builder reason(String reason) {
      this.reason = Objects.requireNonNull(reason, "reason");
      return this;
    }

    /** Adds a header. */
    public Builder header(String name, String value) {
      headers.add(name, value);
      return this;
    }

    /** Sets the body (copied) and, unless a header sets it, its {@code Content-Type}. */
    public Builder body(byte[] body, String contentType) {
      this.body = Arrays.copyOf(Objects.requireNonNull(body, "body"), body.length);
      this.contentType = contentType;
      return this;
    }

    /** Sets a UTF-8 JSON body. */
    public Builder json(String json) {
      return body(json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    /** The response. */
    public InMemoryResponse build() {
      return new InMemoryResponse(this);
    }
  }
}
