package dev.berth.client;

import dev.berth.transport.Request;
import java.util.Objects;

/**
 * One API operation: its id ({@code ContainerStart}), method, path template
 * ({@code /containers/{id}/start}) and the oldest API version that has it. Services keep them as
 * constants and build requests with {@link #request(String...)}.
 */
public final class Operation {
  private final String id;
  private final String method;
  private final String pathTemplate;
  private final ApiVersion since;
  private final String[] parts; // literal, param, literal, param, ..., literal

  private Operation(String id, String method, String pathTemplate, ApiVersion since) {
    this.id = Objects.requireNonNull(id, "id");
    this.method = Objects.requireNonNull(method, "method");
    this.pathTemplate = Objects.requireNonNull(pathTemplate, "pathTemplate");
    this.since = since;
    this.parts = split(pathTemplate);
  }

  /** An operation available in every API version berth speaks. */
  public static Operation of(String id, String method, String pathTemplate) {
    return new Operation(id, method, pathTemplate, null);
  }

  /** An operation added in API version {@code since}. */
  public static Operation of(String id, String method, String pathTemplate, ApiVersion since) {
    return new Operation(id, method, pathTemplate, Objects.requireNonNull(since, "since"));
  }

  private static String[] split(String template) {
    java.util.List<String> out = new java.util.ArrayList<>();
    int i = 0;
    StringBuilder lit = new StringBuilder();
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '{') {
        int end = template.indexOf('}', i);
        if (end < 0) {
          throw new IllegalArgumentException("unclosed '{' in path template " + template);
        }
        out.add(lit.toString());
        lit.setLength(0);
        out.add(template.substring(i + 1, end));
        i = end + 1;
      } else {
        lit.append(c);
        i++;
      }
    }
    out.add(lit.toString());
    return out.toArray(new String[0]);
  }

  /** The operation id from the API definition. */
  public String id() {
    return id;
  }

  /** The HTTP method. */
  public String method() {
    return method;
  }

  /** The unversioned path template. */
  public String pathTemplate() {
    return pathTemplate;
  }

  /** The oldest API version with this operation, or {@code null} when every version has it. */
  public ApiVersion since() {
    return since;
  }

  /** The names of the template's path parameters, in order. */
  public java.util.List<String> pathParameters() {
    java.util.List<String> names = new java.util.ArrayList<>();
    for (int i = 1; i < parts.length; i += 2) {
      names.add(parts[i]);
    }
    return names;
  }

  /**
   * A request builder with the path parameters filled in, in template order.
   *
   * @throws IllegalArgumentException when a value is missing, empty, or has a {@code .} or
   *     {@code ..} segment (which would make the request reach a different endpoint)
   */
  public Request.Builder request(String... pathValues) {
    int expected = parts.length / 2;
    if (pathValues.length != expected) {
      throw new IllegalArgumentException(id + " takes " + expected + " path parameter(s) "
          + pathParameters() + ", got " + pathValues.length);
    }
    StringBuilder path = new StringBuilder(pathTemplate.length() + 32);
    for (int i = 0; i < parts.length; i++) {
      if (i % 2 == 0) {
        path.append(parts[i]);
      } else {
        String v = pathValues[i / 2];
        String name = parts[i];
        if (v == null || v.isBlank()) {
          throw new IllegalArgumentException(id + ": " + name + " must not be empty");
        }
        for (String segment : v.split("/", -1)) {
          if (segment.equals(".") || segment.equals("..")) {
            throw new IllegalArgumentException(id + ": " + name + " must not contain '.' or '..' segments: " + v);
          }
        }
        path.append(v);
      }
    }
    return Request.builder(method, path.toString()).operation(id, pathTemplate);
  }

  /** {@code ContainerStart POST /containers/{id}/start}. */
  @Override
  public String toString() {
    return id + " " + method + " " + pathTemplate;
  }
}
