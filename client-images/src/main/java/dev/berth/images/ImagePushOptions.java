package dev.berth.images;

import dev.berth.types.images.DistributionInspect;
import java.util.Objects;

import dev.berth.client.RegistryAuth;

/** Options of {@link ImageService#push}: credentials, all tags. Immutable. */
public final class ImagePushOptions {
  /** The service's credentials for the registry (or anonymous). */
  public static final ImagePushOptions DEFAULT = builder().build();

  private final RegistryAuth auth;
  private final boolean allTags;
  private final DistributionInspect.Platform platform;

  private ImagePushOptions(Builder b) {
    this.auth = b.auth;
    this.allTags = b.allTags;
    this.platform = b.platform;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.auth = auth;
    b.allTags = allTags;
    b.platform = platform;
    return b;
  }

  /**
   * The credentials to send, or {@code null} for the service's (looked up in its
   * {@link dev.berth.client.RegistryCredentials}) or, without those, anonymous.
   */
  public RegistryAuth auth() {
    return auth;
  }

  /** Whether every local tag of a repository given without tag is pushed (else {@code latest}). */
  public boolean allTags() {
    return allTags;
  }

  /** The platform variant to push, or {@code null} for all the image has (API 1.46+). */
  public DistributionInspect.Platform platform() {
    return platform;
  }

  /** Never shows credentials. */
  @Override
  public String toString() {
    return "ImagePushOptions[auth=" + (auth == null ? "default" : auth) + ", allTags=" + allTags
        + (platform == null ? "" : ", platform=" + platform) + "]";
  }

  /** Builds {@link ImagePushOptions}; not thread-safe. */
  public static final class Builder {
    private RegistryAuth auth;
    private boolean allTags;
    private DistributionInspect.Platform platform;

    private Builder() {}

    /** The credentials to send (X-Registry-Auth). */
    public Builder auth(RegistryAuth auth) {
      this.auth = auth;
      return this;
    }

    /** Pushes every local tag of a repository given without tag. */
    public Builder allTags(boolean allTags) {
      this.allTags = allTags;
      return this;
    }

    /**
     * Pushes only this platform variant of a multi-platform image ({@code platform}, API 1.46+; an OCI platform such as
     * {@code new DistributionInspect.Platform("arm64", "linux", null, null, "v8")}). On an older API
     * the call throws {@link dev.berth.client.UnsupportedApiVersionException} before anything is sent.
     */
    public Builder platform(DistributionInspect.Platform platform) {
      this.platform = Objects.requireNonNull(platform, "platform");
      return this;
    }

    /** The options. */
    public ImagePushOptions build() {
      return new ImagePushOptions(this);
    }
  }
}
