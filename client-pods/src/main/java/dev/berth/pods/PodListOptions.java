package dev.berth.pods;

import dev.berth.client.Filters;
import java.util.Objects;

/** Options of {@link PodService#list}: which pods to list. Immutable. */
public final class PodListOptions {
  /** Every pod. */
  public static final PodListOptions DEFAULT = builder().build();

  private final Filters filters;

  private PodListOptions(Builder b) {
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
    return "PodListOptions[filters=" + filters + "]";
  }

  /** Builds {@link PodListOptions}; not thread-safe. */
  public static final class Builder {
    private Filters.Builder filters = Filters.builder();

    private Builder() {}

    /** Any filter by its API name ({@code ctr-names}, {@code network}, …). */
    public Builder filter(String name, String... values) {
      filters.add(name, values);
      return this;
    }

    /** Adds all of {@code filters}. */
    public Builder filters(Filters filters) {
      Objects.requireNonNull(filters, "filters").asMap().forEach((k, v) -> this.filters.add(k, v.toArray(new String[0])));
      return this;
    }

    /** Only pods with this label ({@code key} or {@code key=value}). */
    public Builder label(String label) {
      return filter("label", label);
    }

    /** Only pods whose name matches this (a regular expression; a plain name matches as a substring). */
    public Builder name(String name) {
      return filter("name", name);
    }

    /** Only pods whose ID starts with this. */
    public Builder id(String id) {
      return filter("id", id);
    }

    /**
     * Only pods in this state, lower case: {@code created}, {@code running}, {@code stopped},
     * {@code exited}, {@code paused}, {@code dead}, {@code degraded}.
     */
    public Builder status(String status) {
      return filter("status", status);
    }

    /** The options. */
    public PodListOptions build() {
      return new PodListOptions(this);
    }
  }
}
