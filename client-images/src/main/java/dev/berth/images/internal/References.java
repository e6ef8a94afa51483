package dev.berth.images.internal;

import java.util.regex.Pattern;

/**
 * Splits image references the way the engine's API expects them split: {@code repo[:tag]} or
 * {@code repo@digest}, where the repository may start with a registry host and port
 * ({@code 127.0.0.1:5000/app:1}). The engine judges references; {@link #checkRepository} and
 * {@link #checkTag} are for the one place where it judges too late.
 */
public final class References {
  // the grammar of github.com/distribution/reference (regexp.go)
  private static final String ALNUM = "[a-z0-9]+";
  private static final String SEPARATOR = "(?:[._]|__|[-]+)";
  private static final String PATH_COMPONENT = ALNUM + "(?:" + SEPARATOR + ALNUM + ")*";
  private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String DOMAIN = "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?";
  private static final Pattern REPOSITORY = Pattern.compile("(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");

  private References() {}

  /**
   * Checks a repository name ({@code [host[:port]/]path}) against the reference grammar.
   *
   * @throws IllegalArgumentException when it is malformed (upper case in the path, bad separators,
   *     longer than 255 characters)
   */
  public static String checkRepository(String repository) {
    if (repository.length() > 255 || !REPOSITORY.matcher(repository).matches()) {
      throw new IllegalArgumentException("invalid repository name (lower-case letters, digits and . _ - separators, "
          + "optionally after a registry host): " + repository);
    }
    return repository;
  }

  /**
   * Checks a tag against the reference grammar: word characters, {@code .} and {@code -}, at most
   * 128, not starting with {@code .} or {@code -}.
   *
   * @throws IllegalArgumentException when it is malformed
   */
  public static String checkTag(String tag) {
    if (!TAG.matcher(tag).matches()) {
      throw new IllegalArgumentException("invalid tag (word characters, . and -, at most 128): " + tag);
    }
    return tag;
  }

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
