package dev.berth.transport.internal;

/** Build facts. */
public final class Version {
  /** The default {@code User-Agent}. */
  public static final String USER_AGENT = "berth/0.1";

  private Version() {}
}
