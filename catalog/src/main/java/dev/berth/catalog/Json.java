package dev.berth.catalog;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Decodes answers into plain Java values: maps, lists, strings, numbers, booleans. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** One JSON value; several in a row as a list; anything else (or nothing) as text. */
  static Object decode(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      return text;
    }
    // value by value (a MappingIterator would unwrap a top-level array into its elements)
    try (JsonParser p = MAPPER.getFactory().createParser(body)) {
      List<Object> values = new ArrayList<>();
      while (p.nextToken() != null) {
        values.add(MAPPER.readValue(p, Object.class));
      }
      return values.size() == 1 ? values.get(0) : values;
    } catch (JacksonException | RuntimeException e) {
      return text; // not JSON: Docker answers some operations with text (ping's OK, errors as text)
    } catch (IOException e) {
      throw new IllegalStateException("reading an in-memory body failed", e);
    }
  }
}
