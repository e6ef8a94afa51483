package dev.berth.images;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Options of {@link ImageService#importImage}: the new image's name, message, configuration
 * changes and platform. Immutable.
 */
public final class ImageImportOptions {
  /** An untagged image with no message. */
  public static final ImageImportOptions DEFAULT = builder().build();

  private final String repository;
  private final String tag;
  private final String message;
  private final List<String> changes;
  private final String platform;

  private ImageImportOptions(Builder b) {
    this.repository = b.repository;
    this.tag = b.tag;
    this.message = b.message;
    this.changes = List.copyOf(b.changes);
    this.platform = b.platform;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.repository = repository;
    b.tag = tag;
    b.message = message;
    b.changes.addAll(changes);
    b.platform = platform;
    return b;
  }

  /** The repository to name the image in, or {@code null} for an untagged image. */
  public String repository() {
    return repository;
  }

  /** The tag, or {@code null} ({@code latest} when a repository is given). */
  public String tag() {
    return tag;
  }

  /** The image's message (its history comment), or {@code null}. */
  public String message() {
    return message;
  }

  /** Dockerfile instructions applied to the new image's configuration. */
  public List<String> changes() {
    return changes;
  }

  /** The platform, e.g. {@code linux/amd64}, or {@code null} for the engine's. */
  public String platform() {
    return platform;
  }

  /** Builds {@link ImageImportOptions}; not thread-safe. */
  public static final class Builder {
    private String repository;
    private String tag;
    private String message;
    private final List<String> changes = new ArrayList<>();
    private String platform;

    private Builder() {}

    /** Names the image {@code repository} (with {@link #tag}, or {@code latest}). */
    public Builder repository(String repository) {
      this.repository = repository;
      return this;
    }

    /** The tag within {@link #repository}. */
    public Builder tag(String tag) {
      this.tag = tag;
      return this;
    }

    /** The image's message. */
    public Builder message(String message) {
      this.message = message;
      return this;
    }

    /** Adds a Dockerfile instruction to apply, e.g. {@code CMD ["sh"]} (as {@code docker import --change}). */
    public Builder change(String instruction) {
      Objects.requireNonNull(instruction, "instruction");
      if (instruction.isBlank() || instruction.indexOf('\n') >= 0 || instruction.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("a change must be one non-blank Dockerfile instruction: " + instruction);
      }
      changes.add(instruction);
      return this;
    }

    /** The platform, e.g. {@code linux/amd64}. */
    public Builder platform(String platform) {
      this.platform = platform;
      return this;
    }

    /** The options. */
    public ImageImportOptions build() {
      if (tag != null && repository == null) {
        throw new IllegalArgumentException("a tag needs a repository");
      }
      return new ImageImportOptions(this);
    }
  }
}
