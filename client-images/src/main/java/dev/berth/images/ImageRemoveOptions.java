package dev.berth.images;

/** Options of {@link ImageService#remove}: force, keep parents. Immutable. */
public final class ImageRemoveOptions {
  /** No force; untagged parent images are deleted too. */
  public static final ImageRemoveOptions DEFAULT = builder().build();

  private final boolean force;
  private final boolean noPrune;

  private ImageRemoveOptions(Builder b) {
    this.force = b.force;
    this.noPrune = b.noPrune;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    return new Builder().force(force).noPrune(noPrune);
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

  @Override
  public String toString() {
    return "ImageRemoveOptions[force=" + force + ", noPrune=" + noPrune + "]";
  }

  /** Builds {@link ImageRemoveOptions}; not thread-safe. */
  public static final class Builder {
    private boolean force;
    private boolean noPrune;

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

    /** The options. */
    public ImageRemoveOptions build() {
      return new ImageRemoveOptions(this);
    }
  }
}
