package dev.berth.pods;

import dev.berth.client.internal.Signals;
/** Options of {@link PodService#kill}: which signal to send. Immutable. */
public final class PodKillOptions {
  /** {@code SIGKILL}. */
  public static final PodKillOptions DEFAULT = builder().build();

  private final String signal;

  private PodKillOptions(Builder b) {
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
    return "PodKillOptions[signal=" + signal + "]";
  }

  /** Builds {@link PodKillOptions}; not thread-safe. */
  public static final class Builder {
    private String signal;

    private Builder() {}

    /** The signal by name or number, e.g. {@code SIGTERM} or {@code 15}; null: {@code SIGKILL}. */
    public Builder signal(String signal) {
      this.signal = Signals.check(signal);
      return this;
    }

    /** The options. */
    public PodKillOptions build() {
      return new PodKillOptions(this);
    }
  }
}
