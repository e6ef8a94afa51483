package dev.berth.transport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request to an engine: method, path, query, headers, optional body, per-call timeouts
 * and the name of the API operation it performs. Immutable and thread-safe.
 *
 * <p>The path is the unversioned, unencoded API path ({@code /containers/abc/start}); the client
 * layer adds the version prefix. {@link #target()} percent-encodes it with the query. The operation
 * id ({@code ContainerStart}) and path template ({@code /containers/{id}/start}) name the call in
 * errors, spans and metrics without leaking identifiers.
 */
public final class Request {

  private final String method;
  private final String path;
  private final List<String> query; // name0, value0, name1, value1 ...
  private final Headers headers;
  private final RequestBody body;
  private final Duration callTimeout;
  private final Duration readTimeout;
  private final Duration bodyReadTimeout;
  private final String operationId;
  private final String pathTemplate;
  private final String rawTarget;
  private final CancelToken cancelToken;
  private String encodedTarget; // target() computed once: requests are immutable and often reused

  private Request(Request r) {
    this.method = r.method;
    this.path = r.path;
    this.query = r.query;
    this.headers = r.headers;
    this.body = r.body;
    this.callTimeout = r.callTimeout;
    this.readTimeout = r.readTimeout;
    this.bodyReadTimeout = r.bodyReadTimeout;
    this.operationId = r.operationId;
    this.pathTemplate = r.pathTemplate;
    this.rawTarget = r.rawTarget;
    this.cancelToken = r.cancelToken;
    this.encodedTarget = r.encodedTarget;
  }

  private Request(Builder b) {
    this.method = b.method;
    this.path = b.path;
    this.query = b.query.isEmpty() ? List.of() : Collections.unmodifiableList(new ArrayList<>(b.query));
    this.headers = b.headers == null ? b.headersBuilder == null ? Headers.EMPTY : b.headersBuilder.build() : b.headers;
    this.body = b.body;
    this.callTimeout = b.callTimeout;
    this.readTimeout = b.readTimeout;
    this.bodyReadTimeout = b.bodyReadTimeout;
    this.operationId = b.operationId;
    this.pathTemplate = b.pathTemplate;
    this.rawTarget = b.rawTarget;
    this.cancelToken = b.cancelToken;
  }

  /** A builder for a request with this method (upper case, e.g. {@code GET}) and path. */
  public static Builder builder(String method, String path) {
    return new Builder(method, path);
  }

  /** A builder for {@code GET path}. */
  public static Builder get(String path) {
    return new Builder("GET", path);
  }

  /** A builder for {@code POST path}. */
  public static Builder post(String path) {
    return new Builder("POST", path);
  }

  /** A builder for {@code DELETE path}. */
  public static Builder delete(String path) {
    return new Builder("DELETE", path);
  }

  /** A builder for {@code HEAD path}. */
  public static Builder head(String path) {
    return new Builder("HEAD", path);
  }

  /** A builder for {@code PUT path}. */
  public static Builder put(String path) {
    return new Builder("PUT", path);
  }

  /**
   * A new instance with the same values. Cheap (nothing is copied but the reference): for callers
   * that need one instance per call, since listeners and decorators may match requests by identity.
   */
  public Request copy() {
    return new Request(this);
  }

  /** A builder holding this request's values. */
  public Builder toBuilder() {
    Builder b = new Builder(method, path);
    b.query.addAll(query);
    b.headers = headers;
    b.body = body;
    b.callTimeout = callTimeout;
    b.readTimeout = readTimeout;
    b.bodyReadTimeout = bodyReadTimeout;
    b.operationId = operationId;
    b.pathTemplate = pathTemplate;
    b.rawTarget = rawTarget;
    b.cancelToken = cancelToken;
    return b;
  }

  /** The HTTP method. */
  public String method() {
    return method;
  }

  /** The unencoded path, e.g. {@code /containers/json}. */
  public String path() {
    return path;
  }

  /** The query parameters as name/value pairs, in order, unencoded. */
  public List<Map.Entry<String, String>> query() {
    List<Map.Entry<String, String>> out = new ArrayList<>(query.size() / 2);
    for (int i = 0; i < query.size(); i += 2) {
      out.add(Map.entry(query.get(i), query.get(i + 1)));
    }
    return out;
  }

  /** The first value of query parameter {@code name}, or {@code null}. */
  public String queryParameter(String name) {
    for (int i = 0; i < query.size(); i += 2) {
      if (query.get(i).equals(name)) {
        return query.get(i + 1);
      }
    }
    return null;
  }

  /** The request headers (without Host, Content-Length and other framing headers). */
  public Headers headers() {
    return headers;
  }

  /** The body, or {@code null} for none. */
  public RequestBody body() {
    return body;
  }

  /**
   * How long the call may take until the response headers have arrived, or {@code null} for the
   * transport's default. {@link Duration#ZERO} means no limit.
   */
  public Duration callTimeout() {
    return callTimeout;
  }

  /**
   * How long one read may wait for data, or {@code null} for the transport's default.
   * {@link Duration#ZERO} means no limit, as long-lived streams (follow logs, events) need.
   */
  public Duration readTimeout() {
    return readTimeout;
  }

  /**
   * How long one read may wait for data once the response head has arrived (the body, or a raw
   * stream), or {@code null} for the same as {@link #readTimeout()}. Long-lived streams (follow
   * logs, events, attach, wait) set {@link Duration#ZERO}: idling on an open stream is then the
   * caller's choice, while the wait for their response head stays bounded by the read timeout.
   */
  public Duration bodyReadTimeout() {
    return bodyReadTimeout;
  }

  /** The API operation id, e.g. {@code ContainerStart}, or {@code null}. */
  public String operationId() {
    return operationId;
  }

  /** The path template, e.g. {@code /containers/{id}/start}; the path when none was given. */
  public String pathTemplate() {
    return pathTemplate != null ? pathTemplate : path;
  }

  /** The token that cancels this call from another thread, or {@code null}. */
  public CancelToken cancelToken() {
    return cancelToken;
  }

  /** The request target as given verbatim with {@link Builder#rawTarget}, or {@code null}. */
  public String rawTarget() {
    return rawTarget;
  }

  /**
   * The request target sent on the wire: the percent-encoded path and query, or the raw target
   * when one was set.
   */
  public String target() {
    if (rawTarget != null) {
      return rawTarget;
    }
    String t = encodedTarget;
    if (t == null) { // a benign race: every thread computes the same String
      t = encodeTarget();
      encodedTarget = t;
    }
    return t;
  }

  private String encodeTarget() {
    StringBuilder sb = new StringBuilder(path.length() + 16 * query.size());
    encode(sb, path, PATH_SAFE);
    for (int i = 0; i < query.size(); i += 2) {
      sb.append(i == 0 ? '?' : '&');
      encode(sb, query.get(i), QUERY_SAFE);
      sb.append('=');
      encode(sb, query.get(i + 1), QUERY_SAFE);
    }
    return sb.toString();
  }

  /** Method and path template; never headers or body, which may carry credentials. */
  @Override
  public String toString() {
    return method + " " + pathTemplate() + (operationId == null ? "" : " (" + operationId + ")");
  }

  // RFC 3986 pchar minus nothing that docker routes need: ':' '@' and sub-delims stay literal.
  private static final boolean[] PATH_SAFE = safe("-._~!$&'()*+,;=:@/");
  // In a query component '&', '=', '+' and ';' must be encoded; the rest of pchar may stay.
  private static final boolean[] QUERY_SAFE = safe("-._~!$'()*,:@/");
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private static boolean[] safe(String extra) {
    boolean[] t = new boolean[128];
    for (char c = 'a'; c <= 'z'; c++) {
      t[c] = true;
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      t[c] = true;
    }
    for (char c = '0'; c <= '9'; c++) {
      t[c] = true;
    }
    for (char c : extra.toCharArray()) {
      t[c] = true;
    }
    return t;
  }

  private static void encode(StringBuilder sb, String s, boolean[] safe) {
    int n = s.length();
    int i = 0;
    while (i < n && s.charAt(i) < 128 && safe[s.charAt(i)]) {
      i++;
    }
    if (i == n) {
      sb.append(s);
      return;
    }
    sb.append(s, 0, i);
    byte[] bytes = s.substring(i).getBytes(StandardCharsets.UTF_8);
    for (byte b : bytes) {
      int c = b & 0xff;
      if (c < 128 && safe[c]) {
        sb.append((char) c);
      } else {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 15]);
      }
    }
  }

  /** Builds a {@link Request}; not thread-safe. */
  public static final class Builder {
    private String method;
    private String path;
    private final List<String> query = new ArrayList<>();
    private Headers headers;
    private Headers.Builder headersBuilder;
    private RequestBody body;
    private Duration callTimeout;
    private Duration readTimeout;
    private Duration bodyReadTimeout;
    private String operationId;
    private String pathTemplate;
    private String rawTarget;
    private CancelToken cancelToken;

    private Builder(String method, String path) {
      method(method);
      path(path);
    }

    /** Sets the method. */
    public Builder method(String method) {
      Objects.requireNonNull(method, "method");
      boolean valid = !method.isEmpty();
      for (int i = 0; valid && i < method.length(); i++) { // a plain loop: this runs per request
        char c = method.charAt(i);
        valid = c > ' ' && c < 127 && !(c >= 'a' && c <= 'z');
      }
      if (!valid) {
        throw new IllegalArgumentException("invalid HTTP method: " + method);
      }
      this.method = method;
      return this;
    }

    /** Sets the unencoded path; it must start with {@code /}. */
    public Builder path(String path) {
      Objects.requireNonNull(path, "path");
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("path must start with '/': " + path);
      }
      this.path = path;
      return this;
    }

    /** Adds a query parameter; a {@code null} value adds nothing. */
    public Builder query(String name, Object value) {
      Objects.requireNonNull(name, "query parameter name");
      if (value != null) {
        query.add(name);
        query.add(value.toString());
      }
      return this;
    }

    /** Removes every query parameter called {@code name}. */
    public Builder removeQuery(String name) {
      for (int i = query.size() - 2; i >= 0; i -= 2) {
        if (query.get(i).equals(name)) {
          query.remove(i + 1);
          query.remove(i);
        }
      }
      return this;
    }

    /** Adds a header. */
    public Builder header(String name, String value) {
      headersBuilder().add(name, value);
      return this;
    }

    /** Replaces the headers. */
    public Builder headers(Headers headers) {
      this.headers = Objects.requireNonNull(headers, "headers");
      this.headersBuilder = null;
      return this;
    }

    private Headers.Builder headersBuilder() {
      if (headersBuilder == null) {
        headersBuilder = headers == null ? Headers.builder() : headers.toBuilder();
        headers = null;
      }
      return headersBuilder;
    }

    /** Sets the body; {@code null} for none. */
    public Builder body(RequestBody body) {
      this.body = body;
      return this;
    }

    /** Limits the time until the response headers arrive; {@code ZERO} for none. */
    public Builder callTimeout(Duration callTimeout) {
      this.callTimeout = checkTimeout(callTimeout, "callTimeout");
      return this;
    }

    /** Limits how long each read may wait for data; {@code ZERO} for none. */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = checkTimeout(readTimeout, "readTimeout");
      return this;
    }

    /**
     * Limits how long each read may wait once the response head has arrived; {@code ZERO} for
     * none, {@code null} (the default) for the {@linkplain #readTimeout(Duration) read timeout}.
     */
    public Builder bodyReadTimeout(Duration bodyReadTimeout) {
      this.bodyReadTimeout = checkTimeout(bodyReadTimeout, "bodyReadTimeout");
      return this;
    }

    /** Names the API operation and its path template. */
    public Builder operation(String operationId, String pathTemplate) {
      this.operationId = operationId;
      this.pathTemplate = pathTemplate;
      return this;
    }

    /**
     * Sends this exact request target (path and query, already encoded) instead of the one built
     * from the path and query. For adapters that receive a target from elsewhere.
     */
    public Builder rawTarget(String rawTarget) {
      if (rawTarget != null && (!rawTarget.startsWith("/")
          || rawTarget.chars().anyMatch(c -> c <= ' ' || c >= 127))) {
        throw new IllegalArgumentException("invalid request target: " + rawTarget);
      }
      this.rawTarget = rawTarget;
      return this;
    }

    /**
     * Lets {@code token} cancel this call from another thread ({@code null}: none). See
     * {@link CancelToken}.
     */
    public Builder cancelToken(CancelToken token) {
      this.cancelToken = token;
      return this;
    }

    /** The request. */
    public Request build() {
      return new Request(this);
    }

    private static Duration checkTimeout(Duration d, String name) {
      if (d != null && d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative: " + d);
      }
      return d;
    }
  }
}
