package dev.berth.containers;

/** Options of {@link ContainerService#inspect}: whether sizes are computed. Immutable. */
public final class ContainerInspectOptions {
  /** No sizes. */
  public static final ContainerInspectOptions DEFAULT = builder().build();

  private final boolean size;

  private ContainerInspectOptions(Builder b) {
    this.size = b.size;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    return new Builder().size(size);
  }

  /** Whether {@code SizeRw} and {@code SizeRootFs} are computed ({@code size}; slow). */
  public boolean size() {
    return size;
  }

  @Override
  public String toString() {
    return "ContainerInspectOptions[size=" + size + "]";
  }

  /** Builds {@link ContainerInspectOptions}; not thread-safe. */
  public static final class Builder {
    private boolean size;

    private Builder() {}

    /** Computes {@code SizeRw} and {@code SizeRootFs}. */
    public Builder size(boolean size) {
      this.size = size;
      return this;
    }

    /** The options. */
    public ContainerInspectOptions build() {
      return new ContainerInspectOptions(this);
    }
  }
}
