package dev.berth.pods;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Options of {@link PodService#playKube}: the pods' networks and whether to start them. Immutable. */
public final class PodPlayKubeOptions {
  /** The engine's default network, pods started. */
  public static final PodPlayKubeOptions DEFAULT = builder().build();

  private final List<String> networks;
  private final boolean start;

  private PodPlayKubeOptions(Builder b) {
    this.networks = List.copyOf(b.networks);
    this.start = b.start;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    return new Builder().network(networks.toArray(new String[0])).start(start);
  }

  /** The networks or network mode of the pods ({@code network}); empty for the engine's default. */
  public List<String> networks() {
    return networks;
  }

  /** Whether the pods are started ({@code start}); default true. */
  public boolean start() {
    return start;
  }

  @Override
  public String toString() {
    return "PodPlayKubeOptions[networks=" + networks + ", start=" + start + "]";
  }

  /** Builds {@link PodPlayKubeOptions}; not thread-safe. */
  public static final class Builder {
    private final List<String> networks = new ArrayList<>();
    private boolean start = true;

    private Builder() {}

    /** Adds networks by name, or one network mode such as {@code none} or {@code host}. */
    public Builder network(String... networks) {
      for (String n : networks) {
        if (Objects.requireNonNull(n, "network").isBlank()) {
          throw new IllegalArgumentException("network must not be blank");
        }
        this.networks.add(n);
      }
      return this;
    }

    /** Whether to start the pods (default true). */
    public Builder start(boolean start) {
      this.start = start;
      return this;
    }

    /** The options. */
    public PodPlayKubeOptions build() {
      return new PodPlayKubeOptions(this);
    }
  }
}
