package dev.berth.pods;

/** Options of {@link PodService#remove}: whether to stop and remove running containers too. Immutable. */
public final class PodRemoveOptions {
  /** Removes a pod only when none of its containers runs. */
  public static final PodRemoveOptions DEFAULT = builder().build();

  private final boolean force;

  private PodRemoveOptions(Builder b) {
    this.force = b.force;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    return new Builder().force(force);
  }

  /** Whether running containers are stopped and removed with the pod ({@code force}). */
  public boolean force() {
    return force;
  }

  @Override
  public String toString() {
    return "PodRemoveOptions[force=" + force + "]";
  }

  /** Builds {@link PodRemoveOptions}; not thread-safe. */
  public static final class Builder {
    private boolean force;

    private Builder() {}

    /**
     * Stops running containers (each with its own stop timeout) and removes them with the pod.
     */
    public Builder force(boolean force) {
      this.force = force;
      return this;
    }

    /** The options. */
    public PodRemoveOptions build() {
      return new PodRemoveOptions(this);
    }
  }
}
