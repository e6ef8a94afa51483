package dev.berth.pods;

import dev.berth.client.internal.Signals;
import java.time.Duration;

/** Options of {@link PodService#stop}: how long to wait before {@code SIGKILL}. Immutable. */
public final class PodStopOptions {
  /** Each container's own stop timeout. */
  public static final PodStopOptions DEFAULT = builder().build();

  private final Duration timeout;

  private PodStopOptions(Builder b) {
    this.timeout = b.timeout;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    return new Builder().timeout(timeout);
  }

  /**
   * How long Podman waits after each container's stop signal before it sends {@code SIGKILL}
   * ({@code t}, whole seconds rounded up), or {@code null} for each container's stop timeout.
   */
  public Duration timeout() {
    return timeout;
  }

  @Override
  public String toString() {
    return "PodStopOptions[timeout=" + timeout + "]";
  }

  /** Builds {@link PodStopOptions}; not thread-safe. */
  public static final class Builder {
    private Duration timeout;

    private Builder() {}

    /** Waits this long before {@code SIGKILL} ({@link Duration#ZERO}: at once); null: each container's default. */
    public Builder timeout(Duration timeout) {
      this.timeout = Signals.checkTimeout(timeout);
      return this;
    }

    /** The options. */
    public PodStopOptions build() {
      return new PodStopOptions(this);
    }
  }
}
