package dev.berth.images;

import dev.berth.types.images.DistributionInspect;
import java.util.Objects;

/**
 * Options of {@link ImageService#inspect(String, ImageInspectOptions)}: which platform variant and
 * whether to list manifests. Immutable.
 */
public final class ImageInspectOptions {
  /** The engine's choice of variant (its host platform first), no manifests. */
  public static final ImageInspectOptions DEFAULT = builder().build();

  private final boolean manifests;
  private final DistributionInspect.Platform platform;

  private ImageInspectOptions(Builder b) {
    this.manifests = b.manifests;
    this.platform = b.platform;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.manifests = manifests;
    b.platform = platform;
    return b;
  }

  /** Whether the answer lists the image's {@code Manifests} (API 1.48+). */
  public boolean manifests() {
    return manifests;
  }

  /** The platform variant to inspect, or {@code null} for the engine's choice (API 1.49+). */
  public DistributionInspect.Platform platform() {
    return platform;
  }

  @Override
  public String toString() {
    return "ImageInspectOptions[manifests=" + manifests + (platform == null ? "" : ", platform=" + platform) + "]";
  }

  /** Builds {@link ImageInspectOptions}; not thread-safe. */
  public static final class Builder {
    private boolean manifests;
    private DistributionInspect.Platform platform;

    private Builder() {}

    /**
     * Lists the image's manifests (platform variants, attestations; {@code manifests}, API 1.48+,
     * filled by a multi-platform image store only). The engine refuses it together with
     * {@link #platform}, so {@link #build()} does too. On an older API the inspect throws
     * {@link dev.berth.client.UnsupportedApiVersionException} before anything is sent.
     */
    public Builder manifests(boolean manifests) {
      this.manifests = manifests;
      return this;
    }

    /**
     * Inspects this platform variant of a multi-platform image ({@code platform}, API 1.49+). On an
     * older API the inspect throws {@link dev.berth.client.UnsupportedApiVersionException} before
     * anything is sent.
     */
    public Builder platform(DistributionInspect.Platform platform) {
      this.platform = Objects.requireNonNull(platform, "platform");
      return this;
    }

    /**
     * The options.
     *
     * @throws IllegalArgumentException when both manifests and a platform are asked for
     */
    public ImageInspectOptions build() {
      if (manifests && platform != null) {
        throw new IllegalArgumentException("manifests and platform are mutually exclusive in an image inspect");
      }
      return new ImageInspectOptions(this);
    }
  }
}
