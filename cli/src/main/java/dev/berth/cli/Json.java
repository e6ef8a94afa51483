package dev.berth.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;

/** {@code --format json} and {@code inspect}: values as indented JSON (set up only when asked for). */
final class Json {
  private Json() {}

  private static final class Holder {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  static void print(PrintStream out, Object value) {
    try {
      out.println(Holder.MAPPER.writeValueAsString(value));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  /** A JSON value from the command line (an {@code invoke} parameter), as maps and lists. */
  static Object parse(String text) {
    try {
      return Holder.MAPPER.readValue(text, Object.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UsageException("not JSON: " + text + " (" + e.getOriginalMessage() + ")");
    }
  }

  /** Whether {@code --format} asks for JSON; any other value than {@code table} is a usage error. */
  static boolean wanted(Args a) {
    String f = a.get("format", "table");
    if (f.equals("json")) {
      return true;
    }
    if (!f.equals("table")) {
      throw new UsageException("--format is table or json, not \"" + f + "\"");
    }
    return false;
  }

  static final Args.Opt FORMAT = Args.opt("FORMAT", "--format", "table (default) or json");
}
