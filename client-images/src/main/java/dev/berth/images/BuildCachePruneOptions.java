package dev.berth.images;

import dev.berth.client.Filters;

/** Options of {@link ImageService#pruneBuildCache}. Immutable. */
public final class BuildCachePruneOptions {
  /** Unused cache records, no filters. */
  public static final BuildCachePruneOptions DEFAULT = builder().build();

  private final Long keepStorage;
  private final Long maxUsedSpace;
  private final Long minFreeSpace;
  private final boolean all;
  private final Filters filters;

  private BuildCachePruneOptions(Builder b) {
    this.keepStorage = b.keepStorage;
    this.maxUsedSpace = b.maxUsedSpace;
    this.minFreeSpace = b.minFreeSpace;
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
    b.maxUsedSpace = maxUsedSpace;
    b.minFreeSpace = minFreeSpace;
    b.all = all;
    b.filters = filters.toBuilder();
    return b;
  }

  /**
   * Bytes of cache to keep, or {@code null}: sent as {@code keep-storage} up to API 1.47 and as its
   * successor {@code reserved-space} from 1.48 on ({@code keep-storage} is deprecated in 1.48 and
   * gone in 1.52).
   */
  public Long keepStorage() {
    return keepStorage;
  }

  /** Most bytes the cache may keep ({@code max-used-space}, API 1.48+), or {@code null}. */
  public Long maxUsedSpace() {
    return maxUsedSpace;
  }

  /** Bytes of disk to leave free after pruning ({@code min-free-space}, API 1.48+), or {@code null}. */
  public Long minFreeSpace() {
    return minFreeSpace;
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
    private Long maxUsedSpace;
    private Long minFreeSpace;
    private boolean all;
    private Filters.Builder filters = Filters.builder();

    private Builder() {}

    /**
     * Keeps this many bytes of cache (the engine's {@code reserved-space} from API 1.48 on,
     * {@code keep-storage} before).
     */
    public Builder keepStorage(long bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("keepStorage must not be negative: " + bytes);
      }
      this.keepStorage = bytes;
      return this;
    }

    /**
     * Prunes until the cache uses at most this many bytes ({@code max-used-space}, API 1.48+). On an
     * older API the prune throws {@link dev.berth.client.UnsupportedApiVersionException} before
     * anything is sent.
     */
    public Builder maxUsedSpace(long bytes) {
      this.maxUsedSpace = nonNegative(bytes, "maxUsedSpace");
      return this;
    }

    /**
     * Prunes until this many bytes of disk are free ({@code min-free-space}, API 1.48+). On an
     * older API the prune throws {@link dev.berth.client.UnsupportedApiVersionException} before
     * anything is sent.
     */
    public Builder minFreeSpace(long bytes) {
      this.minFreeSpace = nonNegative(bytes, "minFreeSpace");
      return this;
    }

    private static long nonNegative(long bytes, String name) {
      if (bytes < 0) {
        throw new IllegalArgumentException(name + " must not be negative: " + bytes);
      }
      return bytes;
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
