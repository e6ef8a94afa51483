package dev.berth.networks;

/** Options of {@link NetworkService#disconnect}: force. Immutable. */
public final class NetworkDisconnectOptions {
  /** No force. */
  public static final NetworkDisconnectOptions DEFAULT = builder().build();

  private final boolean force;

  private NetworkDisconnectOptions(Builder b) {
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

  /** Whether the endpoint is removed even when the engine cannot reach the container ({@code Force}). */
  public boolean force() {
    return force;
  }

  @Override
  public String toString() {
    return "NetworkDisconnectOptions[force=" + force + "]";
  }

  /** Builds {@link NetworkDisconnectOptions}; not thread-safe. */
  public static final class Builder {
    private boolean force;

    private Builder() {}

    /** Removes the endpoint even when the engine cannot reach the container. */
    public Builder force(boolean force) {
      this.force = force;
      return this;
    }

    /** The options. */
    public NetworkDisconnectOptions build() {
      return new NetworkDisconnectOptions(this);
    }
  }
}
