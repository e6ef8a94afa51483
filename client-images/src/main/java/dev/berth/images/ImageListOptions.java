package dev.berth.images;

import dev.berth.client.Filters;

/** Options of {@link ImageService#list}: which images and how much detail. Immutable. */
public final class ImageListOptions {
  /** Tagged and dangling top-level images, no digests. */
  public static final ImageListOptions DEFAULT = builder().build();

  private final boolean all;
  private final boolean digests;
  private final boolean sharedSize;
  private final boolean manifests;
  private final Filters filters;

  private ImageListOptions(Builder b) {
    this.all = b.all;
    this.digests = b.digests;
    this.sharedSize = b.sharedSize;
    this.manifests = b.manifests;
    this.filters = b.filters.build();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.all = all;
    b.digests = digests;
    b.sharedSize = sharedSize;
    b.manifests = manifests;
    b.filters = filters.toBuilder();
    return b;
  }

  /** Whether intermediate images (parents of built images) are included. */
  public boolean all() {
    return all;
  }

  /** Whether {@code RepoDigests} are filled in. */
  public boolean digests() {
    return digests;
  }

  /** Whether the engine computes {@code SharedSize} (API 1.42+). */
  public boolean sharedSize() {
    return sharedSize;
  }

  /** Whether each image lists its {@code Manifests} (API 1.47+). */
  public boolean manifests() {
    return manifests;
  }

  /** The filters. */
  public Filters filters() {
    return filters;
  }

  /** Builds {@link ImageListOptions}; not thread-safe. */
  public static final class Builder {
    private boolean all;
    private boolean digests;
    private boolean sharedSize;
    private boolean manifests;
    private Filters.Builder filters = Filters.builder();

    private Builder() {}

    /** Includes intermediate images. */
    public Builder all(boolean all) {
      this.all = all;
      return this;
    }

    /** Fills in the repository digests of each image. */
    public Builder digests(boolean digests) {
      this.digests = digests;
      return this;
    }

    /**
     * Has the engine compute the bytes each image shares with others ({@code shared-size}, API
     * 1.42+; older engines answer {@code -1}). On an older API the list throws
     * {@link dev.berth.client.UnsupportedApiVersionException} before anything is sent.
     */
    public Builder sharedSize(boolean sharedSize) {
      this.sharedSize = sharedSize;
      return this;
    }

    /**
     * Includes each image's {@code Manifests} (platform variants and attestations; API 1.47+, filled
     * by a multi-platform image store only). On an older API the list throws
     * {@link dev.berth.client.UnsupportedApiVersionException} before anything is sent.
     */
    public Builder manifests(boolean manifests) {
      this.manifests = manifests;
      return this;
    }

    /** Any filter by its API name. */
    public Builder filter(String name, String... values) {
      filters.add(name, values);
      return this;
    }

    /** Images with this label ({@code key} or {@code key=value}). */
    public Builder label(String label) {
      return filter("label", label);
    }

    /** Only untagged images ({@code true}) or only tagged ones ({@code false}). */
    public Builder dangling(boolean dangling) {
      return filter("dangling", Boolean.toString(dangling));
    }

    /** Images whose name matches this reference, which may use {@code *} ({@code busybox:*}). */
    public Builder reference(String reference) {
      return filter("reference", reference);
    }

    /** Images created before this one (a name or id). */
    public Builder before(String image) {
      return filter("before", image);
    }

    /** Images created after this one (a name or id). */
    public Builder since(String image) {
      return filter("since", image);
    }

    /** The options. */
    public ImageListOptions build() {
      return new ImageListOptions(this);
    }
  }
}
