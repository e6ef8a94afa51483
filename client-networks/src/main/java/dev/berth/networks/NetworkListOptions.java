package dev.berth.networks;

import dev.berth.client.Filters;
import java.util.Objects;

/** Options of {@link NetworkService#list}: which networks to list. Immutable. */
public final class NetworkListOptions {
  /** Every network. */
  public static final NetworkListOptions DEFAULT = builder().build();

  private final Filters filters;

  private NetworkListOptions(Builder b) {
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
    return "NetworkListOptions[filters=" + filters + "]";
  }

  /** Builds {@link NetworkListOptions}; not thread-safe. */
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

    /** Only networks whose name contains this text. */
    public Builder name(String name) {
      return filter("name", name);
    }

    /** Only networks whose ID starts with this. */
    public Builder id(String id) {
      return filter("id", id);
    }

    /** Only networks of this driver ({@code bridge}, …). */
    public Builder driver(String driver) {
      return filter("driver", driver);
    }

    /** Only networks no container uses ({@code true}) or only used ones ({@code false}). */
    public Builder dangling(boolean dangling) {
      return filter("dangling", Boolean.toString(dangling));
    }

    /** The options. */
    public NetworkListOptions build() {
      return new NetworkListOptions(this);
    }
  }
}
