package dev.berth.adapter.dockerjava;

import com.github.dockerjava.transport.DockerHttpClient;
import dev.berth.transport.Doer;
import dev.berth.transport.Headers;
import dev.berth.transport.RawStream;
import dev.berth.transport.RequestBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A docker-java {@link DockerHttpClient} that sends every request through a berth {@link Doer}:
 * pass it to {@code DockerClientImpl.getInstance(config, httpClient)}. Thread-safe.
 *
 * <p>What it does with docker-java's requests:
 * <ul>
 *   <li>the request target docker-java built (API version prefix, escaped path and query) is sent
 *       verbatim, never decoded and encoded again;
 *   <li>a request with a {@code hijackedInput} (attach or exec start with stdin) goes out as an
 *       HTTP upgrade on a connection of its own ({@link Doer#sendRaw}); when the engine switches
 *       protocols the response reports {@code 200}, since docker-java treats any status outside
 *       200-299 as an error. A daemon thread copies the input to the engine and then half-closes
 *       the connection, so the process in the container reads end-of-file (a command such as
 *       {@code cat} ends instead of waiting forever). When the engine refuses the upgrade, its
 *       status and error body are reported as they are and nothing is copied;
 *   <li>an {@link IOException} from the doer becomes an {@link UncheckedIOException} naming the
 *       method and path (docker-java's interface declares no checked exception).
 * </ul>
 * Closing a response closes its connection and, for a hijacked one, interrupts the copying thread;
 * that thread ends at once when it is blocked writing or in an interruptible read, else after the
 * next read of the input returns. The input itself belongs to the caller and is not closed.
 */
public final class BerthDockerHttpClient implements DockerHttpClient {

  private static final AtomicInteger PUMPS = new AtomicInteger();
  private static final int DRAIN_LIMIT = 64 * 1024;

  private final Doer doer;
  private final boolean ownsDoer;

  private BerthDockerHttpClient(Doer doer, boolean ownsDoer) {
    this.doer = Objects.requireNonNull(doer, "doer");
    this.ownsDoer = ownsDoer;
  }

  /** A client over {@code doer}; {@link #close()} leaves the doer open (its owner closes it). */
  public static BerthDockerHttpClient of(Doer doer) {
    return new BerthDockerHttpClient(doer, false);
  }

  /**
   * A client that owns {@code doer}: {@link #close()} closes it too, so that docker-java's
   * {@code DockerClient.close()} closes the connections.
   */
  public static BerthDockerHttpClient owning(Doer doer) {
    return new BerthDockerHttpClient(doer, true);
  }

  /** The doer requests go through. */
  public Doer doer() {
    return doer;
  }

  /**
   * Sends {@code request} and returns once the response headers arrived; the body streams as
   * docker-java reads it.
   *
   * @throws UncheckedIOException when the engine cannot be reached or the exchange fails
   * @throws IllegalArgumentException for a request target or header berth refuses to send (a
   *     control character, a header value beyond Latin-1)
   */
  @Override
  public Response execute(Request request) {
    Objects.requireNonNull(request, "request");
    dev.berth.transport.Request berth = toBerth(request);
    InputStream stdin = request.hijackedInput();
    try {
      if (stdin == null) {
        return new PlainResponse(doer.send(berth));
      }
      return hijack(doer.sendRaw(berth), stdin);
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + berth.path() + " failed: " + e.getMessage(), e);
    }
  }

  /** Closes the doer when this client owns it ({@link #owning}); otherwise nothing. Idempotent. */
  @Override
  public void close() {
    if (ownsDoer) {
      doer.close();
    }
  }

  @Override
  public String toString() {
    return "BerthDockerHttpClient[" + doer + "]";
  }

  static dev.berth.transport.Request toBerth(Request request) {
    String target = escapeIllegal(request.path());
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    dev.berth.transport.Request.Builder b = dev.berth.transport.Request
        .builder(request.method(), path.startsWith("/") ? path : "/" + path)
        .rawTarget(target.startsWith("/") ? target : "/" + target);
    for (Map.Entry<String, String> h : request.headers().entrySet()) {
      b.header(h.getKey(), h.getValue());
    }
    String contentType = contentType(request.headers());
    byte[] bytes = request.bodyBytes();
    if (bytes != null) {
      b.body(RequestBody.of(bytes, contentType));
    } else {
      InputStream body = request.body();
      if (body != null) {
        b.body(RequestBody.ofStream(body, contentType));
      }
    }
    return b.build();
  }

  private static String contentType(Map<String, String> headers) {
    for (Map.Entry<String, String> h : headers.entrySet()) {
      if (h.getKey().equalsIgnoreCase("Content-Type")) {
        return h.getValue();
      }
    }
    return null;
  }

  /**
   * docker-java escapes what it builds; a character that may not appear on a request line at all
   * (a space or non-ASCII in a hand-made path) is percent-encoded so that it cannot break the
   * request. Everything else, escapes included, stays as given.
   */
  static String escapeIllegal(String target) {
    int i = 0;
    int n = target.length();
    while (i < n && target.charAt(i) > ' ' && target.charAt(i) < 127) {
      i++;
    }
    if (i == n) {
      return target;
    }
    StringBuilder sb = new StringBuilder(n + 16).append(target, 0, i);
    for (byte b : target.substring(i).getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c > ' ' && c < 127) {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return sb.toString();
  }

  private static Response hijack(RawStream raw, InputStream stdin) {
    int status = raw.status();
    if (status != 101 && status != 200) {
      return new RawResponse(raw, status, null); // refused: docker-java reads the error body
    }
    Thread pump = new Thread(() -> pump(stdin, raw), "berth-docker-java-stdin-" + PUMPS.incrementAndGet());
    pump.setDaemon(true);
    pump.start();
    return new RawResponse(raw, 200, pump);
  }

  /** Copies stdin to the engine, then half-closes; ends quietly when the stream was closed. */
  private static void pump(InputStream stdin, RawStream raw) {
    OutputStream out = raw.output();
    byte[] buf = new byte[8192];
    try {
      int n;
      while (!Thread.currentThread().isInterrupted() && (n = stdin.read(buf)) >= 0) {
        out.write(buf, 0, n);
        out.flush(); // interactive input: each chunk as it comes
      }
      if (!Thread.currentThread().isInterrupted()) {
        raw.closeOutput();
      }
    } catch (InterruptedIOException e) {
      // the response was closed
    } catch (IOException e) {
      // the engine side went away (the process ended, or the response was closed): the output
      // docker-java reads tells the story; nothing to add here
    }
  }

  private static Map<String, List<String>> headerMap(Headers headers) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < headers.size(); i++) {
      map.computeIfAbsent(headers.name(i), k -> new ArrayList<>(1)).add(headers.value(i));
    }
    map.replaceAll((k, v) -> Collections.unmodifiableList(v));
    return Collections.unmodifiableMap(map);
  }

  private static final class PlainResponse implements Response {
    private final dev.berth.transport.Response response;
    private Map<String, List<String>> headers;

    PlainResponse(dev.berth.transport.Response response) {
      this.response = response;
    }

    @Override
    public int getStatusCode() {
      return response.status();
    }

    @Override
    public synchronized Map<String, List<String>> getHeaders() {
      if (headers == null) {
        headers = headerMap(response.headers());
      }
      return headers;
    }

    @Override
    public String getHeader(String name) {
      return response.headers().first(name);
    }

    /** The body; closing it closes the response as {@link #close()} does. */
    @Override
    public InputStream getBody() {
      return new java.io.FilterInputStream(response.body().stream()) {
        @Override
        public void close() {
          PlainResponse.this.close();
        }
      };
    }

    /**
     * docker-java closes a response once it has decoded the one JSON value it wanted, often with
     * a few bytes still unread (a trailing newline, a body it ignores): those already buffered are
     * read first, so that a fixed-length body ends and its connection goes back to the pool. Only
     * what {@code available()} reports is read, so closing a stream never blocks.
     */
    @Override
    public void close() {
      try {
        InputStream in = response.body().stream();
        byte[] buf = null;
        int budget = DRAIN_LIMIT;
        int n;
        while (budget > 0 && (n = in.available()) > 0) {
          if (buf == null) {
            buf = new byte[Math.min(DRAIN_LIMIT, 8192)];
          }
          n = in.read(buf, 0, Math.min(Math.min(n, buf.length), budget));
          if (n < 0) {
            break;
          }
          budget -= n;
        }
      } catch (IOException e) {
        // the connection is not reusable then; close() below discards it
      }
      response.close();
    }
  }

  private static final class RawResponse implements Response {
    private final RawStream raw;
    private final int status;
    private final Thread pump;

    RawResponse(RawStream raw, int status, Thread pump) {
      this.raw = raw;
      this.status = status;
      this.pump = pump;
    }

    @Override
    public int getStatusCode() {
      return status;
    }

    @Override
    public Map<String, List<String>> getHeaders() {
      return headerMap(raw.headers());
    }

    @Override
    public String getHeader(String name) {
      return raw.headers().first(name);
    }

    @Override
    public InputStream getBody() {
      return raw.input();
    }

    @Override
    public void close() {
      if (pump != null) {
        pump.interrupt();
      }
      raw.close();
    }
  }
}
