package dev.berth.images;

import dev.berth.client.RegistryAuth;

/** Options of {@link ImageService#push}: credentials, all tags. Immutable. */
public final class ImagePushOptions {
  /** The service's credentials for the registry (or anonymous). */
  public static final ImagePushOptions DEFAULT = builder().build();

  private final RegistryAuth auth;
  private final boolean allTags;

  private ImagePushOptions(Builder b) {
    this.auth = b.auth;
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

  /** Whether every local tag of a repository given without tag is pushed (else {@code latest}). */
  public boolean allTags() {
    return allTags;
  }

  /** Never shows credentials. */
  @Override
  public String toString() {
    return "ImagePushOptions[auth=" + (auth == null ? "default" : auth) + ", allTags=" + allTags + "]";
  }

  /** Builds {@link ImagePushOptions}; not thread-safe. */
  public static final class Builder {
    private RegistryAuth auth;
    private boolean allTags;

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

    /** The options. */
    public ImagePushOptions build() {
      return new ImagePushOptions(this);
    }
  }
}
