package dev.berth.networks;

import dev.berth.client.Filters;
import java.util.Objects;
import java.time.Instant;

/** Options of {@link NetworkService#prune}: which unused networks to remove. Immutable. */
public final class NetworkPruneOptions {
  /** Every network no container uses. */
  public static final NetworkPruneOptions DEFAULT = builder().build();

  private final Filters filters;

  private NetworkPruneOptions(Builder b) {
    this.filters = b.filters.build();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.filters = filters.toBuilder();
    return b;
  }

  /** The filters ({@code filters}); empty for none. */
  public Filters filters() {
    return filters;
  }

  @Override
  public String toString() {
    return "NetworkPruneOptions[filters=" + filters + "]";
  }

  /** Builds {@link NetworkPruneOptions}; not thread-safe. */
  public static final class Builder {
    private Filters.Builder filters = Filters.builder();

    private Builder() {}

    /** Any filter by its API name. */
    public Builder filter(String name, String... values) {
      filters.add(name, values);
      return this;
    }

    /** Adds all of {@code filters}. */
    public Builder filters(Filters filters) {
      Objects.requireNonNull(filters, "filters").asMap().forEach((k, v) -> this.filters.add(k, v.toArray(new String[0])));
      return this;
    }

    /** Only networks with this label ({@code key} or {@code key=value}). */
    public Builder label(String label) {
      return filter("label", label);
    }

    /** Only networks created before this time. */
    public Builder until(Instant until) {
      return filter("until", Long.toString(Objects.requireNonNull(until, "until").getEpochSecond()));
    }

    /** The options. */
    public NetworkPruneOptions build() {
      return new NetworkPruneOptions(this);
    }
  }
}
