package dev.berth.catalog;

import java.nio.charset.StandardCharsets;

/**
 * The whole answer to an operation invoked with {@code exchange}: status, content type and body,
 * whatever the status. Immutable.
 */
public final class CatalogResponse {
  private final int status;
  private final String contentType;
  private final byte[] body;

  CatalogResponse(int status, String contentType, byte[] body) {
    this.status = status;
    this.contentType = contentType == null ? "" : contentType;
    this.body = body;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** Whether the status is 2xx. */
  public boolean isSuccessful() {
    return status >= 200 && status < 300;
  }

  /** The {@code Content-Type} header; empty when absent. */
  public String contentType() {
    return contentType;
  }

  /** A copy of the body bytes. */
  public byte[] body() {
    return body.clone();
  }

  /** The body as UTF-8 text. */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * The body decoded: a JSON document as maps, lists, strings, numbers and booleans; several
   * JSON values one after the other (progress lines) as a list of them; anything else as text.
   */
  public Object json() {
    return Json.decode(body);
  }

  /** {@code 201 application/json (123 bytes)}. */
  @Override
  public String toString() {
    return status + " " + contentType + " (" + body.length + " bytes)";
  }
}
