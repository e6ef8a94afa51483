package dev.berth.containers;

import dev.berth.client.internal.Signals;

/** Options of {@link ContainerService#kill}: the signal. Immutable. */
public final class ContainerKillOptions {
  /** {@code SIGKILL}. */
  public static final ContainerKillOptions DEFAULT = builder().build();

  private final String signal;

  private ContainerKillOptions(Builder b) {
    this.signal = b.signal;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    return new Builder().signal(signal);
  }

  /** The signal ({@code signal}), or {@code null} for {@code SIGKILL}. */
  public String signal() {
    return signal;
  }

  @Override
  public String toString() {
    return "ContainerKillOptions[signal=" + signal + "]";
  }

  /** Builds {@link ContainerKillOptions}; not thread-safe. */
  public static final class Builder {
    private String signal;

    private Builder() {}

    /** The signal: a name like {@code SIGHUP} or {@code HUP}, or a number like {@code 9}; null: SIGKILL. */
    public Builder signal(String signal) {
      this.signal = Signals.check(signal);
      return this;
    }

    /** The options. */
    public ContainerKillOptions build() {
      return new ContainerKillOptions(this);
    }
  }
}
