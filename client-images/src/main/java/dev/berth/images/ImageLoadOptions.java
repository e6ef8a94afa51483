package dev.berth.images;

/** Options of {@link ImageService#loadStream}: how much progress the engine reports. Immutable. */
public final class ImageLoadOptions {
  /** Quiet: one line per loaded image, no layer progress. */
  public static final ImageLoadOptions DEFAULT = builder().build();

  private final boolean quiet;

  private ImageLoadOptions(Builder b) {
    this.quiet = b.quiet;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    return new Builder().quiet(quiet);
  }

  /** Whether layer progress is left out ({@code quiet}; default true). */
  public boolean quiet() {
    return quiet;
  }

  @Override
  public String toString() {
    return "ImageLoadOptions[quiet=" + quiet + "]";
  }

  /** Builds {@link ImageLoadOptions}; not thread-safe. */
  public static final class Builder {
    private boolean quiet = true;

    private Builder() {}

    /** Leaves out layer progress (default true); false: a progress message per layer. */
    public Builder quiet(boolean quiet) {
      this.quiet = quiet;
      return this;
    }

    /** The options. */
    public ImageLoadOptions build() {
      return new ImageLoadOptions(this);
    }
  }
}
