package dev.berth.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code filters} query parameter many list, prune and event operations take: a map from
 * filter name to values, sent as JSON ({@code {"label":["a=b"],"type":["container"]}}).
 * Immutable.
 */
public final class Filters {
  /** No filters. */
  public static final Filters NONE = new Filters(Map.of());

  private final Map<String, List<String>> values;

  private Filters(Map<String, List<String>> values) {
    this.values = values;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The filters as an unmodifiable map. */
  public Map<String, List<String>> asMap() {
    return values;
  }

  /** Whether there are none. */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** A builder starting with these filters. */
  public Builder toBuilder() {
    Builder b = new Builder();
    values.forEach((k, v) -> b.add(k, v.toArray(new String[0])));
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Filters && ((Filters) o).values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "Filters" + values;
  }

  /** Builds {@link Filters}; not thread-safe. */
  public static final class Builder {
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private Builder() {}

    /** Adds values to the filter {@code name} (e.g. {@code label}, {@code status}). */
    public Builder add(String name, String... values) {
      Objects.requireNonNull(name, "filter name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("filter name must not be blank");
      }
      List<String> list = this.values.computeIfAbsent(name, k -> new ArrayList<>());
      for (String v : values) {
        list.add(Objects.requireNonNull(v, () -> "value of filter " + name));
      }
      return this;
    }

    /** The filters. */
    public Filters build() {
      if (values.isEmpty()) {
        return NONE;
      }
      Map<String, List<String>> copy = new LinkedHashMap<>();
      values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      return new Filters(Collections.unmodifiableMap(copy));
    }
  }
}
