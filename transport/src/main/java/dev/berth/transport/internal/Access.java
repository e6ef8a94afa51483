package dev.berth.transport.internal;

import dev.berth.transport.Headers;
import java.util.function.Function;

/** Reaches package-private constructors of the API package without making them public. */
public final class Access {
  /** Set once by {@link Headers}; not for use outside berth. */
  public static volatile Function<String[], Headers> headers;

  private Access() {}

  /** Wraps parsed name/value pairs; the array is taken over, not copied. */
  public static Headers headers(String[] namesAndValues) {
    Function<String[], Headers> f = headers;
    if (f == null) {
      f = initHeaders();
    }
    return f.apply(namesAndValues);
  }

  private static Function<String[], Headers> initHeaders() {
    Headers unused = Headers.EMPTY; // runs Headers' static initialiser, which sets the field
    return headers;
  }
}
