package dev.berth.containers;

import java.time.Instant;

/** Options of {@link ContainerService#logs}. Immutable. */
public final class ContainerLogsOptions {
  /** Both streams, everything so far, no follow. */
  public static final ContainerLogsOptions DEFAULT = builder().build();

  private final boolean stdout;
  private final boolean stderr;
  private final boolean follow;
  private final Instant since;
  private final Instant until;
  private final boolean timestamps;
  private final Integer tail;
  private final Boolean tty;

  private ContainerLogsOptions(Builder b) {
    this.stdout = b.stdout;
    this.stderr = b.stderr;
    this.follow = b.follow;
    this.since = b.since;
    this.until = b.until;
    this.timestamps = b.timestamps;
    this.tail = b.tail;
    this.tty = b.tty;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.stdout = stdout;
    b.stderr = stderr;
    b.follow = follow;
    b.since = since;
    b.until = until;
    b.timestamps = timestamps;
    b.tail = tail;
    b.tty = tty;
    return b;
  }

  /** Whether stdout is included. */
  public boolean stdout() {
    return stdout;
  }

  /** Whether stderr is included. */
  public boolean stderr() {
    return stderr;
  }

  /** Whether the stream follows new output until the container stops. */
  public boolean follow() {
    return follow;
  }

  /** Only output from this time on, or {@code null}. */
  public Instant since() {
    return since;
  }

  /** Only output before this time, or {@code null}. */
  public Instant until() {
    return until;
  }

  /** Whether each line is prefixed with its RFC 3339 timestamp. */
  public boolean timestamps() {
    return timestamps;
  }

  /** Only the last this many lines, or {@code null} for all. */
  public Integer tail() {
    return tail;
  }

  /** Whether the container has a TTY, when the caller knows; {@code null}: ask the engine. */
  public Boolean tty() {
    return tty;
  }

  /** Builds {@link ContainerLogsOptions}; not thread-safe. */
  public static final class Builder {
    private boolean stdout = true;
    private boolean stderr = true;
    private boolean follow;
    private Instant since;
    private Instant until;
    private boolean timestamps;
    private Integer tail;
    private Boolean tty;

    private Builder() {}

    /** Includes stdout (default true). */
    public Builder stdout(boolean stdout) {
      this.stdout = stdout;
      return this;
    }

    /** Includes stderr (default true). */
    public Builder stderr(boolean stderr) {
      this.stderr = stderr;
      return this;
    }

    /** Follows new output until the container stops or the stream is closed. */
    public Builder follow(boolean follow) {
      this.follow = follow;
      return this;
    }

    /** Output from this time on. */
    public Builder since(Instant since) {
      this.since = since;
      return this;
    }

    /** Output before this time. */
    public Builder until(Instant until) {
      this.until = until;
      return this;
    }

    /** Prefixes lines with timestamps. */
    public Builder timestamps(boolean timestamps) {
      this.timestamps = timestamps;
      return this;
    }

    /** Only the last {@code lines} lines. */
    public Builder tail(int lines) {
      if (lines < 0) {
        throw new IllegalArgumentException("tail must be >= 0: " + lines);
      }
      this.tail = lines;
      return this;
    }

    /** Tells whether the container has a TTY, saving the inspect call that finds out. */
    public Builder tty(boolean tty) {
      this.tty = tty;
      return this;
    }

    /** The options. */
    public ContainerLogsOptions build() {
      if (!stdout && !stderr) {
        throw new IllegalArgumentException("at least one of stdout and stderr must be selected");
      }
      return new ContainerLogsOptions(this);
    }
  }
}
