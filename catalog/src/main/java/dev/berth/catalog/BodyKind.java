package dev.berth.catalog;

/** What an operation's request body is. */
public enum BodyKind {
  /** The operation takes no body. */
  NONE,
  /** A JSON document (give a {@code Map}, a {@code List}, a JSON string or any Jackson-encodable object). */
  JSON,
  /** Bytes such as a tar archive (give a {@code byte[]} or an {@code InputStream}). */
  BINARY
}
