package dev.berth.pods;

import java.util.Objects;

/** Argument checks of the service. */
final class Checks {
  private Checks() {}

  static String require(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }
}
