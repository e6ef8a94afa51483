package dev.berth.volumes;

/** Options of {@link VolumeService#remove}: force. Immutable. */
public final class VolumeRemoveOptions {
  /** No force. */
  public static final VolumeRemoveOptions DEFAULT = builder().build();

  private final boolean force;

  private VolumeRemoveOptions(Builder b) {
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

  /** Whether the volume is removed even when its driver fails or containers use it ({@code force}). */
  public boolean force() {
    return force;
  }

  @Override
  public String toString() {
    return "VolumeRemoveOptions[force=" + force + "]";
  }

  /** Builds {@link VolumeRemoveOptions}; not thread-safe. */
  public static final class Builder {
    private boolean force;

    private Builder() {}

    /** Removes the volume even when its driver fails or containers use it. */
    public Builder force(boolean force) {
      this.force = force;
      return this;
    }

    /** The options. */
    public VolumeRemoveOptions build() {
      return new VolumeRemoveOptions(this);
    }
  }
}
