package dev.berth.images;

import dev.berth.client.RegistryAuth;

/** Options of {@link ImageService#pull}: credentials, platform, all tags. Immutable. */
public final class ImagePullOptions {
  /** The service's credentials for the registry (or anonymous), the engine's platform. */
  public static final ImagePullOptions DEFAULT = builder().build();

  private final RegistryAuth auth;
  private final String platform;
  private final boolean allTags;

  private ImagePullOptions(Builder b) {
    this.auth = b.auth;
    this.platform = b.platform;
    this.allTags = b.allTags;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.auth = auth;
    b.platform = platform;
    b.allTags = allTags;
    return b;
  }

  /**
   * The credentials to send, or {@code null} for the service's (looked up in its
   * {@link dev.berth.client.RegistryCredentials}) or, without those, anonymous.
   */
  public RegistryAuth auth() {
    return auth;
  }

  /** The platform to pull, e.g. {@code linux/arm64}, or {@code null} for the engine's. */
  public String platform() {
    return platform;
  }

  /** Whether every tag of a repository given without tag is pulled (else {@code latest}). */
  public boolean allTags() {
    return allTags;
  }

  /** Never shows credentials. */
  @Override
  public String toString() {
    return "ImagePullOptions[auth=" + (auth == null ? "default" : auth) + ", platform=" + platform + ", allTags=" + allTags + "]";
  }

  /** Builds {@link ImagePullOptions}; not thread-safe. */
  public static final class Builder {
    private RegistryAuth auth;
    private String platform;
    private boolean allTags;

    private Builder() {}

    /** The credentials to send (X-Registry-Auth). */
    public Builder auth(RegistryAuth auth) {
      this.auth = auth;
      return this;
    }

    /** The platform to pull, e.g. {@code linux/arm64}. */
    public Builder platform(String platform) {
      this.platform = platform;
      return this;
    }

    /** Pulls every tag of a repository given without tag. */
    public Builder allTags(boolean allTags) {
      this.allTags = allTags;
      return this;
    }

    /** The options. */
    public ImagePullOptions build() {
      return new ImagePullOptions(this);
    }
  }
}
