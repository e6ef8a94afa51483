package dev.berth.volumes;

import dev.berth.client.Filters;
import java.util.Objects;

/** Options of {@link VolumeService#prune}: which unused volumes to remove. Immutable. */
public final class VolumePruneOptions {
  /** Every volume no container uses (from API 1.42 on Docker: every anonymous one). */
  public static final VolumePruneOptions DEFAULT = builder().build();

  private final Filters filters;

  private VolumePruneOptions(Builder b) {
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
    return "VolumePruneOptions[filters=" + filters + "]";
  }

  /** Builds {@link VolumePruneOptions}; not thread-safe. */
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

    /** Only volumes with this label ({@code key} or {@code key=value}). */
    public Builder label(String label) {
      return filter("label", label);
    }

    /** The options. */
    public VolumePruneOptions build() {
      return new VolumePruneOptions(this);
    }
  }
}
