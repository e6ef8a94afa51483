package dev.berth.transport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable, ordered list of HTTP header fields with case-insensitive names.
 *
 * <p>{@link #toString()} never prints the values of headers that carry credentials
 * ({@code X-Registry-Auth}, {@code X-Registry-Config}, {@code Authorization},
 * {@code Proxy-Authorization}, {@code Cookie}), nor of those added with
 * {@link #addSensitive(String)} (a proxy's or gateway's own authentication header).
 */
public final class Headers {

  /** No headers. */
  public static final Headers EMPTY = new Headers(new String[0]);

  private static final Set<String> SENSITIVE =
      Set.of("x-registry-auth", "x-registry-config", "authorization", "proxy-authorization",
          "cookie", "set-cookie");
  private static final Set<String> ADDED = java.util.concurrent.ConcurrentHashMap.newKeySet();

  // name0, value0, name1, value1, ...
  private final String[] namesAndValues;

  private Headers(String[] namesAndValues) {
    this.namesAndValues = namesAndValues;
  }

  /** Headers from alternating names and values: {@code Headers.of("Accept", "*&#47;*")}. */
  public static Headers of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("expected name/value pairs, got an odd count");
    }
    Builder b = builder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      b.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return b.build();
  }

  /** A builder for new headers. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting with these headers. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.list.addAll(Arrays.asList(namesAndValues));
    return b;
  }

  /** The first value of {@code name}, or {@code null}. */
  public String first(String name) {
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i].equalsIgnoreCase(name)) {
        return namesAndValues[i + 1];
      }
    }
    return null;
  }

  /** Every value of {@code name}, in order; empty when absent. */
  public List<String> all(String name) {
    List<String> out = null;
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i].equalsIgnoreCase(name)) {
        if (out == null) {
          out = new ArrayList<>(2);
        }
        out.add(namesAndValues[i + 1]);
      }
    }
    return out == null ? List.of() : Collections.unmodifiableList(out);
  }

  /** Whether a field called {@code name} is present. */
  public boolean contains(String name) {
    return first(name) != null;
  }

  /** The number of fields. */
  public int size() {
    return namesAndValues.length / 2;
  }

  /** The name of field {@code index}, as received. */
  public String name(int index) {
    return namesAndValues[index * 2];
  }

  /** The value of field {@code index}. */
  public String value(int index) {
    return namesAndValues[index * 2 + 1];
  }

  /** The distinct field names, in first-seen order, as received. */
  public Set<String> names() {
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      out.add(namesAndValues[i]);
    }
    return Collections.unmodifiableSet(out);
  }

  /** Whether the value of a field called {@code name} must never be logged. */
  public static boolean isSensitive(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return SENSITIVE.contains(lower) || (!ADDED.isEmpty() && ADDED.contains(lower));
  }

  /**
   * Adds a header whose value is never printed, for this whole JVM (case-insensitive), e.g. the
   * {@code X-Api-Key} a proxy in front of the engine wants. Names cannot be removed again: a
   * credential once redacted stays redacted. Thread-safe.
   *
   * @throws IllegalArgumentException for an empty name
   */
  public static void addSensitive(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("empty header name");
    }
    ADDED.add(name.trim().toLowerCase(Locale.ROOT));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Headers && Arrays.equals(namesAndValues, ((Headers) o).namesAndValues);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(namesAndValues);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(namesAndValues[i]).append(": ");
      sb.append(isSensitive(namesAndValues[i]) ? "<redacted>" : namesAndValues[i + 1]);
    }
    return sb.append('}').toString();
  }

  /** Builds {@link Headers}; not thread-safe. */
  public static final class Builder {
    private final List<String> list = new ArrayList<>();

    private Builder() {}

    /** Appends a field. Names and values must not contain CR, LF or NUL. */
    public Builder add(String name, String value) {
      list.add(checkName(name));
      list.add(checkValue(name, value));
      return this;
    }

    /** Replaces every field called {@code name} with one field. */
    public Builder set(String name, String value) {
      remove(name);
      return add(name, value);
    }

    /** Removes every field called {@code name}. */
    public Builder remove(String name) {
      for (int i = list.size() - 2; i >= 0; i -= 2) {
        if (list.get(i).equalsIgnoreCase(name)) {
          list.remove(i + 1);
          list.remove(i);
        }
      }
      return this;
    }

    /** The headers. */
    public Headers build() {
      return list.isEmpty() ? EMPTY : new Headers(list.toArray(new String[0]));
    }

    private static String checkName(String name) {
      Objects.requireNonNull(name, "header name");
      if (name.isEmpty()) {
        throw new IllegalArgumentException("empty header name");
      }
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        boolean token = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
        if (!token) {
          throw new IllegalArgumentException("invalid character in header name: " + name);
        }
      }
      return name;
    }

    private static String checkValue(String name, String value) {
      Objects.requireNonNull(value, () -> "value of header " + name);
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '\r' || c == '\n' || c == 0 || c > 255) {
          // never echo the value: it may be a credential
          throw new IllegalArgumentException("invalid character in the value of header " + name);
        }
      }
      return value;
    }
  }

  static {
    // lets the HTTP parser hand over already-validated fields without copying them again
    dev.berth.transport.internal.Access.setHeaders(nv -> nv.length == 0 ? EMPTY : new Headers(nv));
  }
}
