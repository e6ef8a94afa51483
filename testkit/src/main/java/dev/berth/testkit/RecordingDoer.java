package dev.berth.testkit;

import dev.berth.transport.Doer;
import dev.berth.transport.Headers;
import dev.berth.transport.InMemoryResponse;
import dev.berth.transport.RawStream;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A {@link Doer} that records each request and answers from a queue of canned responses (204 with
 * no body when the queue is empty), for offline tests of code that builds requests: a service's
 * request shapes, a decorator. Raw calls answer from a queue of {@link FakeRaw} streams, by default
 * 101 with a multiplexed stream that ends at once. Every response and raw stream handed out is
 * kept, so a test can check it was closed. Thread-safe.
 */
public final class RecordingDoer implements Doer {
  /** The requests sent, in order (live, thread-safe list). */
  public final List<Request> requests = new CopyOnWriteArrayList<>();
  /** The responses handed out, in order (canned or the default 204). */
  public final List<Response> responses = new CopyOnWriteArrayList<>();
  /** The raw streams handed out, in order. */
  public final List<FakeRaw> raws = new CopyOnWriteArrayList<>();
  private final Deque<Response> answers = new ArrayDeque<>();
  private final Deque<FakeRaw> rawAnswers = new ArrayDeque<>();

  /** Queues {@code status} with a JSON body. */
  public RecordingDoer answer(int status, String json) {
    answers.add(InMemoryResponse.builder(status).json(json).build());
    return this;
  }

  /** Queues a response. */
  public RecordingDoer answer(Response response) {
    answers.add(response);
    return this;
  }

  /** Queues a raw stream answer. */
  public RecordingDoer answerRaw(FakeRaw raw) {
    rawAnswers.add(raw);
    return this;
  }

  @Override
  public synchronized Response send(Request request) {
    requests.add(request);
    Response next = answers.poll();
    Response r = next != null ? next : InMemoryResponse.builder(204).build();
    responses.add(r);
    return r;
  }

  @Override
  public synchronized RawStream sendRaw(Request request) {
    requests.add(request);
    FakeRaw next = rawAnswers.poll();
    FakeRaw r = next != null ? next : new FakeRaw(101, Headers.of("Content-Type", "application/vnd.docker.multiplexed-stream"), new byte[0]);
    raws.add(r);
    return r;
  }

  @Override
  public void close() {}

  /** The only request sent. */
  public Request only() {
    if (requests.size() != 1) {
      throw new AssertionError("expected one request, got " + requests);
    }
    return requests.get(0);
  }

  /** Whether every response handed out so far was closed. */
  public boolean allClosed() {
    return responses.stream().allMatch(r -> ((InMemoryResponse) r).isClosed())
        && raws.stream().allMatch(FakeRaw::isClosed);
  }

  /** "METHOD path" of a request. */
  public static String line(Request r) {
    return r.method() + " " + r.path();
  }

  /** The query as {@code name=value&...}, unencoded, in order. */
  public static String query(Request r) {
    return r.query().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
  }

  /** The body as bytes, or null without one. */
  public static byte[] bytes(Request r) {
    if (r.body() == null) {
      return null;
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      r.body().writeTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The body as UTF-8 text, or null without one. */
  public static String body(Request r) {
    byte[] b = bytes(r);
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  /** A hijacked stream answering canned output, recording stdin, half-close and close. */
  public static final class FakeRaw implements RawStream {
    private final int status;
    private final Headers headers;
    private final InputStream in;
    /** What the caller wrote to the stream's output (stdin). */
    public final ByteArrayOutputStream stdin = new ByteArrayOutputStream();
    private volatile boolean outputClosed;
    private volatile boolean closed;

    /** An answer with this status, headers and output (what the engine sends). */
    public FakeRaw(int status, Headers headers, byte[] output) {
      this.status = status;
      this.headers = headers;
      this.in = new ByteArrayInputStream(output);
    }

    /** A 101 answer with this content type (null for none) and output. */
    public static FakeRaw upgraded(String contentType, byte[] output) {
      return new FakeRaw(101, contentType == null ? Headers.of() : Headers.of("Content-Type", contentType), output);
    }

    @Override
    public int status() {
      return status;
    }

    @Override
    public Headers headers() {
      return headers;
    }

    @Override
    public InputStream input() {
      return in;
    }

    @Override
    public OutputStream output() {
      return stdin;
    }

    @Override
    public void closeOutput() {
      outputClosed = true;
    }

    /** Whether the caller half-closed the stream. */
    public boolean isOutputClosed() {
      return outputClosed;
    }

    /** Whether the caller closed the stream. */
    public boolean isClosed() {
      return closed;
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
