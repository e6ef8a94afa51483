package dev.berth.catalog;

import dev.berth.client.EngineClient;
import dev.berth.client.EngineException;
import dev.berth.client.MalformedResponseException;
import dev.berth.client.StreamErrorException;
import dev.berth.client.TransportException;
import dev.berth.transport.Request;
import dev.berth.transport.RequestBody;
import dev.berth.transport.Response;
import dev.berth.types.system.EngineKind;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Turns a catalog operation plus a params map and a body into a request, and reads answers. */
final class Invoker {
  /** The most of an answer read into memory. */
  static final int MAX_BODY = 64 * 1024 * 1024;

  private Invoker() {}

  static Request request(EngineClient client, CatalogOperation op, Map<String, ?> given, Object body) {
    List<String> valid = op.parameterNames();
    Map<String, Object> params = new java.util.HashMap<>();
    for (Map.Entry<String, ?> e : given.entrySet()) {
      params.put(canonical(op, e.getKey(), valid), e.getValue());
    }
    for (CatalogParameter p : op.parameters()) {
      if (p.required() && p.place() != ParameterPlace.BODY && params.get(p.name()) == null) {
        throw new ParameterException(op.id(), "missing required parameter '" + p.name() + "'", valid);
      }
    }
    if (body == null && op.bodyRequired()) {
      throw new ParameterException(op.id(), "a " + op.bodyKind().name().toLowerCase(java.util.Locale.ROOT)
          + " body is required", valid);
    }
    if (body != null && op.bodyKind() == BodyKind.NONE) {
      throw new ParameterException(op.id(), "the operation takes no body", valid);
    }

    List<String> pathNames = op.operation().pathParameters();
    String[] pathValues = new String[pathNames.size()];
    for (int i = 0; i < pathValues.length; i++) {
      Object v = params.get(pathNames.get(i));
      if (v instanceof Map || v instanceof Collection || (v != null && v.getClass().isArray())) {
        throw new ParameterException(op.id(), "path parameter '" + pathNames.get(i) + "' must be a single value",
            valid);
      }
      pathValues[i] = String.valueOf(v);
    }
    Request.Builder b;
    try {
      b = client.request(op.operation(), pathValues);
    } catch (IllegalArgumentException e) {
      String m = String.valueOf(e.getMessage());
      String prefix = op.id() + ": ";
      throw new ParameterException(op.id(), m.startsWith(prefix) ? m.substring(prefix.length()) : m, valid);
    }
    String contentType = null;
    for (CatalogParameter p : op.parameters()) {
      Object v = params.get(p.name());
      if (v == null) {
        continue;
      }
      if (p.place() == ParameterPlace.QUERY) {
        query(client, b, p, v);
      } else if (p.place() == ParameterPlace.HEADER) {
        String value = v instanceof Map
            ? Base64.getUrlEncoder().encodeToString(client.toJson(v).getBytes(StandardCharsets.UTF_8))
            : String.valueOf(v);
        if (p.name().equalsIgnoreCase("Content-Type")) {
          contentType = value; // goes with the body, below
        } else {
          b.header(p.name(), value);
        }
      }
    }
    if (body != null) {
      b.body(body(client, op, body, contentType));
    }
    if (op.responseKind() != ResponseKind.JSON || op.id().startsWith("ContainerWait")) {
      b.readTimeout(Duration.ZERO); // streams and waits may stay quiet for as long as they like
    }
    Request request = b.build();
    if (op.engine() == EngineKind.PODMAN && op.path().startsWith("/libpod/")) {
      // libpod handlers check their own API version (Podman's, not the compat one the client
      // negotiates): the catalog's, sent as the target's prefix
      return request.toBuilder().rawTarget("/v" + op.catalogVersion() + request.target()).build();
    }
    return request;
  }

  /** The definition's name for {@code name}; header names match in any case, as in HTTP. */
  private static String canonical(CatalogOperation op, String name, List<String> valid) {
    if (name != null) {
      for (CatalogParameter p : op.parameters()) {
        if (p.name().equals(name)
            || (p.place() == ParameterPlace.HEADER && p.name().equalsIgnoreCase(name))) {
          return p.name();
        }
      }
    }
    throw new ParameterException(op.id(), "unknown parameter '" + name + "'", valid);
  }

