package dev.berth.containers;

/** Options of {@link ContainerService#remove}. Immutable. */
public final class RemoveOptions {
  /** No force, keep volumes. */
  public static final RemoveOptions DEFAULT = new RemoveOptions(false, false, false);
  /** Kill a running container first and remove its anonymous volumes. */
  public static final RemoveOptions FORCE = new RemoveOptions(true, true, false);

  private final boolean force;
  private final boolean volumes;
  private final boolean link;

  private RemoveOptions(boolean force, boolean volumes, boolean link) {
    this.force = force;
    this.volumes = volumes;
    this.link = link;
  }

  /** Options with each flag given. */
  public static RemoveOptions of(boolean force, boolean volumes, boolean link) {
    return new RemoveOptions(force, volumes, link);
  }

  /** Whether a running container is killed first. */
  public boolean force() {
    return force;
  }

  /** Whether anonymous volumes are removed too. */
  public boolean volumes() {
    return volumes;
  }

  /** Whether only the named link is removed (legacy links), not the container. */
  public boolean link() {
    return link;
  }
}
