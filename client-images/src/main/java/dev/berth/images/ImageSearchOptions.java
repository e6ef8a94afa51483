package dev.berth.images;

import dev.berth.client.Filters;

/** Options of {@link ImageService#search}. Immutable. */
public final class ImageSearchOptions {
  /** The registry's default number of results, no filters. */
  public static final ImageSearchOptions DEFAULT = builder().build();

  private final Integer limit;
  private final Filters filters;

  private ImageSearchOptions(Builder b) {
    this.limit = b.limit;
    this.filters = b.filters.build();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.limit = limit;
    b.filters = filters.toBuilder();
    return b;
  }

  /** At most this many results, or {@code null} for the registry's default (25). */
  public Integer limit() {
    return limit;
  }

  /** The filters. */
  public Filters filters() {
    return filters;
  }

  /** Builds {@link ImageSearchOptions}; not thread-safe. */
  public static final class Builder {
    private Integer limit;
    private Filters.Builder filters = Filters.builder();

    private Builder() {}

    /** Returns at most {@code limit} results. */
    public Builder limit(int limit) {
      if (limit <= 0) {
        throw new IllegalArgumentException("limit must be positive: " + limit);
      }
      this.limit = limit;
      return this;
    }

    /** Any filter by its API name. */
    public Builder filter(String name, String... values) {
      filters.add(name, values);
      return this;
    }

    /** Only official images, or only unofficial ones. */
    public Builder official(boolean official) {
      return filter("is-official", Boolean.toString(official));
    }

    /** Only automated builds, or only others. */
    public Builder automated(boolean automated) {
      return filter("is-automated", Boolean.toString(automated));
    }

    /** Only repositories with at least this many stars. */
    public Builder stars(int stars) {
      if (stars < 0) {
        throw new IllegalArgumentException("stars must not be negative: " + stars);
      }
      return filter("stars", Integer.toString(stars));
    }

    /** The options. */
    public ImageSearchOptions build() {
      return new ImageSearchOptions(this);
    }
  }
}
