package dev.berth.transport.internal;

/**
 * Marks a {@link dev.berth.transport.Connection} whose blocked reads cost nothing and end on their
 * own for data, close, the read timeout and an interrupt of the reading thread (platform or
 * virtual). {@link SlicedInput} then makes one read per wait; other connections are read in
 * short slices so that an interrupt is still noticed.
 */
interface QuietReads {
  /** Whether this connection's reads are quiet and interruptible (it may depend on how it was made). */
  default boolean quietReads() {
    return true;
  }
}
