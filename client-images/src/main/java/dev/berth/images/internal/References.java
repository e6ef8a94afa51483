package dev.berth.images.internal;

/**
 * Splits image references the way the engine's API expects them split: {@code repo[:tag]} or
 * {@code repo@digest}, where the repository may start with a registry host and port
 * ({@code 127.0.0.1:5000/app:1}). No other validation: the engine judges references.
 */
public final class References {
  private References() {}

  /** A reference's parts: repository, and tag or digest (both {@code null} when absent). */
  public record Parts(String repository, String tag, String digest) {
    /** The tag, or the digest, or {@code null}. */
    public String tagOrDigest() {
      return tag != null ? tag : digest;
    }
  }

  /** Splits {@code reference}; the tag is what follows the last {@code :} after the last {@code /}. */
  public static Parts split(String reference) {
    int at = reference.indexOf('@');
    if (at >= 0) {
      return new Parts(reference.substring(0, at), null, reference.substring(at + 1));
    }
    int colon = reference.lastIndexOf(':');
    int slash = reference.lastIndexOf('/');
    if (colon > slash) {
      return new Parts(reference.substring(0, colon), reference.substring(colon + 1), null);
    }
    return new Parts(reference, null, null);
  }
}
