package dev.berth.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.client.BerthException;
import dev.berth.client.ConflictException;
import dev.berth.client.EngineException;
import dev.berth.client.ForbiddenException;
import dev.berth.client.InvalidRequestException;
import dev.berth.client.MalformedResponseException;
import dev.berth.client.NotFoundException;
import dev.berth.client.NotImplementedException;
import dev.berth.client.NotModifiedException;
import dev.berth.client.ServerErrorException;
import dev.berth.client.TransportException;
import dev.berth.client.TransportTimeoutException;
import dev.berth.client.UnauthorizedException;
import dev.berth.client.UnavailableException;
import dev.berth.transport.RawStream;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Turns statuses and I/O failures into the {@link BerthException} tree: the one table. */
public final class Errors {
  /** Error bodies are read up to this size; the rest is never read. */
  public static final int MAX_ERROR_BODY = 64 * 1024;
  /** Engine messages are cut to this length in exceptions. */
  static final int MAX_MESSAGE = 2048;

  private Errors() {}

  /** The exception type for an error status. */
  public static EngineException forStatus(String operation, int status, String message) {
    return forStatus(operation, status, message, "", "");
  }

  /** The exception type for an error status, keeping the error body and its content type. */
  public static EngineException forStatus(String operation, int status, String message,
      String contentType, String body) {
    switch (status) {
      case 304: return new NotModifiedException(operation, status, message, contentType, body);
      case 400: return new InvalidRequestException(operation, status, message, contentType, body);
      case 401: return new UnauthorizedException(operation, status, message, contentType, body);
      case 403: return new ForbiddenException(operation, status, message, contentType, body);
      case 404: return new NotFoundException(operation, status, message, contentType, body);
      case 409: return new ConflictException(operation, status, message, contentType, body);
      case 501: return new NotImplementedException(operation, status, message, contentType, body);
      case 503: return new UnavailableException(operation, status, message, contentType, body);
      default:
        return status >= 500 && status <= 599
            ? new ServerErrorException(operation, status, message, contentType, body)
            : new EngineException(operation, status, message, contentType, body);
    }
  }

  /**
   * The exception for an error answer with {@code body}. A 404 whose body is a router's own
   * "not found" (Docker: JSON {@code "page not found"}; Go's default {@code 404 page not found};
   * Podman: plain {@code Not Found}) means the engine has no such route at all: an engine older
   * than the operation, Podman without it, or a proxy that blocks it. That is a
   * {@link NotImplementedException} (status 404), not a missing container or image, which the
   * engines describe in words ("No such container: x").
   */
  public static EngineException forBody(String operation, int status, byte[] body, String fallback) {
    return forBody(operation, status, "", body, fallback);
  }

  /**
   * As {@link #forBody(String, int, byte[], String)}, the exception keeping {@code body} (the
   * engine's answer only, never anything of the request) and its content type.
   */
  public static EngineException forBody(String operation, int status, String contentType, byte[] body,
      String fallback) {
    String message = engineMessage(body, fallback);
    String text = new String(body, StandardCharsets.UTF_8);
    if (status == 404 && body.length > 0 && (message.equals("page not found")
        || message.equals("404 page not found") || message.equals("Not Found"))) {
      return new NotImplementedException(operation, status, "the engine has no route for it (" + message + ")",
          contentType, text);
    }
    if (status == 400 && message.contains("Client sent an HTTP request to an HTTPS server")) {
      // Go's HTTP server answers plain HTTP on its TLS port so: the address needs TLS, not a fix
      // of the request
      return new InvalidRequestException(operation, status, message + " (this address serves TLS:"
          + " connect with TLS, e.g. DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH, an https:// address,"
          + " or Dialers.tls(...))", contentType, text);
    }
    return forStatus(operation, status, message, contentType, text);
  }

  /** {@code ContainerStart POST /containers/{id}/start} — never the concrete path or body. */
  public static String describe(Request request) {
    String op = request.operationId();
    return (op == null ? "" : op + " ") + request.method() + " " + request.pathTemplate();
  }

  /** Reads the (capped) error body of {@code r}, closes it, and returns the typed error. */
  public static BerthException fromResponse(Request request, Response r) {
    try {
      return fromResponseLeavingOpen(request, r);
    } finally {
      r.close();
    }
  }

