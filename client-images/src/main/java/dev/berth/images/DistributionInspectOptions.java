package dev.berth.images;

import dev.berth.client.RegistryAuth;

/** Options of {@link ImageService#distributionInspect}: the registry credentials. Immutable. */
public final class DistributionInspectOptions {
  /** The service's credentials for the registry, or anonymous. */
  public static final DistributionInspectOptions DEFAULT = builder().build();

  private final RegistryAuth auth;

  private DistributionInspectOptions(Builder b) {
    this.auth = b.auth;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    return new Builder().auth(auth);
  }

  /**
   * The credentials to send ({@code X-Registry-Auth}), or {@code null} for the service's (looked
   * up in its {@link dev.berth.client.RegistryCredentials}) or, without those, anonymous.
   */
  public RegistryAuth auth() {
    return auth;
  }

  /** Never shows credentials. */
  @Override
  public String toString() {
    return "DistributionInspectOptions[auth=" + (auth == null ? "default" : auth) + "]";
  }

  /** Builds {@link DistributionInspectOptions}; not thread-safe. */
  public static final class Builder {
    private RegistryAuth auth;

    private Builder() {}

    /** The credentials to send; null: the service's, else anonymous. */
    public Builder auth(RegistryAuth auth) {
      this.auth = auth;
      return this;
    }

    /** The options. */
    public DistributionInspectOptions build() {
      return new DistributionInspectOptions(this);
    }
  }
}
