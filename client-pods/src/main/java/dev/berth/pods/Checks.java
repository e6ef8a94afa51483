package dev.berth.pods;

import java.time.Duration;
import java.util.Objects;

/** Argument checks shared by the service and its options classes. */
final class Checks {
  private Checks() {}

  static String require(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  static String signal(String signal) {
    if (signal != null && (signal.isBlank() || signal.chars().anyMatch(Character::isWhitespace))) {
      throw new IllegalArgumentException("signal must be a name or number without spaces: '" + signal + "'");
    }
    return signal;
  }

  static Duration timeout(Duration timeout) {
    if (timeout != null && timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative: " + timeout);
    }
    return timeout;
  }

  /** Whole seconds, rounded up (the API takes seconds). */
  static Long seconds(Duration timeout) {
    return timeout == null ? null : timeout.getSeconds() + (timeout.getNano() > 0 ? 1 : 0);
  }
}
