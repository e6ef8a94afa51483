package dev.berth.containers;

import dev.berth.client.internal.Signals;
import java.time.Duration;

/**
 * Options of {@link ContainerService#stop}: how long to wait before {@code SIGKILL}, and which
 * signal to send first. Immutable.
 */
public final class ContainerStopOptions {
  /** The container's own stop signal and stop timeout. */
  public static final ContainerStopOptions DEFAULT = builder().build();

  private final Duration timeout;
  private final String signal;

  private ContainerStopOptions(Builder b) {
    this.timeout = b.timeout;
    this.signal = b.signal;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    return new Builder().timeout(timeout).signal(signal);
  }

  /**
   * How long the engine waits after the signal before it sends {@code SIGKILL} ({@code t}, whole
   * seconds rounded up), or {@code null} for the container's {@code StopTimeout} (10 s by default).
   */
  public Duration timeout() {
    return timeout;
  }

  /**
   * The signal to send first ({@code signal}, API 1.42+), or {@code null} for the container's
   * {@code StopSignal} ({@code SIGTERM} by default).
   */
  public String signal() {
    return signal;
  }

  @Override
  public String toString() {
    return "ContainerStopOptions[timeout=" + timeout + ", signal=" + signal + "]";
  }

  /** Builds {@link ContainerStopOptions}; not thread-safe. */
  public static final class Builder {
    private Duration timeout;
    private String signal;

    private Builder() {}

    /** Waits this long before {@code SIGKILL} ({@link Duration#ZERO}: at once); null: the container's default. */
    public Builder timeout(Duration timeout) {
      this.timeout = Signals.checkTimeout(timeout);
      return this;
    }

    /**
     * Sends this signal first, e.g. {@code SIGINT}; null: the container's stop signal. Needs API
     * 1.42: on an older API the call fails with
     * {@link dev.berth.client.UnsupportedApiVersionException} before anything is sent.
     */
    public Builder signal(String signal) {
      this.signal = Signals.check(signal);
      return this;
    }

    /** The options. */
    public ContainerStopOptions build() {
      return new ContainerStopOptions(this);
    }
  }
}
