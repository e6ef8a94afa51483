package dev.berth.images;

import dev.berth.types.images.DistributionInspect;
import java.util.Objects;

/** Options of {@link ImageService#loadStream}: how much progress the engine reports. Immutable. */
public final class ImageLoadOptions {
  /** Quiet: one line per loaded image, no layer progress. */
  public static final ImageLoadOptions DEFAULT = builder().build();

  private final boolean quiet;
  private final DistributionInspect.Platform platform;

  private ImageLoadOptions(Builder b) {
    this.quiet = b.quiet;
    this.platform = b.platform;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder().quiet(quiet);
    b.platform = platform;
    return b;
  }

  /** Whether layer progress is left out ({@code quiet}; default true). */
  public boolean quiet() {
    return quiet;
  }

  /** The platform variant to load from a multi-platform archive, or {@code null} for all (API 1.48+). */
  public DistributionInspect.Platform platform() {
    return platform;
  }

  @Override
  public String toString() {
    return "ImageLoadOptions[quiet=" + quiet + (platform == null ? "" : ", platform=" + platform) + "]";
  }

  /** Builds {@link ImageLoadOptions}; not thread-safe. */
  public static final class Builder {
    private boolean quiet = true;
    private DistributionInspect.Platform platform;

    private Builder() {}

    /** Leaves out layer progress (default true); false: a progress message per layer. */
    public Builder quiet(boolean quiet) {
      this.quiet = quiet;
      return this;
    }

    /**
     * Loads only this platform variant of a multi-platform archive ({@code platform}, API 1.48+; an OCI platform such as
     * {@code new DistributionInspect.Platform("arm64", "linux", null, null, "v8")}). On an older API
     * the call throws {@link dev.berth.client.UnsupportedApiVersionException} before anything is sent.
     */
    public Builder platform(DistributionInspect.Platform platform) {
      this.platform = Objects.requireNonNull(platform, "platform");
      return this;
    }

    /** The options. */
    public ImageLoadOptions build() {
      return new ImageLoadOptions(this);
    }
  }
}
