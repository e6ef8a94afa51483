package dev.berth.containers;

/**
 * Options of {@link ContainerService#putArchive} and {@link ContainerService#copyInto}: how the
 * extracted files meet what is already there. Immutable.
 */
public final class ContainerPutArchiveOptions {
  /** The engine's defaults: a directory may replace a file and the reverse, files keep the tar's owners. */
  public static final ContainerPutArchiveOptions DEFAULT = builder().build();

  private final boolean noOverwriteDirNonDir;
  private final boolean copyUidGid;

  private ContainerPutArchiveOptions(Builder b) {
    this.noOverwriteDirNonDir = b.noOverwriteDirNonDir;
    this.copyUidGid = b.copyUidGid;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    return new Builder().noOverwriteDirNonDir(noOverwriteDirNonDir).copyUidGid(copyUidGid);
  }

  /**
   * Whether replacing a directory with a non-directory (or the reverse) is an error
   * ({@code noOverwriteDirNonDir}).
   */
  public boolean noOverwriteDirNonDir() {
    return noOverwriteDirNonDir;
  }

  /**
   * Whether the files get the container's user and group for the tar's owner ids
   * ({@code copyUIDGID}).
   */
  public boolean copyUidGid() {
    return copyUidGid;
  }

  @Override
  public String toString() {
    return "ContainerPutArchiveOptions[noOverwriteDirNonDir=" + noOverwriteDirNonDir + ", copyUidGid=" + copyUidGid + "]";
  }

  /** Builds {@link ContainerPutArchiveOptions}; not thread-safe. */
  public static final class Builder {
    private boolean noOverwriteDirNonDir;
    private boolean copyUidGid;

    private Builder() {}

    /** Fails instead of replacing a directory with a non-directory or the reverse. */
    public Builder noOverwriteDirNonDir(boolean noOverwriteDirNonDir) {
      this.noOverwriteDirNonDir = noOverwriteDirNonDir;
      return this;
    }

    /** Maps the tar's owner ids to the container's user and group ({@code docker cp -a}). */
    public Builder copyUidGid(boolean copyUidGid) {
      this.copyUidGid = copyUidGid;
      return this;
    }

    /** The options. */
    public ContainerPutArchiveOptions build() {
      return new ContainerPutArchiveOptions(this);
    }
  }
}