  /**
   * Reads the (capped) error body of {@code r} and returns the typed error, leaving {@code r} open:
   * the caller tells its listeners first (a tracing span is still open), then closes it.
   */
  public static BerthException fromResponseLeavingOpen(Request request, Response r) {
    byte[] body;
    try {
      body = r.body().stream().readNBytes(MAX_ERROR_BODY);
    } catch (IOException e) {
      body = new byte[0]; // the status alone still says what happened
    }
    return forBody(describe(request), r.status(), contentType(r.headers()), body, r.reason());
  }

  /** As {@link #fromResponse} for a raw stream that got an error status. */
  public static BerthException fromRawStream(Request request, RawStream raw) {
    try {
      return fromRawStreamLeavingOpen(request, raw);
    } finally {
      raw.close();
    }
  }

  /** As {@link #fromResponseLeavingOpen} for a raw stream that got an error status. */
  public static BerthException fromRawStreamLeavingOpen(Request request, RawStream raw) {
    byte[] body;
    try {
      body = raw.input().readNBytes(MAX_ERROR_BODY);
    } catch (IOException e) {
      body = new byte[0];
    }
    return forBody(describe(request), raw.status(), contentType(raw.headers()), body, "");
  }

  private static String contentType(dev.berth.transport.Headers headers) {
    String type = headers == null ? null : headers.first("Content-Type");
    return type == null ? "" : type;
  }

  /**
   * The {@code message} of a JSON error body (Docker and Podman), else its {@code cause}, else the
   * {@code error} of a progress message (Podman 5 answers a failed push that way, with HTTP 500,
   * before any progress), else the body as text.
   */
  public static String engineMessage(byte[] body, String fallback) {
    if (body.length == 0) {
      return fallback == null ? "" : fallback;
    }
    if (body[0] == '{' || (body.length > 1 && Character.isWhitespace(body[0]))) {
      try {
        JsonNode node = Codec.mapper().readTree(body);
        if (node != null && node.isObject()) {
          JsonNode message = node.get("message");
          if (message != null && message.isTextual()) {
            return cut(message.asText());
          }
          JsonNode cause = node.get("cause");
          if (cause != null && cause.isTextual()) {
            return cut(cause.asText());
          }
          JsonNode error = node.get("error");
          if (error != null && error.isTextual()) {
            return cut(error.asText());
          }
        }
      } catch (IOException | RuntimeException e) {
        // not JSON after all: fall through to text
      }
    }
    String text = new String(body, StandardCharsets.UTF_8).trim();
    return text.isEmpty() ? (fallback == null ? "" : fallback) : cut(text);
  }

  /**
   * An engine's words made safe to print: at most {@value #MAX_MESSAGE} characters, control
   * characters (but new lines and tabs) replaced by {@code ?}, so a hostile engine cannot fill a
   * log or rewrite a terminal.
   */
  public static String cut(String s) {
    StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX_MESSAGE + 1));
    for (int i = 0; i < s.length() && sb.length() < MAX_MESSAGE; i++) {
      char c = s.charAt(i);
      sb.append(Character.isISOControl(c) && c != '\n' && c != '\t' ? '?' : c);
    }
    if (s.length() > MAX_MESSAGE) {
      sb.append('…');
    }
    return sb.toString();
  }

  /** The typed error for a transport failure of {@code request} against {@code target}. */
  public static BerthException fromIOException(Request request, IOException e, Object target) {
    return fromIOExceptionDescribed(describe(request) + " via " + target, e, null);
  }

  /** The typed error for a transport failure of the described operation. */
  public static BerthException fromIOExceptionDescribed(String operation, IOException e, Object unused) {
    String what = operation + ": ";
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof SocketTimeoutException) {
      return new TransportTimeoutException(what + detail, e);
    }
    if (e instanceof dev.berth.transport.CallCancelledException) {
      return new dev.berth.client.CancelledException(what + detail, e);
    }
    if (e instanceof InterruptedIOException) {
      Thread.currentThread().interrupt(); // keep the interrupt visible to the caller
      return new TransportException(what + "interrupted: " + detail, e);
    }
    if (e instanceof ProtocolException) {
      return new MalformedResponseException(what + detail, e);
    }
    return new TransportException(what + detail, e);
  }
}
