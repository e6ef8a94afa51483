package dev.berth.containers;

/** Options of {@link ContainerService#create}: the container's name and platform. Immutable. */
public final class ContainerCreateOptions {
  /** A generated name, the engine's platform. */
  public static final ContainerCreateOptions DEFAULT = builder().build();

  private final String name;
  private final String platform;

  private ContainerCreateOptions(Builder b) {
    this.name = b.name;
    this.platform = b.platform;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    return new Builder().name(name).platform(platform);
  }

  /** The container's name ({@code name}), or {@code null} for one the engine generates. */
  public String name() {
    return name;
  }

  /** The platform of the image to use ({@code platform}, e.g. {@code linux/arm64}), or {@code null}. */
  public String platform() {
    return platform;
  }

  @Override
  public String toString() {
    return "ContainerCreateOptions[name=" + name + ", platform=" + platform + "]";
  }

  /** Builds {@link ContainerCreateOptions}; not thread-safe. */
  public static final class Builder {
    private String name;
    private String platform;

    private Builder() {}

    /** Names the container ({@code [a-zA-Z0-9][a-zA-Z0-9_.-]+}); null: a generated name. */
    public Builder name(String name) {
      if (name != null && name.isBlank()) {
        throw new IllegalArgumentException("name must not be blank");
      }
      this.name = name;
      return this;
    }

    /** Picks the image's platform, e.g. {@code linux/arm64}; null: the engine's. */
    public Builder platform(String platform) {
      if (platform != null && platform.isBlank()) {
        throw new IllegalArgumentException("platform must not be blank");
      }
      this.platform = platform;
      return this;
    }

    /** The options. */
    public ContainerCreateOptions build() {
      return new ContainerCreateOptions(this);
    }
  }
}
