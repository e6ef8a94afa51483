package dev.berth.types.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Helpers for the records' builders, which keep collections in mutable fields until
 * {@code build()} hands them to a record (whose constructor copies them).
 */
public final class Builders {

  private Builders() {
  }

  /**
   * Returns a mutable copy of {@code list}, or {@code null} when it is {@code null}.
   *
   * @param <T>  element type
   * @param list the list to copy, may be {@code null}
   * @return a new list or {@code null}
   */
  public static <T> List<T> mutableList(List<? extends T> list) {
    return list == null ? null : new ArrayList<>(list);
  }

  /**
   * Returns a mutable, order-preserving copy of {@code map}, or {@code null} when it is
   * {@code null}.
   *
   * @param <V> value type
   * @param map the map to copy, may be {@code null}
   * @return a new map or {@code null}
   */
  public static <V> Map<String, V> mutableMap(Map<String, ? extends V> map) {
    return map == null ? null : new LinkedHashMap<>(map);
  }

  /**
   * Returns the arguments of a varargs setter as a list, or {@code null} for a {@code null}
   * array.
   *
   * @param <T>   element type
   * @param items the array, may be {@code null}
   * @return a fixed-size list view of {@code items}, or {@code null}
   */
  public static <T> List<T> asList(T[] items) {
    return items == null ? null : Arrays.asList(items);
  }

  /**
   * Adds {@code item} to {@code list}, creating the list when it is {@code null}.
   *
   * @param <T>  element type
   * @param list a mutable list or {@code null}
   * @param item the element to add
   * @return the list that now holds {@code item}
   * @throws NullPointerException if {@code item} is {@code null}
   */
  public static <T> List<T> add(List<T> list, T item) {
    Objects.requireNonNull(item, "item");
    List<T> result = list == null ? new ArrayList<>() : list;
    result.add(item);
    return result;
  }

  /**
   * Puts an entry into {@code map}, creating the map when it is {@code null}.
   *
   * @param <V>   value type
   * @param map   a mutable map or {@code null}
   * @param key   the key
   * @param value the value
   * @return the map that now holds the entry
   * @throws NullPointerException if {@code key} or {@code value} is {@code null}
   */
  public static <V> Map<String, V> put(Map<String, V> map, String key, V value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Map<String, V> result = map == null ? new LinkedHashMap<>() : map;
    result.put(key, value);
    return result;
  }

  /**
   * Appends {@code item} to the list stored under {@code key}, creating map and list as needed.
   *
   * @param <V>  element type
   * @param map  a mutable map (its lists may be immutable) or {@code null}
   * @param key  the key
   * @param item the element to append
   * @return the map that now holds the element
   * @throws NullPointerException if {@code key} or {@code item} is {@code null}
   */
  public static <V> Map<String, List<V>> append(Map<String, List<V>> map, String key, V item) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(item, "item");
    Map<String, List<V>> result = map == null ? new LinkedHashMap<>() : map;
    List<V> old = result.get(key);
    List<V> list = old == null ? new ArrayList<>() : new ArrayList<>(old);
    list.add(item);
    result.put(key, list);
    return result;
  }

  /**
   * Turns keys into the API's set encoding, a JSON object whose values are empty objects.
   *
   * @param keys the keys
   * @return a mutable, order-preserving map from each key to an empty map
   * @throws NullPointerException if a key is {@code null}
   */
  public static Map<String, Map<String, Object>> emptyObjects(Collection<String> keys) {
    Map<String, Map<String, Object>> result = new LinkedHashMap<>();
    for (String key : keys) {
      result.put(Objects.requireNonNull(key, "key"), Map.of());
    }
    return result;
  }
}
