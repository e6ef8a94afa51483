package dev.berth.images;

import dev.berth.client.Filters;
import java.time.Instant;
import java.util.Objects;

/** Options of {@link ImageService#prune}: which unused images to delete. Immutable. */
public final class ImagePruneOptions {
  /** Dangling (untagged, unused) images only. */
  public static final ImagePruneOptions DEFAULT = builder().build();

  private final Filters filters;

  private ImagePruneOptions(Builder b) {
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
    return "ImagePruneOptions[filters=" + filters + "]";
  }

  /** Builds {@link ImagePruneOptions}; not thread-safe. */
  public static final class Builder {
    private Filters.Builder filters = Filters.builder();

    private Builder() {}

    /** Any filter by its API name ({@code dangling}, {@code until}, {@code label}, {@code label!}). */
    public Builder filter(String name, String... values) {
      filters.add(name, values);
      return this;
    }

    /**
     * {@code true} (the engine's default): only dangling images; {@code false}: every image no
     * container uses.
     */
    public Builder dangling(boolean dangling) {
      return filter("dangling", Boolean.toString(dangling));
    }

    /** Only images with this label ({@code key} or {@code key=value}). */
    public Builder label(String label) {
      return filter("label", label);
    }

    /** Only images created before this time. */
    public Builder until(Instant until) {
      return filter("until", Long.toString(Objects.requireNonNull(until, "until").getEpochSecond()));
    }

    /** The options. */
    public ImagePruneOptions build() {
      return new ImagePruneOptions(this);
    }
  }
}
