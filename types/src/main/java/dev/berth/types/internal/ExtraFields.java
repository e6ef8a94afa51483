package dev.berth.types.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Support for the {@code extra} component of request records: fields berth does not model yet,
 * which Jackson writes into the record's JSON object ({@code @JsonAnyGetter}) and fills from
 * fields the record does not know ({@code @JsonAnySetter}).
 *
 * <p>An extra field must not repeat a modelled one, or the JSON would carry the key twice. Go's
 * JSON decoder matches field names ignoring case, so builders reject {@code image} as well as
 * {@code Image}; the records' constructors reject exact repeats only, so that decoding never
 * fails on an odd spelling an engine might send.
 */
public final class ExtraFields {

  private record Names(Set<String> exact, Set<String> folded) {
  }

  private static final ClassValue<Names> NAMES = new ClassValue<>() {
    @Override
    protected Names computeValue(Class<?> type) {
      Set<String> exact = new HashSet<>();
      Set<String> folded = new HashSet<>();
      RecordComponent[] components = type.getRecordComponents();
      if (components == null) {
        throw new IllegalArgumentException(type + " is not a record");
      }
      for (RecordComponent c : components) {
        // @JsonProperty cannot target record components; javac puts it on the accessor
        JsonProperty property = c.getAccessor().getAnnotation(JsonProperty.class);
        if (property != null) {
          exact.add(property.value());
          folded.add(property.value().toLowerCase(Locale.ROOT));
        } else if (c.getAccessor().isAnnotationPresent(JsonUnwrapped.class)
            && c.getType().isRecord()) {
          // an unwrapped record's fields sit in the same JSON object
          Names inner = get(c.getType());
          exact.addAll(inner.exact());
          folded.addAll(inner.folded());
        }
      }
      return new Names(Set.copyOf(exact), Set.copyOf(folded));
    }
  };

  private ExtraFields() {
  }

  /**
   * Checks that {@code name} may be used as an extra field of {@code type}.
   *
   * @param type the record the field would be added to
   * @param name the field's JSON name
   * @throws NullPointerException     if {@code name} is {@code null}
   * @throws IllegalArgumentException if a component of {@code type} maps {@code name}, ignoring
   *                                  case
   */
  public static void checkName(Class<? extends Record> type, String name) {
    Objects.requireNonNull(name, "name");
    if (NAMES.get(type).folded().contains(name.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(name + " is a modelled field of "
          + type.getSimpleName() + "; set it with its own method, not as an extra field");
    }
  }

  /**
   * Returns an unmodifiable, order-preserving copy of the extra fields of a {@code type}
   * record, or an empty map when {@code extra} is {@code null}. Values may be {@code null}
   * (written as JSON {@code null}); they are not copied.
   *
   * @param type  the record the fields belong to
   * @param extra the fields, may be {@code null}
   * @return an unmodifiable map
   * @throws NullPointerException     if a name is {@code null}
   * @throws IllegalArgumentException if a name equals a component's JSON name
   */
  public static Map<String, Object> copy(Class<? extends Record> type,
      Map<String, Object> extra) {
    if (extra == null || extra.isEmpty()) {
      return Map.of();
    }
    Set<String> modelled = NAMES.get(type).exact();
    Map<String, Object> copy = new LinkedHashMap<>(extra);
    for (String name : copy.keySet()) {
      Objects.requireNonNull(name, "null extra field name");
      if (modelled.contains(name)) {
        throw new IllegalArgumentException(name + " is a modelled field of "
            + type.getSimpleName() + " and cannot also be an extra field");
      }
    }
    return Collections.unmodifiableMap(copy);
  }
}
