package dev.berth.images;

import dev.berth.types.images.DistributionInspect;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Options of {@link ImageService#remove}: force, keep parents. Immutable. */
public final class ImageRemoveOptions {
  /** No force; untagged parent images are deleted too. */
  public static final ImageRemoveOptions DEFAULT = builder().build();

  private final boolean force;
  private final boolean noPrune;
  private final List<DistributionInspect.Platform> platforms;

  private ImageRemoveOptions(Builder b) {
    this.force = b.force;
    this.noPrune = b.noPrune;
    this.platforms = List.copyOf(b.platforms);
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder().force(force).noPrune(noPrune);
    b.platforms.addAll(platforms);
    return b;
  }

  /**
   * Whether to remove the image even when it is referenced by several names or used by stopped
   * containers ({@code force}; running containers still block it).
   */
  public boolean force() {
    return force;
  }

  /** Whether untagged parent images are kept ({@code noprune}). */
  public boolean noPrune() {
    return noPrune;
  }

  /** The platform variants to delete ({@code platforms}, API 1.50+); empty for the whole image. */
  public List<DistributionInspect.Platform> platforms() {
    return platforms;
  }

  @Override
  public String toString() {
    return "ImageRemoveOptions[force=" + force + ", noPrune=" + noPrune
        + (platforms.isEmpty() ? "" : ", platforms=" + platforms) + "]";
  }

  /** Builds {@link ImageRemoveOptions}; not thread-safe. */
  public static final class Builder {
    private boolean force;
    private boolean noPrune;
    private final List<DistributionInspect.Platform> platforms = new ArrayList<>();

    private Builder() {}

    /** Removes the image even when it has several names or stopped containers use it. */
    public Builder force(boolean force) {
      this.force = force;
      return this;
    }

    /** Keeps untagged parent images. */
    public Builder noPrune(boolean noPrune) {
      this.noPrune = noPrune;
      return this;
    }

    /**
     * Deletes only this platform's variant of a multi-platform image ({@code platforms}, API 1.50+;
     * repeat for several). On an older API the removal throws
     * {@link dev.berth.client.UnsupportedApiVersionException} before anything is sent.
     */
    public Builder platform(DistributionInspect.Platform platform) {
      platforms.add(Objects.requireNonNull(platform, "platform"));
      return this;
    }

    /** The options. */
    public ImageRemoveOptions build() {
      return new ImageRemoveOptions(this);
    }
  }
}
