package dev.berth.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.client.internal.CappedInput;
import dev.berth.client.internal.Codec;
import dev.berth.client.internal.Errors;
import dev.berth.transport.Doer;
import dev.berth.transport.Endpoint;
import dev.berth.transport.Http1Doer;
import dev.berth.transport.RawStream;
import dev.berth.transport.Request;
import dev.berth.transport.RequestBody;
import dev.berth.transport.Response;
import dev.berth.types.system.EngineKind;
import dev.berth.types.system.Ping;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * A client for one engine: a {@link Doer} plus the API version and the JSON codec. Thread-safe;
 * make one per engine and share it. Services ({@code SystemService.create(client)}, …) are built
 * on it, and its {@code call} methods are the escape hatch for any request they do not cover.
 *
 * <p>Paths given to it are unversioned ({@code /containers/json}); it adds {@code /v1.41} (the
 * pinned version, or the one negotiated with the engine on first use: the older of the engine's
 * version and {@link ApiVersion#MAX}). Error statuses become {@link EngineException}s, transport
 * failures {@link TransportException}s.
 *
 * <p>Paths under {@code /libpod/} are Podman's own API: they get the engine's libpod version
 * ({@code /v4.3.1/libpod/pods/json}), and on any other engine they fail with an
 * {@link UnsupportedEngineException} before they are sent.
 */
public final class EngineClient implements AutoCloseable {
  /** The default of {@link Builder#maxResponseSize(long)}: 16 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_SIZE = 16L * 1024 * 1024;
  /** The default of {@link Builder#maxStreamValueSize(long)}: 4 MiB. */
  public static final long DEFAULT_MAX_STREAM_VALUE_SIZE = 4L * 1024 * 1024;
  private static final Request PING = Request.get("/_ping").operation("SystemPing", "/_ping").build();
  private final Doer doer;
  private final boolean ownsDoer;
  private final ApiVersion pinned;
  private final ApiVersion max;
  private final ReentrantLock negotiation = new ReentrantLock();
  private volatile ApiVersion negotiated;
  private volatile String prefix;
  private volatile Ping detected; // what the negotiation's ping (or, when pinned, a first ping) told
  private final ClientListener listener;
  private final long maxResponseSize;
  private final long maxStreamValueSize;
  private volatile boolean closed;

  private EngineClient(Builder b) {
    this.doer = b.doer;
    this.listener = b.listener;
    this.ownsDoer = b.ownsDoer;
    this.pinned = b.apiVersion;
    this.max = b.maxApiVersion;
    this.maxResponseSize = b.maxResponseSize;
    this.maxStreamValueSize = b.maxStreamValueSize;
    if (pinned != null) {
      this.negotiated = pinned;
      this.prefix = "/v" + pinned;
    }
  }

  /** A builder for a client over {@code doer}; the client does not close the doer. */
  public static Builder builder(Doer doer) {
    return new Builder(Objects.requireNonNull(doer, "doer"), false);
  }

  /**
   * A client for an engine address such as {@code unix:///var/run/docker.sock} or
   * {@code tcp://127.0.0.1:2375}, over HTTP/1.1 with default settings. Closing the client closes
   * its connections.
   *
   * @throws IllegalArgumentException for a malformed address
   * @throws UnsupportedOperationException for an address this build cannot dial
   */
  public static EngineClient connect(String address) {
    return new Builder(Http1Doer.of(Endpoint.parse(address).dialer()), true).build();
  }

  /** The doer underneath. */
  public Doer doer() {
    return doer;
  }

  /** Whether the API version was pinned by the caller rather than negotiated. */
  public boolean isVersionPinned() {
    return pinned != null;
  }

  /**
   * The API version requests use: the pinned one, or the one negotiated with one {@code /_ping}
   * on first use (then remembered).
   *
   * @throws TransportException when negotiation cannot reach the engine
   */
  public ApiVersion apiVersion() {
    return apiVersion(null);
  }

  /**
   * The version, negotiated if need be with a ping that carries {@code trigger}'s call timeout,
   * read timeout and cancel token (the caller's deadline holds through negotiation); the doer's
   * defaults apply to what it leaves unset.
   */
  private ApiVersion apiVersion(Request trigger) {
    ApiVersion v = negotiated;
    if (v != null) {
      return v;
    }
    Duration wait = trigger == null || trigger.callTimeout() == null || trigger.callTimeout().isZero()
        ? null : trigger.callTimeout();
    try {
      // another thread may be stuck negotiating with a stalled engine: wait for it no longer than
      // this call may take, and never uninterruptibly
      if (wait == null) {
        negotiation.lockInterruptibly();
      } else if (!negotiation.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new TransportTimeoutException("timed out after " + wait.toMillis()
            + " ms waiting for another call's API version negotiation with " + doer, null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException("interrupted while waiting for API version negotiation with " + doer, e);
    }
    try {
      if (negotiated == null) {
        Ping ping = ping(trigger);
        ApiVersion engine = ping.apiVersion() == null ? ApiVersion.FALLBACK : parseEngineVersion(ping.apiVersion());
        ApiVersion chosen = ApiVersion.min(engine, max);
        detected = ping;
        prefix = "/v" + chosen;
        negotiated = chosen;
      }
      return negotiated;
    } finally {
      negotiation.unlock();
    }
  }

  private static ApiVersion parseEngineVersion(String s) {
    try {
      return ApiVersion.parse(s);
    } catch (IllegalArgumentException e) {
      throw new MalformedResponseException("the engine reported an unreadable API version: " + s, e);
    }
  }

  /**
   * Which engine answers: {@link EngineKind#PODMAN} when its {@code /_ping} names Libpod (a
   * {@code Libpod-API-Version} header or {@code Server: Libpod/…}), else {@link EngineKind#DOCKER}
   * (or {@link EngineKind#UNKNOWN}). Read from the ping that negotiates the API version; a client
   * with a pinned version pings once for it on first use. Then remembered.
   *
   * @throws TransportException when the engine cannot be reached
   */
  public EngineKind engineKind() {
    return detected().kind();
  }

  /**
   * Podman's own (libpod) API version, e.g. {@code 4.3.1}, which requests to {@code /libpod/…}
   * paths use: the version the engine reports in its {@code Libpod-API-Version} header (Podman
   * serves its own version's libpod paths; berth never asks for one it does not have). Empty for
   * an engine that is not Podman. Detected like {@link #engineKind()}.
   *
   * @throws TransportException when the engine cannot be reached
   * @throws MalformedResponseException when the engine reports an unreadable version
   */
  public Optional<String> libpodApiVersion() {
    Ping p = detected();
    if (p.kind() != EngineKind.PODMAN || p.libpodApiVersion() == null) {
      return Optional.empty();
    }
    if (!LIBPOD_VERSION.matcher(p.libpodApiVersion()).matches()) {
      // it becomes part of every libpod path: never let an engine's text steer the request
      throw new MalformedResponseException("the engine reported an unreadable libpod API version: "
          + p.libpodApiVersion(), null);
    }
    return Optional.of(p.libpodApiVersion());
  }

  /** Digits and dots, and a pre-release suffix such as {@code -dev} or {@code -rc1}: safe inside a path. */
  private static final Pattern LIBPOD_VERSION = Pattern.compile("[0-9]{1,4}(\\.[0-9]{1,4}){0,2}(-[0-9A-Za-z.]{1,32})?");

  /** A timeout that limits something, or null (zero and null both mean: use the doer's). */
  private static Duration limit(Duration timeout) {
    return timeout == null || timeout.isZero() ? null : timeout;
  }
  private static final String LIBPOD = "/libpod/";

  private Ping detected() {
    Ping p = detected;
    if (p == null) {
      if (pinned == null) {
        apiVersion(); // negotiation keeps its ping
      } else {
        detected = ping(); // two threads racing here both ping: harmless, same answer
      }
      p = detected;
    }
    return p;
  }

  /**
   * {@code GET /_ping}: checks the engine answers and reads what its headers tell (API version,
   * OS type, Docker or Podman).
   */
  public Ping ping() {
    return ping(null);
  }

  private Ping ping(Request trigger) {
    Request request = listener == ClientListener.NONE ? PING : PING.copy(); // see versioned()
    // the ping negotiating for a request runs under that request's deadlines and cancel token;
    // a request without a limit (a pull, a prune: ZERO) does not lift the doer's own limits from
    // the short ping, which holds the negotiation that other calls wait for
    Duration call = limit(trigger == null ? null : trigger.callTimeout());
    Duration read = limit(trigger == null ? null : trigger.readTimeout());
    if (trigger != null && (call != null || read != null || trigger.cancelToken() != null)) {
      request = PING.toBuilder().callTimeout(call).readTimeout(read).cancelToken(trigger.cancelToken()).build();
    }
    try (Response r = send(request, request)) {
      if (r.status() != 200) {
        throw failed(request, Errors.fromResponseLeavingOpen(request, r)); // closed by try
      }
      try {
        // read to the end: a truncated, malformed or stalled body is a failed ping, as it is a
        // failed version()
        drainStream(r.body().stream());
      } catch (IOException e) {
        throw failed(request, Errors.fromIOException(request, e, doer));
      }
      return Ping.fromHeaders(r.headers()::first);
    }
  }

  /**
   * Checks that the API version in use has {@code operation} and returns a request builder for it
   * with the path parameters filled in.
   *
   * @throws UnsupportedApiVersionException when the operation is newer than the API in use
   */
  public Request.Builder request(Operation operation, String... pathValues) {
    if (operation.since() != null) {
      ApiVersion v = apiVersion();
      if (!v.isAtLeast(operation.since())) {
        throw new UnsupportedApiVersionException(operation.toString(), operation.since(), v);
      }
    }
    return operation.request(pathValues);
  }

  /**
   * Sends a request (path unversioned) and returns the <em>open</em> response for a 1xx/2xx
   * status: the caller reads it and must close it. (The {@code call} methods read and close the
   * answer themselves.) A request with a {@linkplain Request#rawTarget() raw target} is sent as
   * is, without the version prefix.
   *
   * @throws EngineException (a subclass for common statuses) for 3xx, 4xx and 5xx answers
   * @throws TransportException when the engine cannot be reached or the connection fails
   */
  public Response open(Request request) {
    return checked(versioned(request), request);
  }

  private Response checked(Request sent, Request request) {
    Response r = send(sent, request);
    if (r.status() >= 300) {
      try {
        throw failed(sent, Errors.fromResponseLeavingOpen(request, r));
      } finally {
        r.close(); // after the listener: a decorator's span or observation is still open for it
      }
    }
    return r;
  }

  /**
   * Sends a request and decodes the JSON answer as {@code type}; {@code null} for an empty body.
   */
  public <T> T call(Request request, Class<T> type) {
    return decode(request, mapper().constructType(type));
  }

  /** Sends a request and decodes the JSON answer as {@code type} (e.g. a parameterised type). */
  public <T> T call(Request request, Type type) {
    return decode(request, mapper().constructType(type));
  }

  /** Sends a request and decodes a JSON array answer as a list of {@code elementType}. */
  public <T> List<T> callList(Request request, Class<T> elementType) {
    List<T> list = decode(request, mapper().getTypeFactory().constructCollectionType(List.class, elementType));
    return list == null ? List.of() : list;
  }

  /** Sends a request, checks the status and discards the body. */
  public void execute(Request request) {
    try (Response r = open(request)) {
      drain(r);
    }
  }

  /**
   * Sends a request whose answer is a stream of JSON values (events, progress) and returns them
   * one by one, on the caller's thread. With {@code checkErrors}, a value carrying
   * {@code error}/{@code errorDetail} ends the stream with a {@link StreamErrorException}.
   */
  public <T> JsonStream<T> stream(Request request, Class<T> type, boolean checkErrors) {
    Request sent = versioned(request);
    Response r = checked(sent, request);
    try {
      java.util.function.Consumer<BerthException> onFailure =
          listener == ClientListener.NONE ? null : e -> failed(sent, e);
      return new JsonStream<>(r, mapper(), mapper().constructType(type), describe(request), checkErrors,
          onFailure, maxStreamValueSize);
    } catch (RuntimeException e) {
      r.close();
      throw e;
    }
  }

  /**
   * Sends a request that hijacks the connection (attach, exec start) and returns the open duplex
   * stream. The caller must close it.
   *
   * @throws EngineException when the engine answers with an error status instead
   */
  public RawStream openRaw(Request request) {
    checkOpen();
    Request versioned = versioned(request);
    RawStream raw;
    try {
      raw = doer.sendRaw(versioned);
    } catch (IOException e) {
      throw failed(versioned, Errors.fromIOException(request, e, doer));
    }
    int status = raw.status();
    if (status != 101 && (status < 200 || status >= 300)) {
      try {
        throw failed(versioned, Errors.fromRawStreamLeavingOpen(request, raw));
      } finally {
        raw.close();
      }
    }
    return raw;
  }

  /** Encodes {@code value} as a JSON request body. */
  public RequestBody jsonBody(Object value) {
    try {
      return RequestBody.json(mapper().writeValueAsBytes(value));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot encode " + value.getClass().getName() + " as JSON: " + e.getMessage(), e);
    }
  }

  /** Encodes {@code value} as compact JSON text (for query parameters such as {@code filters}). */
  public String toJson(Object value) {
    try {
      return mapper().writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot encode " + value.getClass().getName() + " as JSON: " + e.getMessage(), e);
    }
  }

  /** Jackson is set up on first JSON use, not for a client that only pings (cold start). */
  private static ObjectMapper mapper() {
    return Codec.mapper();
  }

  /**
   * Closes the doer if this client owns it ({@link #connect}, {@link Builder#ownsDoer}). Either way,
   * new calls on this client then fail with {@link IllegalStateException}; streams already handed
   * out stay usable. Idempotent.
   */
  @Override
  public void close() {
    closed = true;
    if (ownsDoer) {
      doer.close();
    }
  }

  @Override
  public String toString() {
    return "EngineClient[" + doer + (negotiated == null ? "" : ", API " + negotiated) + "]";
  }

  // ---------------------------------------------------------------- internals

  private Request versioned(Request request) {
    if (request.rawTarget() != null) {
      // a listener matches the request its doer saw by identity: one instance per call
      return listener == ClientListener.NONE ? request : request.copy();
    }
    apiVersion(request);
    if (request.path().startsWith(LIBPOD)) {
      return request.toBuilder().path(libpodPrefix(request) + request.path()).build();
    }
    return request.toBuilder().path(prefix + request.path()).build();
  }

  private String libpodPrefix(Request request) {
    Optional<String> v = libpodApiVersion();
    if (v.isPresent()) {
      return "/v" + v.get();
    }
    EngineKind kind = engineKind();
    if (kind == EngineKind.PODMAN) { // "Server: Libpod/…" without the version header
      throw new MalformedResponseException(describe(request)
          + ": Podman did not report its libpod API version (Libpod-API-Version) in its /_ping", null);
    }
    throw new UnsupportedEngineException(describe(request), EngineKind.PODMAN, kind);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException(this + " is closed");
    }
  }

  private Response send(Request sent, Request request) {
    checkOpen();
    try {
      return doer.send(sent);
    } catch (IOException e) {
      throw failed(sent, Errors.fromIOException(request, e, doer));
    }
  }

  /** Tells the listener, then returns {@code e} for the caller to throw. */
  private <E extends BerthException> E failed(Request sent, E e) {
    if (listener != ClientListener.NONE) {
      try {
        listener.callFailed(sent, negotiated, e);
      } catch (RuntimeException ignored) {
        // a listener must not throw; if it does, the caller still gets the real error
      }
    }
    return e;
  }

  private <T> T decode(Request request, JavaType type) {
    Request sent = versioned(request);
    try (Response r = checked(sent, request)) {
      String length = r.headers().first("Content-Length");
      if (length != null && length.trim().length() > 0 && isOver(length.trim(), maxResponseSize)) {
        throw failed(sent, tooLarge(describe(request), maxResponseSize, "maxResponseSize"));
      }
      InputStream in = new CappedInput(r.body().stream(), maxResponseSize);
      try (JsonParser p = mapper().getFactory().createParser(in)) {
        // the response is closed by its owner, here, after the listener heard of any failure; the
        // parser must not close it on its own at end of input (a bare `null` body reads to EOF)
        p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        if (p.nextToken() == null) {
          return null;
        }
        T value = mapper().readValue(p, type);
        drainStream(in);
        return value;
      } catch (com.fasterxml.jackson.core.JacksonException e) {
        if (e.getCause() instanceof CappedInput.LimitExceeded) {
          throw failed(sent, tooLarge(describe(request), maxResponseSize, "maxResponseSize"));
        }
        throw failed(sent, new MalformedResponseException(describe(request)
            + ": the engine's answer is not the expected JSON: " + e.getOriginalMessage(), e));
      } catch (CappedInput.LimitExceeded e) {
        throw failed(sent, tooLarge(describe(request), maxResponseSize, "maxResponseSize"));
      } catch (IOException e) {
        throw failed(sent, Errors.fromIOException(request, e, doer));
      }
    }
  }

  /** Reads what is left of a small body so its connection can be reused. */
  private void drain(Response r) {
    try {
      drainStream(r.body().stream());
    } catch (IOException e) {
      // the answer was complete; a failure here only costs the connection
    }
  }

  private static void drainStream(InputStream in) throws IOException {
    // usually nothing or a trailing newline is left: read byte-wise, allocate only when more is
    for (int i = 0; i < 4; i++) {
      if (in.read() < 0) {
        return;
      }
    }
    byte[] skip = new byte[4096];
    long total = 0;
    int n;
    while ((n = in.read(skip)) >= 0) {
      total += n;
      if (total > 64 * 1024) {
        return; // not worth it: closing discards the connection instead
      }
    }
  }

  static String describe(Request request) {
    return Errors.describe(request);
  }

  /** Whether a Content-Length value is over {@code limit} (digits beyond a long are). */
  private static boolean isOver(String length, long limit) {
    if (!length.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false; // not a length: the transport rejects it
    }
    try {
      return Long.parseLong(length) > limit;
    } catch (NumberFormatException e) {
      return true;
    }
  }

  static ResponseTooLargeException tooLarge(String operation, long limit, String setting) {
    return new ResponseTooLargeException(operation + ": the engine's answer is larger than " + limit
        + " bytes, the client's limit (EngineClient.Builder." + setting + "); an engine that sends so much"
        + " is broken or hostile, or the limit is too low for this host", limit);
  }

  /** Configures an {@link EngineClient}; not thread-safe. */
  public static final class Builder {
    private final Doer doer;
    private boolean ownsDoer;
    private ApiVersion apiVersion;
    private ApiVersion maxApiVersion = ApiVersion.MAX;
    private ClientListener listener = ClientListener.NONE;
    private long maxResponseSize = DEFAULT_MAX_RESPONSE_SIZE;
    private long maxStreamValueSize = DEFAULT_MAX_STREAM_VALUE_SIZE;

    private Builder(Doer doer, boolean ownsDoer) {
      this.doer = doer;
      this.ownsDoer = ownsDoer;
    }

    /** Pins the API version: no negotiation, every request uses this one. */
    public Builder apiVersion(ApiVersion version) {
      this.apiVersion = version;
      return this;
    }

    /** Pins the API version, e.g. {@code "1.41"}. */
    public Builder apiVersion(String version) {
      return apiVersion(version == null ? null : ApiVersion.parse(version));
    }

    /**
     * Whether closing the client closes the doer. Off for {@link EngineClient#builder(Doer)} (the
     * caller keeps the doer); factories that make a doer for the caller turn it on.
     */
    public Builder ownsDoer(boolean owns) {
      this.ownsDoer = owns;
      return this;
    }

    /** Caps negotiation at this version (default {@link ApiVersion#MAX}). */
    public Builder maxApiVersion(ApiVersion version) {
      this.maxApiVersion = Objects.requireNonNull(version, "version");
      return this;
    }

    /**
     * Tells {@code listener} about every exception the client throws for a call (default none):
     * the typed outcome tracing and metrics decorators record.
     */
    public Builder listener(ClientListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * The largest JSON answer the client reads (default {@value EngineClient#DEFAULT_MAX_RESPONSE_SIZE}
     * bytes, 16 MiB: a container list of thousands of containers is a few MiB). Larger answers,
     * or a {@code Content-Length} announcing one, fail with {@link ResponseTooLargeException}
     * after reading at most this many bytes, unknown fields included. Decoded objects take
     * several times their JSON size in the heap: keep the limit well below it.
     *
     * @throws IllegalArgumentException when not positive
     */
    public Builder maxResponseSize(long bytes) {
      this.maxResponseSize = positive(bytes, "maxResponseSize");
      return this;
    }

    /**
     * The largest single value of a JSON stream (an event, a pull/push/build progress message)
     * the client reads (default {@value EngineClient#DEFAULT_MAX_STREAM_VALUE_SIZE} bytes, 4 MiB;
     * within 8 KiB, the parser's read-ahead); the stream as a whole is unbounded. A larger value
     * fails the stream with {@link ResponseTooLargeException}.
     *
     * @throws IllegalArgumentException when not positive
     */
    public Builder maxStreamValueSize(long bytes) {
      this.maxStreamValueSize = positive(bytes, "maxStreamValueSize");
      return this;
    }

    private static long positive(long bytes, String name) {
      if (bytes <= 0) {
        throw new IllegalArgumentException(name + " must be positive: " + bytes);
      }
      return bytes;
    }

    /** The client. */
    public EngineClient build() {
      return new EngineClient(this);
    }
  }
}
