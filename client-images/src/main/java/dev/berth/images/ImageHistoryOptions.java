package dev.berth.images;

import dev.berth.types.images.DistributionInspect;
import java.util.Objects;

/** Options of {@link ImageService#history(String, ImageHistoryOptions)}: the platform variant whose history to show. Immutable. */
public final class ImageHistoryOptions {
  /** The engine's choice of variant (its host platform first). */
  public static final ImageHistoryOptions DEFAULT = builder().build();

  private final DistributionInspect.Platform platform;

  private ImageHistoryOptions(Builder b) {
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
    return "ImageHistoryOptions[platform=" + platform + "]";
  }

  /** Builds {@link ImageHistoryOptions}; not thread-safe. */
  public static final class Builder {
    private DistributionInspect.Platform platform;

    private Builder() {}

    /**
     * Shows the history of this platform variant of a multi-platform image ({@code platform}, API 1.48+). On an older API the call throws
     * {@link dev.berth.client.UnsupportedApiVersionException} before anything is sent.
     */
    public Builder platform(DistributionInspect.Platform platform) {
      this.platform = Objects.requireNonNull(platform, "platform");
      return this;
    }

    /** The options. */
    public ImageHistoryOptions build() {
      return new ImageHistoryOptions(this);
    }
  }
}
