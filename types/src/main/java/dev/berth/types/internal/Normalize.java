package dev.berth.types.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Helpers for the records' compact constructors: they turn possibly-null collections from
 * decoded JSON into non-null, unmodifiable copies.
 *
 * <p>Maps keep the order of the source map (the engine sends keys sorted), so printing a decoded
 * record is deterministic; {@link Map#copyOf} would not guarantee that.
 *
 * <p>This package is internal to the module and is not exported.
 */
public final class Normalize {

  private Normalize() {
  }

  /**
   * Returns an immutable copy of {@code list}, or an empty list when it is {@code null}.
   *
   * @param <T>  element type
   * @param list the list to copy, may be {@code null}
   * @return an immutable list
   * @throws NullPointerException if an element is {@code null}
   */
  public static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /**
   * Returns an unmodifiable, order-preserving copy of {@code map}, or an empty map when it is
   * {@code null}.
   *
   * @param <K> key type
   * @param <V> value type
   * @param map the map to copy, may be {@code null}
   * @return an unmodifiable map
   * @throws NullPointerException if a key or value is {@code null}
   */
  public static <K, V> Map<K, V> map(Map<K, V> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    if (map.size() == 1) {
      // the most common non-empty case in engine answers (one network, one label): one small
      // immutable object instead of a hash table; like the copies, it answers get(null) with null
      Map.Entry<K, V> e = map.entrySet().iterator().next();
      K k = Objects.requireNonNull(e.getKey(), "null key");
      return Collections.singletonMap(k, Objects.requireNonNull(e.getValue(), () -> "null value for key " + k));
    }
    Map<K, V> copy = new LinkedHashMap<>(capacity(map.size()));
    for (Map.Entry<K, V> e : map.entrySet()) {
      K k = Objects.requireNonNull(e.getKey(), "null key");
      copy.put(k, Objects.requireNonNull(e.getValue(), () -> "null value for key " + k));
    }
    return Collections.unmodifiableMap(copy);
  }

  /** A hash map's initial capacity that holds {@code n} entries without resizing. */
  private static int capacity(int n) {
    return (int) Math.ceil(n / 0.75);
  }

  /**
   * Returns an unmodifiable, order-preserving copy of {@code map} whose values may be
   * {@code null}, or an empty map when it is {@code null}. Meant for free-form JSON objects.
   *
   * @param <K> key type
   * @param <V> value type
   * @param map the map to copy, may be {@code null}
   * @return an unmodifiable map
   */
  public static <K, V> Map<K, V> mapAllowingNullValues(Map<K, V> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /**
   * Returns an immutable copy of {@code list}, or {@code null} when it is {@code null}. For the
   * few fields where the engine treats an absent list differently from an empty one.
   *
   * @param <T>  element type
   * @param list the list to copy, may be {@code null}
   * @return an immutable list, or {@code null}
   * @throws NullPointerException if an element is {@code null}
   */
  public static <T> List<T> listOrNull(List<T> list) {
    return list == null ? null : List.copyOf(list);
  }

  /**
   * Returns an immutable copy of a list of lists (a table of rows), or an empty list when it is
   * {@code null}; {@code null} rows become empty rows.
   *
   * @param <T>  element type
   * @param rows the rows to copy, may be {@code null}
   * @return an immutable list of immutable lists
   * @throws NullPointerException if an element of a row is {@code null}
   */
  public static <T> List<List<T>> listOfLists(List<List<T>> rows) {
    if (rows == null || rows.isEmpty()) {
      return List.of();
    }
    List<List<T>> copy = new ArrayList<>(rows.size());
    for (List<T> row : rows) {
      copy.add(list(row));
    }
    return Collections.unmodifiableList(copy);
  }

  /**
   * Returns an unmodifiable, order-preserving copy of a map whose values are lists, or an empty
   * map when it is {@code null}. A {@code null} value becomes an empty list: the engine sends
   * {@code null} for a port that is exposed but not published.
   *
   * @param <K> key type
   * @param <V> element type
   * @param map the map to copy, may be {@code null}
   * @return an unmodifiable map of immutable lists
   * @throws NullPointerException if a key or a list element is {@code null}
   */
  public static <K, V> Map<K, List<V>> mapOfLists(Map<K, List<V>> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    Map<K, List<V>> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "null key"), list(v)));
    return Collections.unmodifiableMap(copy);
  }

  /**
   * Returns an unmodifiable, order-preserving copy of a map whose values are JSON objects, or
   * an empty map when it is {@code null}. A {@code null} value becomes an empty object. Meant
   * for the API's sets encoded as {@code {"key": {}}}.
   *
   * @param <K> key type
   * @param map the map to copy, may be {@code null}
   * @return an unmodifiable map of unmodifiable maps
   * @throws NullPointerException if a key is {@code null}
   */
  public static <K> Map<K, Map<String, Object>> mapOfObjects(Map<K, Map<String, Object>> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    Map<K, Map<String, Object>> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "null key"),
        mapAllowingNullValues(v)));
    return Collections.unmodifiableMap(copy);
  }
}