  private static void query(EngineClient client, Request.Builder b, CatalogParameter p, Object v) {
    List<String> items = items(v);
    if (items == null) {
      b.query(p.name(), v instanceof Map ? client.toJson(v) : v.toString());
    } else if (!p.type().isEmpty() && !p.type().startsWith("array")) {
      b.query(p.name(), client.toJson(v)); // a list where the definition wants one value: as JSON
    } else {
      switch (p.arrayFormat()) {
        case "csv":
          b.query(p.name(), String.join(",", items));
          break;
        case "ssv":
          b.query(p.name(), String.join(" ", items));
          break;
        case "tsv":
          b.query(p.name(), String.join("\t", items));
          break;
        case "pipes":
          b.query(p.name(), String.join("|", items));
          break;
        default: // multi, or unknown (Podman decodes repeated parameters)
          for (String item : items) {
            b.query(p.name(), item);
          }
      }
    }
  }

  /** The items of a collection or array as text, or null for a single value. */
  private static List<String> items(Object v) {
    List<String> out = new ArrayList<>();
    if (v instanceof Collection) {
      for (Object o : (Collection<?>) v) {
        out.add(String.valueOf(o));
      }
      return out;
    }
    if (v.getClass().isArray() && !(v instanceof byte[])) {
      for (int i = 0; i < Array.getLength(v); i++) {
        out.add(String.valueOf(Array.get(v, i)));
      }
      return out;
    }
    return null;
  }

  private static RequestBody body(EngineClient client, CatalogOperation op, Object body, String contentType) {
    if (op.bodyKind() == BodyKind.BINARY || body instanceof byte[] || body instanceof InputStream) {
      String type = contentType != null ? contentType
          : op.bodyKind() == BodyKind.BINARY ? op.bodyContentType() : "application/json";
      if (body instanceof byte[]) {
        return RequestBody.of((byte[]) body, type);
      }
      if (body instanceof InputStream) {
        return RequestBody.ofStream((InputStream) body, type);
      }
      if (body instanceof String) {
        return RequestBody.of(((String) body).getBytes(StandardCharsets.UTF_8), type);
      }
      throw new ParameterException(op.id(), "a binary body must be a byte[], an InputStream or a String, not "
          + body.getClass().getName(), op.parameterNames());
    }
    if (body instanceof String) {
      return RequestBody.json((String) body);
    }
    return client.jsonBody(body);
  }

  static Object json(EngineClient client, CatalogOperation op, Request request) {
    Object value;
    try (Response r = client.open(request)) {
      value = Json.decode(readCapped(request, r));
    }
    if (op.responseKind() == ResponseKind.STREAM && value instanceof List) {
      for (Object item : (List<?>) value) {
        checkProgress(op, item);
      }
    } else {
      checkProgress(op, value);
    }
    return value;
  }

  /** A progress line with {@code error} is the engine's failure inside a 200 answer. */
  private static void checkProgress(CatalogOperation op, Object item) {
    if (op.responseKind() == ResponseKind.STREAM && item instanceof Map) {
      Map<?, ?> m = (Map<?, ?>) item;
      Object error = m.get("error");
      Object detail = m.get("errorDetail");
      if (error != null || detail != null) {
        Integer code = null;
        if (detail instanceof Map && ((Map<?, ?>) detail).get("code") instanceof Number) {
          code = ((Number) ((Map<?, ?>) detail).get("code")).intValue();
        }
        String message = error != null ? error.toString()
            : detail instanceof Map ? String.valueOf(((Map<?, ?>) detail).get("message")) : detail.toString();
        throw new StreamErrorException(op.toString(), message, code);
      }
    }
  }

  static InputStream stream(EngineClient client, Request request) {
    Response r = client.open(request);
    try {
      return new FilterInputStream(r.body().stream()) {
        @Override
        public void close() {
          r.close();
        }
      };
    } catch (RuntimeException e) {
      r.close();
      throw e;
    }
  }

  static CatalogResponse exchange(EngineClient client, Request request) {
    try (Response r = client.open(request)) {
      return new CatalogResponse(r.status(), r.headers().first("Content-Type"), readCapped(request, r));
    } catch (EngineException e) {
      // the client has read the error body (capped) and told its listener; hand back what the
      // engine sent, as it sent it
      return new CatalogResponse(e.status(), e.errorContentType(), e.errorBody().getBytes(StandardCharsets.UTF_8));
    }
  }

  private static byte[] readCapped(Request request, Response r) {
    try (InputStream in = r.body().stream()) {
      byte[] bytes = in.readNBytes(MAX_BODY + 1);
      if (bytes.length > MAX_BODY) {
        throw new MalformedResponseException(request.operationId() + ": the answer is larger than "
            + MAX_BODY + " bytes; use invokeStream", null);
      }
      return bytes;
    } catch (IOException e) {
      throw new TransportException(request.operationId() + " " + request.method() + " "
          + request.pathTemplate() + ": reading the answer failed: " + e.getMessage(), e);
    }
  }
}
