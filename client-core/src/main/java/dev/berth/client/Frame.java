package dev.berth.client;

import java.nio.charset.StandardCharsets;

/** One frame of container output: the stream it came from and its bytes (a copy). */
public record Frame(StreamType stream, byte[] bytes) {

  /** The bytes as UTF-8 text. */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "Frame[" + stream + ", " + bytes.length + " bytes]";
  }
}
