package dev.berth.types.containers;

/**
 * The kind of a {@link FilesystemChange} ({@code GET /containers/{id}/changes}), which the API
 * sends as a number.
 */
public enum ChangeType {
  /** Kind 0: the path was modified. */
  MODIFIED(0),
  /** Kind 1: the path was added. */
  ADDED(1),
  /** Kind 2: the path was deleted. */
  DELETED(2),
  /** A kind this client does not know, or none. */
  UNKNOWN(-1);

  private final int kind;

  ChangeType(int kind) {
    this.kind = kind;
  }

  /**
   * Returns the number the API uses for this type.
   *
   * @return 0, 1 or 2; -1 for {@link #UNKNOWN}
   */
  public int kind() {
    return kind;
  }

  /**
   * Returns the type for an API number.
   *
   * @param kind the number, may be {@code null}
   * @return the matching type, or {@link #UNKNOWN}
   */
  public static ChangeType of(Integer kind) {
    if (kind != null) {
      for (ChangeType type : values()) {
        if (type.kind == kind && type != UNKNOWN) {
          return type;
        }
      }
    }
    return UNKNOWN;
  }
}
