package dev.berth.types.internal;

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
        Map<K, V> copy = new LinkedHashMap<>(map);
        copy.forEach((k, v) -> {
            Objects.requireNonNull(k, "null key");
            Objects.requireNonNull(v, () -> "null value for key " + k);
        });
        return Collections.unmodifiableMap(copy);
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
}
