package dev.berth.transport.internal;

import dev.berth.transport.Headers;
import dev.berth.transport.RequestBody;
import java.util.function.Function;

/**
 * Reaches package-private parts of the API package without making them public. Each hook is set
 * once, by the API class's static initialiser; a second attempt fails.
 */
public final class Access {
  private static volatile Function<String[], Headers> headers;
  private static volatile Function<RequestBody, byte[]> bodyBytes;

  private Access() {}

  /** Called by {@link Headers} only. */
  public static synchronized void setHeaders(Function<String[], Headers> f) {
    if (headers != null) {
      throw new IllegalStateException("already set");
    }
    headers = f;
  }

  /** Called by {@link RequestBody} only. */
  public static synchronized void setBodyBytes(Function<RequestBody, byte[]> f) {
    if (bodyBytes != null) {
      throw new IllegalStateException("already set");
    }
    bodyBytes = f;
  }

  /** Wraps parsed, validated name/value pairs; the array is taken over, not copied. */
  static Headers headers(String[] namesAndValues) {
    Function<String[], Headers> f = headers;
    if (f == null) {
      Headers unused = Headers.EMPTY; // runs Headers' static initialiser, which sets the hook
      f = headers;
    }
    return f.apply(namesAndValues);
  }

  /** The bytes of a fixed body (not copied), or null for a streamed one. */
  static byte[] bytes(RequestBody body) {
    Function<RequestBody, byte[]> f = bodyBytes;
    if (f == null) {
      f = bodyBytes; // the body's class is initialised: it exists
    }
    return f == null ? null : f.apply(body);
  }
}
