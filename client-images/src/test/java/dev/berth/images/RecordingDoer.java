package dev.berth.images;

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
 * A Doer that records each request and answers from a queue of canned responses (204 with no
 * body when the queue is empty): the offline request-shape tests' only peer. Raw calls answer
 * 101 with a multiplexed stream that ends at once.
 */
final class RecordingDoer implements Doer {
  final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Deque<Response> answers = new ArrayDeque<>();

  /** Queues {@code status} with a JSON body. */
  RecordingDoer answer(int status, String json) {
    answers.add(InMemoryResponse.builder(status).json(json).build());
    return this;
  }

  /** Queues a response. */
  RecordingDoer answer(Response response) {
    answers.add(response);
    return this;
  }

  @Override
  public synchronized Response send(Request request) {
    requests.add(request);
    Response next = answers.poll();
    return next != null ? next : InMemoryResponse.builder(204).build();
  }

  @Override
  public RawStream sendRaw(Request request) {
    requests.add(request);
    return new RawStream() {
      private final InputStream in = new ByteArrayInputStream(new byte[0]);

      @Override
      public int status() {
        return 101;
      }

      @Override
      public Headers headers() {
        return Headers.of("Content-Type", "application/vnd.docker.multiplexed-stream");
      }

      @Override
      public InputStream input() {
        return in;
      }

      @Override
      public OutputStream output() {
        return OutputStream.nullOutputStream();
      }

      @Override
      public void closeOutput() {}

      @Override
      public void close() {}
    };
  }

  @Override
  public void close() {}

  /** The only request sent. */
  Request only() {
    if (requests.size() != 1) {
      throw new AssertionError("expected one request, got " + requests);
    }
    return requests.get(0);
  }

  /** "METHOD path" of a request. */
  static String line(Request r) {
    return r.method() + " " + r.path();
  }

  /** The query as {@code name=value&...}, unencoded, in order. */
  static String query(Request r) {
    return r.query().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
  }

  /** The body as UTF-8 text, or null without one. */
  static String body(Request r) {
    if (r.body() == null) {
      return null;
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      r.body().writeTo(out);
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
