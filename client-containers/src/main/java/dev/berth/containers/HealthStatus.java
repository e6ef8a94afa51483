package dev.berth.containers;

/** A container's health as the {@code health} filter of {@link ContainerService#list} names it. */
public enum HealthStatus {
  /** The health check has not passed yet. */
  STARTING("starting"),
  /** The health check passes. */
  HEALTHY("healthy"),
  /** The health check fails. */
  UNHEALTHY("unhealthy"),
  /** The container has no health check. */
  NONE("none");

  private final String value;

  HealthStatus(String value) {
    this.value = value;
  }

  /** The API's name for it. */
  public String value() {
    return value;
  }
}
