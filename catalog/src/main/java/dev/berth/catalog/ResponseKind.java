package dev.berth.catalog;

/** What an operation's successful answer is, which decides how to invoke it by default. */
public enum ResponseKind {
  /** One JSON document, text, or nothing (read whole). */
  JSON,
  /** A stream to read as it comes: log frames, progress or event lines, tar archives. */
  STREAM,
  /** The connection is hijacked into a duplex stream (attach, exec start). */
  RAW
}
