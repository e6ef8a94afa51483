package dev.berth.client.internal;

import java.time.Duration;

/** Checks shared by the services' options that carry a signal or a stop timeout. */
public final class Signals {
  private Signals() {}

  /** {@code signal} when null or a name/number without spaces; else an IllegalArgumentException. */
  public static String check(String signal) {
    if (signal != null && (signal.isBlank() || signal.chars().anyMatch(Character::isWhitespace))) {
      throw new IllegalArgumentException("signal must be a name or number without spaces: '" + signal + "'");
    }
    return signal;
  }

  /** {@code timeout} when null or not negative; else an IllegalArgumentException. */
  public static Duration checkTimeout(Duration timeout) {
    if (timeout != null && timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative: " + timeout);
    }
    return timeout;
  }

  /** Whole seconds, rounded up (the API takes seconds); null for null. */
  public static Long seconds(Duration timeout) {
    return timeout == null ? null : timeout.getSeconds() + (timeout.getNano() > 0 ? 1 : 0);
  }
}
