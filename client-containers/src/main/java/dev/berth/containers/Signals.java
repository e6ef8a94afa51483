package dev.berth.containers;

import java.time.Duration;

/** Checks shared by the options classes that carry a signal or a stop timeout. */
final class Signals {
  private Signals() {}

  static String check(String signal) {
    if (signal != null && (signal.isBlank() || signal.chars().anyMatch(Character::isWhitespace))) {
      throw new IllegalArgumentException("signal must be a name or number without spaces: '" + signal + "'");
    }
    return signal;
  }

  static Duration checkTimeout(Duration timeout) {
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
