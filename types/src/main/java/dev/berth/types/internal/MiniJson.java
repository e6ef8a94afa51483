package dev.berth.types.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader for the few places where this module must decode JSON itself
 * (values carried in HTTP headers) without depending on Jackson's data binding.
 *
 * <p>Objects become {@link Map}s (insertion-ordered), arrays {@link List}s, integers
 * {@link Long} (or {@link BigInteger} when they do not fit), other numbers {@link BigDecimal}.
 * Input is limited to {@value #MAX_LENGTH} characters and {@value #MAX_DEPTH} levels of nesting.
 */
public final class MiniJson {

  /** Longest input accepted, in characters; header values are far shorter. */
  public static final int MAX_LENGTH = 64 * 1024;

  /** Deepest nesting accepted. */
  public static final int MAX_DEPTH = 32;

  private final String text;
  private int pos;

  private MiniJson(String text) {
    this.text = text;
  }

  /**
   * Parses a JSON text whose top-level value is an object.
   *
   * @param text the JSON text
   * @return the object's members, in document order; unmodifiable
   * @throws IllegalArgumentException if {@code text} is not a single well-formed JSON object or
   *                                  exceeds the limits
   */
  public static Map<String, Object> parseObject(String text) {
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("JSON text longer than " + MAX_LENGTH + " chars");
    }
    MiniJson parser = new MiniJson(text);
    parser.skipWhitespace();
    if (!parser.peek('{')) {
      throw parser.error("expected an object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) parser.value(0);
    parser.skipWhitespace();
    if (parser.pos != text.length()) {
      throw parser.error("unexpected data after the object");
    }
    return result;
  }

  private Object value(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH);
    }
    skipWhitespace();
    if (pos >= text.length()) {
      throw error("unexpected end");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> object(depth);
      case '[' -> array(depth);
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw error("unexpected character '" + c + "'");
      }
    };
  }

  private Map<String, Object> object(int depth) {
    pos++; // {
    Map<String, Object> members = new LinkedHashMap<>();
    skipWhitespace();
    if (consume('}')) {
      return Collections.unmodifiableMap(members);
    }
    while (true) {
      skipWhitespace();
      if (!peek('"')) {
        throw error("expected a member name");
      }
      String name = string();
      skipWhitespace();
      expect(':');
      Object member = value(depth + 1);
      if (members.containsKey(name)) {
        throw error("duplicate member " + name);
      }
      members.put(name, member);
      skipWhitespace();
      if (consume('}')) {
        return Collections.unmodifiableMap(members);
      }
      expect(',');
    }
  }

  private List<Object> array(int depth) {
    pos++; // [
    List<Object> items = new ArrayList<>();
    skipWhitespace();
    if (consume(']')) {
      return Collections.unmodifiableList(items);
    }
    while (true) {
      items.add(value(depth + 1));
      skipWhitespace();
      if (consume(']')) {
        return Collections.unmodifiableList(items);
      }
      expect(',');
    }
  }

  private String string() {
    pos++; // opening quote
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c < 0x20) {
        throw error("control character in string");
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (pos >= text.length()) {
        throw error("unterminated escape");
      }
      char e = text.charAt(pos++);
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          if (pos + 4 > text.length()) {
            throw error("short unicode escape");
          }
          int code = 0;
          for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos++), 16);
            if (digit < 0) {
              throw error("bad unicode escape");
            }
            code = code * 16 + digit;
          }
          sb.append((char) code);
        }
        default -> throw error("bad escape \\" + e);
      }
    }
  }

  private Object number() {
    int start = pos;
    consume('-');
    if (consume('0')) {
      // a leading zero stands alone
    } else if (!digits()) {
      throw error("bad number");
    }
    boolean integral = true;
    if (consume('.')) {
      integral = false;
      if (!digits()) {
        throw error("bad fraction");
      }
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      integral = false;
      pos++;
      if (!consume('+')) {
        consume('-');
      }
      if (!digits()) {
        throw error("bad exponent");
      }
    }
    String literal = text.substring(start, pos);
    if (!integral) {
      return new BigDecimal(literal);
    }
    BigInteger value = new BigInteger(literal);
    return value.bitLength() < 64 ? (Object) value.longValue() : value;
  }

  private boolean digits() {
    int start = pos;
    while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      pos++;
    }
    return pos > start;
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, pos)) {
      throw error("bad literal");
    }
    pos += word.length();
    return value;
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private boolean peek(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private boolean consume(char c) {
    if (peek(c)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!consume(c)) {
      throw error("expected '" + c + "'");
    }
  }

  private IllegalArgumentException error(String message) {
    return new IllegalArgumentException("malformed JSON at offset " + pos + ": " + message);
  }
}
