package dev.berth.containers;

import dev.berth.client.Filters;
import java.time.Instant;
import java.util.Objects;

/** Options of {@link ContainerService#prune}: which stopped containers to remove. Immutable. */
public final class ContainerPruneOptions {
  /** Every stopped container. */
  public static final ContainerPruneOptions DEFAULT = builder().build();

  private final Filters filters;

  private ContainerPruneOptions(Builder b) {
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
    return "ContainerPruneOptions[filters=" + filters + "]";
  }

  /** Builds {@link ContainerPruneOptions}; not thread-safe. */
  public static final class Builder {
    private Filters.Builder filters = Filters.builder();

    private Builder() {}

    /** Any filter by its API name ({@code until}, {@code label}, {@code label!}). */
    public Builder filter(String name, String... values) {
      filters.add(name, values);
      return this;
    }

    /** Adds all of {@code filters}. */
    public Builder filters(Filters filters) {
      Objects.requireNonNull(filters, "filters").asMap().forEach((k, v) -> this.filters.add(k, v.toArray(new String[0])));
      return this;
    }

    /** Only containers with this label ({@code key} or {@code key=value}). */
    public Builder label(String label) {
      return filter("label", label);
    }

    /** Only containers created before this time. */
    public Builder until(Instant until) {
      return filter("until", Long.toString(Objects.requireNonNull(until, "until").getEpochSecond()));
    }

    /** The options. */
    public ContainerPruneOptions build() {
      return new ContainerPruneOptions(this);
    }
  }
}
