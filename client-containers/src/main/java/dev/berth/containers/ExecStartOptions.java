package dev.berth.containers;

/** Options of {@link ContainerService#execStart}: whether the session has a TTY. Immutable. */
public final class ExecStartOptions {
  /** Ask the engine whether the session has a TTY. */
  public static final ExecStartOptions DEFAULT = builder().build();

  private final Boolean tty;

  private ExecStartOptions(Builder b) {
    this.tty = b.tty;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.tty = tty;
    return b;
  }

  /**
   * Whether the session has a TTY ({@code Tty}), when the caller knows; {@code null}: the service
   * asks the engine ({@code GET /exec/{id}/json}) before starting it.
   */
  public Boolean tty() {
    return tty;
  }

  @Override
  public String toString() {
    return "ExecStartOptions[tty=" + tty + "]";
  }

  /** Builds {@link ExecStartOptions}; not thread-safe. */
  public static final class Builder {
    private Boolean tty;

    private Builder() {}

    /**
     * Tells whether the session was created with a TTY, saving the inspect call that finds out. It
     * must match the session: it decides how the output is framed.
     */
    public Builder tty(boolean tty) {
      this.tty = tty;
      return this;
    }

    /** The options. */
    public ExecStartOptions build() {
      return new ExecStartOptions(this);
    }
  }
}
