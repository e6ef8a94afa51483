package dev.berth.client;

import java.util.Objects;

/** A Docker Engine API version such as {@code 1.41}. Immutable, ordered. */
public final class ApiVersion implements Comparable<ApiVersion> {
  /** The oldest version berth speaks. */
  public static final ApiVersion MIN = new ApiVersion(1, 24);
  /** The newest version berth knows; negotiation never goes above it. */
  public static final ApiVersion MAX = new ApiVersion(1, 51);
  /** Docker's answer when an engine does not report its version. */
  public static final ApiVersion FALLBACK = new ApiVersion(1, 24);

  private final int major;
  private final int minor;
  private final String text;

  private ApiVersion(int major, int minor) {
    this.major = major;
    this.minor = minor;
    this.text = major + "." + minor;
  }

  /** A version from its parts. */
  public static ApiVersion of(int major, int minor) {
    if (major < 0 || minor < 0) {
      throw new IllegalArgumentException("invalid API version " + major + "." + minor);
    }
    return new ApiVersion(major, minor);
  }

  /**
   * Parses {@code "1.41"} (a leading {@code v} is accepted).
   *
   * @throws IllegalArgumentException for anything else
   */
  public static ApiVersion parse(String s) {
    Objects.requireNonNull(s, "version");
    String t = s.trim();
    if (t.startsWith("v")) {
      t = t.substring(1);
    }
    int dot = t.indexOf('.');
    try {
      if (dot <= 0 || dot == t.length() - 1 || t.indexOf('.', dot + 1) >= 0) {
        throw new NumberFormatException();
      }
      return of(Integer.parseInt(t.substring(0, dot)), Integer.parseInt(t.substring(dot + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid API version (expected e.g. 1.41): " + s);
    }
  }

  /** The major part. */
  public int major() {
    return major;
  }

  /** The minor part. */
  public int minor() {
    return minor;
  }

  /** Whether this version is {@code other} or newer. */
  public boolean isAtLeast(ApiVersion other) {
    return compareTo(other) >= 0;
  }

  /** The older of two versions. */
  public static ApiVersion min(ApiVersion a, ApiVersion b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  @Override
  public int compareTo(ApiVersion o) {
    return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApiVersion && ((ApiVersion) o).major == major && ((ApiVersion) o).minor == minor;
  }

  @Override
  public int hashCode() {
    return major * 1000 + minor;
  }

  /** {@code "1.41"}. */
  @Override
  public String toString() {
    return text;
  }
}
