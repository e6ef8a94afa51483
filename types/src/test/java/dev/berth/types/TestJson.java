package dev.berth.types;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Shared test support: an object mapper configured like the client's, and resource access. */
public final class TestJson {

  /** Configured as the client configures Jackson. */
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
      .build();

  /** Directory of the captures from a real Docker Engine 20.10.24 (API 1.41). */
  public static final String ENGINE_20_10 = "/engine-20.10/";

  private TestJson() {
  }

  /** Reads a classpath resource as UTF-8 text. */
  public static String resource(String path) {
    try (InputStream in = TestJson.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes JSON text into {@code type}. */
  public static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes a JSON array into a list of {@code type}. */
  public static <T> List<T> readList(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json,
          MAPPER.getTypeFactory().constructCollectionType(List.class, type));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Encodes {@code value} as a JSON tree, to check the field names it is written with. */
  public static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /**
   * Encodes {@code value} as JSON text and parses that text as a tree, so that numbers get the
   * same node types as in a parsed capture and the trees can be compared with {@code equals}.
   */
  public static JsonNode writtenTree(Object value) {
    try {
      return MAPPER.readTree(MAPPER.writeValueAsString(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses JSON text as a tree. */
  public static JsonNode parseTree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Encodes {@code value} and decodes it again as {@code type}. */
  public static <T> T roundTrip(T value, Class<T> type) {
    try {
      return MAPPER.readValue(MAPPER.writeValueAsString(value), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
