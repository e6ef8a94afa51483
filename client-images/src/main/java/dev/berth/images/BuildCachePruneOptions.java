package dev.berth.images;

import dev.berth.client.Filters;

/** Options of {@link ImageService#pruneBuildCache}. Immutable. */
public final class BuildCachePruneOptions {
  /** Unused cache records, no filters. */
  public static final BuildCachePruneOptions DEFAULT = builder().build();

  private final Long keepStorage;
  private final boolean all;
  private final Filters filters;

  private BuildCachePruneOptions(Builder b) {
    this.keepStorage = b.keepStorage;
    this.all = b.all;
    this.filters = b.filters.build();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.keepStorage = keepStorage;
    b.all = all;
    b.filters = filters.toBuilder();
    return b;
  }

  /** Bytes of cache to keep, or {@code null}. */
  public Long keepStorage() {
    return keepStorage;
  }

  /** Whether internal and frontend records are removed too. */
  public boolean all() {
    return all;
  }

  /** The filters. */
  public Filters filters() {
    return filters;
  }

  /** Builds {@link BuildCachePruneOptions}; not thread-safe. */
  public static final class Builder {
    private Long keepStorage;
    private boolean all;
    private Filters.Builder filters = Filters.builder();

    private Builder() {}

    /** Keeps this many bytes of cache. */
    public Builder keepStorage(long bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("keepStorage must not be negative: " + bytes);
      }
      this.keepStorage = bytes;
      return this;
    }

    /** Removes internal and frontend records too. */
    public Builder all(boolean all) {
      this.all = all;
      return this;
    }

    /**
     * Any filter by its API name: {@code until}, {@code id}, {@code parent}, {@code type},
     * {@code description}, {@code inuse}, {@code shared}, {@code private}.
     */
    public Builder filter(String name, String... values) {
      filters.add(name, values);
      return this;
    }

    /** The options. */
    public BuildCachePruneOptions build() {
      return new BuildCachePruneOptions(this);
    }
  }
}
