package dev.berth.containers;

/** What {@link ContainerService#wait} waits for. */
public enum WaitCondition {
  /** The container is not running (returns at once for a stopped one). */
  NOT_RUNNING("not-running"),
  /** The container's next exit (waits for a start first if stopped). */
  NEXT_EXIT("next-exit"),
  /** The container has been removed. */
  REMOVED("removed");

  private final String value;

  WaitCondition(String value) {
    this.value = value;
  }

  /** The API's name for it. */
  public String value() {
    return value;
  }
}
