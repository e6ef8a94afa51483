package dev.berth.containers;

/** Options of {@link ContainerService#remove}: force, volumes, link. Immutable. */
public final class ContainerRemoveOptions {
  /** No force, keep volumes, remove the container (not a link). */
  public static final ContainerRemoveOptions DEFAULT = builder().build();

  private final boolean force;
  private final boolean volumes;
  private final boolean link;

  private ContainerRemoveOptions(Builder b) {
    this.force = b.force;
    this.volumes = b.volumes;
    this.link = b.link;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    return new Builder().force(force).volumes(volumes).link(link);
  }

  /** Whether a running container is killed first ({@code force}). */
  public boolean force() {
    return force;
  }

  /** Whether anonymous volumes are removed too ({@code v}). */
  public boolean volumes() {
    return volumes;
  }

  /** Whether only the named link is removed (legacy links), not the container ({@code link}). */
  public boolean link() {
    return link;
  }

  @Override
  public String toString() {
    return "ContainerRemoveOptions[force=" + force + ", volumes=" + volumes + ", link=" + link + "]";
  }

  /** Builds {@link ContainerRemoveOptions}; not thread-safe. */
  public static final class Builder {
    private boolean force;
    private boolean volumes;
    private boolean link;

    private Builder() {}

    /** Kills a running container first. */
    public Builder force(boolean force) {
      this.force = force;
      return this;
    }

    /** Removes the container's anonymous volumes too. */
    public Builder volumes(boolean volumes) {
      this.volumes = volumes;
      return this;
    }

    /** Removes only the legacy link named by the id, not the container. */
    public Builder link(boolean link) {
      this.link = link;
      return this;
    }

    /** The options. */
    public ContainerRemoveOptions build() {
      return new ContainerRemoveOptions(this);
    }
  }
}
