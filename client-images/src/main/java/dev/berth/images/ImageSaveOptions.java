package dev.berth.images;

import dev.berth.types.images.DistributionInspect;
import java.util.Objects;

/** Options of {@link ImageService#saveStream(java.util.List, ImageSaveOptions)}: the platform variant to save. Immutable. */
public final class ImageSaveOptions {
  /** Every variant the images have. */
  public static final ImageSaveOptions DEFAULT = builder().build();

  private final DistributionInspect.Platform platform;

  private ImageSaveOptions(Builder b) {
    this.platform = b.platform;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.platform = platform;
    return b;
  }

  /** The platform variant, or {@code null} for the default (API 1.48+). */
  public DistributionInspect.Platform platform() {
    return platform;
  }

  @Override
  public String toString() {
    return "ImageSaveOptions[platform=" + platform + "]";
  }

  /** Builds {@link ImageSaveOptions}; not thread-safe. */
  public static final class Builder {
    private DistributionInspect.Platform platform;

    private Builder() {}

    /**
     * Saves only this platform variant of multi-platform images ({@code platform}, API 1.48+). On an older API the call throws
     * {@link dev.berth.client.UnsupportedApiVersionException} before anything is sent.
     */
    public Builder platform(DistributionInspect.Platform platform) {
      this.platform = Objects.requireNonNull(platform, "platform");
      return this;
    }

    /** The options. */
    public ImageSaveOptions build() {
      return new ImageSaveOptions(this);
    }
  }
}
