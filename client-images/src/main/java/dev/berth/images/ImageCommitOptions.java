package dev.berth.images;

import dev.berth.types.containers.ContainerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Options of {@link ImageService#commit}: the new image's name, message, author and
 * configuration. Immutable.
 */
public final class ImageCommitOptions {
  /** An untagged image, the container paused while committing, its configuration unchanged. */
  public static final ImageCommitOptions DEFAULT = builder().build();

  private final String repository;
  private final String tag;
  private final String comment;
  private final String author;
  private final boolean pause;
  private final List<String> changes;
  private final ContainerConfig config;

  private ImageCommitOptions(Builder b) {
    this.repository = b.repository;
    this.tag = b.tag;
    this.comment = b.comment;
    this.author = b.author;
    this.pause = b.pause;
    this.changes = List.copyOf(b.changes);
    this.config = b.config;
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
    b.comment = comment;
    b.author = author;
    b.pause = pause;
    b.changes.addAll(changes);
    b.config = config;
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

  /** The commit message, or {@code null}. */
  public String comment() {
    return comment;
  }

  /** The author, or {@code null}. */
  public String author() {
    return author;
  }

  /** Whether the container is paused while committing (the engine's default). */
  public boolean pause() {
    return pause;
  }

  /** Dockerfile instructions applied to the image's configuration, e.g. {@code CMD ["sh"]}. */
  public List<String> changes() {
    return changes;
  }

  /**
   * The new image's configuration, or {@code null} to keep the container's. Given fields replace
   * the container's; {@link #changes()} apply on top.
   */
  public ContainerConfig config() {
    return config;
  }

  /** Builds {@link ImageCommitOptions}; not thread-safe. */
  public static final class Builder {
    private String repository;
    private String tag;
    private String comment;
    private String author;
    private boolean pause = true;
    private final List<String> changes = new ArrayList<>();
    private ContainerConfig config;

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

    /** The commit message. */
    public Builder comment(String comment) {
      this.comment = comment;
      return this;
    }

    /** The author, e.g. {@code Jane <jane@example.com>}. */
    public Builder author(String author) {
      this.author = author;
      return this;
    }

    /** Whether to pause the container while committing (default true). */
    public Builder pause(boolean pause) {
      this.pause = pause;
      return this;
    }

    /**
     * Adds a Dockerfile instruction to apply: {@code CMD}, {@code ENTRYPOINT}, {@code ENV},
     * {@code EXPOSE}, {@code LABEL}, {@code ONBUILD}, {@code USER}, {@code VOLUME},
     * {@code WORKDIR} or {@code STOPSIGNAL}.
     */
    public Builder change(String instruction) {
      Objects.requireNonNull(instruction, "instruction");
      if (instruction.isBlank() || instruction.indexOf('\n') >= 0 || instruction.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("a change must be one non-blank Dockerfile instruction: " + instruction);
      }
      changes.add(instruction);
      return this;
    }

    /** Adds Dockerfile instructions (see {@link #change}). */
    public Builder changes(List<String> instructions) {
      instructions.forEach(this::change);
      return this;
    }

    /** The new image's configuration. */
    public Builder config(ContainerConfig config) {
      this.config = config;
      return this;
    }

    /** The new image's configuration, set on a new builder. */
    public Builder config(Consumer<ContainerConfig.Builder> config) {
      ContainerConfig.Builder b = ContainerConfig.builder();
      config.accept(b);
      this.config = b.build();
      return this;
    }

    /** The options. */
    public ImageCommitOptions build() {
      if (tag != null && repository == null) {
        throw new IllegalArgumentException("a tag needs a repository");
      }
      return new ImageCommitOptions(this);
    }
  }
}
