package dev.berth.client;

/** Which standard stream a frame of container output belongs to. */
public enum StreamType {
  /** Standard input (echoed back by attach with TTY off and some engines). */
  STDIN,
  /** Standard output; also everything from a TTY, which has no separate streams. */
  STDOUT,
  /** Standard error. */
  STDERR;

  static StreamType ofCode(int code) {
    switch (code) {
      case 0: return STDIN;
      case 1: return STDOUT;
      case 2: return STDERR;
      default: return null;
    }
  }
}
