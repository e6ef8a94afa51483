package dev.berth.images;

/** Options of {@link ImageService#remove}. Immutable. */
public final class RemoveOptions {
  /** No force; untagged parent images are deleted too. */
  public static final RemoveOptions DEFAULT = new RemoveOptions(false, false);
  /** Remove even when the image has several names or stopped containers use it. */
  public static final RemoveOptions FORCE = new RemoveOptions(true, false);

  private final boolean force;
  private final boolean noPrune;

  private RemoveOptions(boolean force, boolean noPrune) {
    this.force = force;
    this.noPrune = noPrune;
  }

  /** Options with each flag given. */
  public static RemoveOptions of(boolean force, boolean noPrune) {
    return new RemoveOptions(force, noPrune);
  }

  /**
   * Whether to remove the image even when it is referenced by several names or used by stopped
   * containers (running containers still block it).
   */
  public boolean force() {
    return force;
  }

  /** Whether untagged parent images are kept ({@code noprune}). */
  public boolean noPrune() {
    return noPrune;
  }
}
