package dev.berth.containers;

/** Options of {@link ContainerService#top}: the {@code ps} arguments. Immutable. */
public final class ContainerTopOptions {
  /** The engine's {@code ps} arguments ({@code -ef} on Docker). */
  public static final ContainerTopOptions DEFAULT = builder().build();

  private final String psArgs;

  private ContainerTopOptions(Builder b) {
    this.psArgs = b.psArgs;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    return new Builder().psArgs(psArgs);
  }

  /** The arguments to {@code ps} ({@code ps_args}), or {@code null} for the engine's default. */
  public String psArgs() {
    return psArgs;
  }

  @Override
  public String toString() {
    return "ContainerTopOptions[psArgs=" + psArgs + "]";
  }

  /** Builds {@link ContainerTopOptions}; not thread-safe. */
  public static final class Builder {
    private String psArgs;

    private Builder() {}

    /** The arguments to {@code ps}, e.g. {@code aux}; null: the engine's default. */
    public Builder psArgs(String psArgs) {
      this.psArgs = psArgs;
      return this;
    }

    /** The options. */
    public ContainerTopOptions build() {
      return new ContainerTopOptions(this);
    }
  }
}
