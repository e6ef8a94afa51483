package dev.berth.catalog.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough EDN for Podman's operation files: maps, lists, vectors, strings, keywords (kept as
 * their text after the colon, e.g. {@code libpod/pods}), booleans, nil and numbers.
 */
final class Edn {
  private final String s;
  private int i;

  private Edn(String s) {
    this.s = s;
  }

  /** Reads one value from {@code text}. */
  static Object read(String text) {
    Edn r = new Edn(text);
    Object v = r.value();
    r.skip();
    if (r.i != r.s.length()) {
      throw r.error("trailing data");
    }
    return v;
  }

  /** An EDN keyword, told apart from a string. */
  record Keyword(String name) {
    @Override
    public String toString() {
      return name;
    }
  }

  private Object value() {
    skip();
    if (i >= s.length()) {
      throw error("unexpected end");
    }
    char c = s.charAt(i);
    switch (c) {
      case '{':
        i++;
        Map<Object, Object> map = new LinkedHashMap<>();
        while (peek() != '}') {
          Object k = value();
          map.put(k, value());
        }
        i++;
        return map;
      case '(':
      case '[':
        char close = c == '(' ? ')' : ']';
        i++;
        List<Object> list = new ArrayList<>();
        while (peek() != close) {
          list.add(value());
        }
        i++;
        return list;
      case '"':
        return string();
      case ':':
        i++;
        return new Keyword(token());
      default:
        String t = token();
        switch (t) {
          case "true":
            return Boolean.TRUE;
          case "false":
            return Boolean.FALSE;
          case "nil":
            return null;
          default:
            try {
              return Long.parseLong(t);
            } catch (NumberFormatException e) {
              throw error("unsupported token '" + t + "'");
            }
        }
    }
  }

  private char peek() {
    skip();
    if (i >= s.length()) {
      throw error("unexpected end");
    }
    return s.charAt(i);
  }

  private String string() {
    StringBuilder b = new StringBuilder();
    i++;
    while (true) {
      if (i >= s.length()) {
        throw error("unterminated string");
      }
      char c = s.charAt(i++);
      if (c == '"') {
        return b.toString();
      }
      if (c == '\\') {
        char e = s.charAt(i++);
        b.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
      } else {
        b.append(c);
      }
    }
  }

  private String token() {
    int start = i;
    while (i < s.length() && "{}()[]\", \t\r\n".indexOf(s.charAt(i)) < 0) {
      i++;
    }
    if (start == i) {
      throw error("empty token");
    }
    return s.substring(start, i);
  }

  private void skip() {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == ';') {
        while (i < s.length() && s.charAt(i) != '\n') {
          i++;
        }
      } else if (Character.isWhitespace(c) || c == ',') {
        i++;
      } else {
        return;
      }
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("EDN: " + what + " at offset " + i);
  }
}
