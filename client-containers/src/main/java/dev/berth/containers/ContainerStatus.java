package dev.berth.containers;

/** A container's state as the {@code status} filter of {@link ContainerService#list} names it. */
public enum ContainerStatus {
  /** Created, never started. */
  CREATED("created"),
  /** Being restarted by its restart policy. */
  RESTARTING("restarting"),
  /** Running. */
  RUNNING("running"),
  /** Being removed. */
  REMOVING("removing"),
  /** Paused. */
  PAUSED("paused"),
  /** Exited. */
  EXITED("exited"),
  /** Dead: a removal or stop failed half-way. */
  DEAD("dead");

  private final String value;

  ContainerStatus(String value) {
    this.value = value;
  }

  /** The API's name for it. */
  public String value() {
    return value;
  }
}
