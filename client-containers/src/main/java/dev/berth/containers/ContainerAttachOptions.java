package dev.berth.containers;

/** Options of {@link ContainerService#attach}. Immutable. */
public final class ContainerAttachOptions {
  /** stdout and stderr, streaming, no stdin. */
  public static final ContainerAttachOptions DEFAULT = builder().build();

  private final boolean stdin;
  private final boolean stdout;
  private final boolean stderr;
  private final boolean logs;
  private final boolean stream;
  private final String detachKeys;
  private final Boolean tty;

  private ContainerAttachOptions(Builder b) {
    this.stdin = b.stdin;
    this.stdout = b.stdout;
    this.stderr = b.stderr;
    this.logs = b.logs;
    this.stream = b.stream;
    this.detachKeys = b.detachKeys;
    this.tty = b.tty;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.stdin = stdin;
    b.stdout = stdout;
    b.stderr = stderr;
    b.logs = logs;
    b.stream = stream;
    b.detachKeys = detachKeys;
    b.tty = tty;
    return b;
  }

  /** Whether stdin is attached. */
  public boolean stdin() {
    return stdin;
  }

  /** Whether stdout is attached. */
  public boolean stdout() {
    return stdout;
  }

  /** Whether stderr is attached. */
  public boolean stderr() {
    return stderr;
  }

  /** Whether output from before the attach is replayed first. */
  public boolean logs() {
    return logs;
  }

  /** Whether new output streams. */
  public boolean stream() {
    return stream;
  }

  /** The key sequence that detaches, or {@code null} for the engine's default. */
  public String detachKeys() {
    return detachKeys;
  }

  /** Whether the container has a TTY, when the caller knows; {@code null}: ask the engine. */
  public Boolean tty() {
    return tty;
  }

  /** Builds {@link ContainerAttachOptions}; not thread-safe. */
  public static final class Builder {
    private boolean stdin;
    private boolean stdout = true;
    private boolean stderr = true;
    private boolean logs;
    private boolean stream = true;
    private String detachKeys;
    private Boolean tty;

    private Builder() {}

    /** Attaches stdin (the container needs OpenStdin). */
    public Builder stdin(boolean stdin) {
      this.stdin = stdin;
      return this;
    }

    /** Attaches stdout (default true). */
    public Builder stdout(boolean stdout) {
      this.stdout = stdout;
      return this;
    }

    /** Attaches stderr (default true). */
    public Builder stderr(boolean stderr) {
      this.stderr = stderr;
      return this;
    }

    /** Replays earlier output first. */
    public Builder logs(boolean logs) {
      this.logs = logs;
      return this;
    }

    /** Streams new output (default true). */
    public Builder stream(boolean stream) {
      this.stream = stream;
      return this;
    }

    /** Overrides the detach key sequence, e.g. {@code ctrl-p,ctrl-q}. */
    public Builder detachKeys(String detachKeys) {
      this.detachKeys = detachKeys;
      return this;
    }

    /** Tells whether the container has a TTY, saving the inspect call that finds out. */
    public Builder tty(boolean tty) {
      this.tty = tty;
      return this;
    }

    /** The options. */
    public ContainerAttachOptions build() {
      return new ContainerAttachOptions(this);
    }
  }
}
