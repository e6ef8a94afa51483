package dev.berth.pods;

import dev.berth.client.internal.Signals;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Options of {@link PodService#createContainer}: the container's name, command, environment,
 * labels and stop timeout. Immutable. The container joins the pod's shared namespaces (its network
 * among them), so it has no network settings of its own.
 */
public final class PodCreateContainerOptions {
  /** The image's command, a name chosen by the engine. */
  public static final PodCreateContainerOptions DEFAULT = builder().build();

  private final String name;
  private final List<String> command;
  private final Map<String, String> env;
  private final Map<String, String> labels;
  private final Duration stopTimeout;

  private PodCreateContainerOptions(Builder b) {
    this.name = b.name;
    this.command = b.command;
    this.env = Map.copyOf(b.env);
    this.labels = Map.copyOf(b.labels);
    this.stopTimeout = b.stopTimeout;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder().name(name).env(env).labels(labels).stopTimeout(stopTimeout);
    b.command = command;
    return b;
  }

  /** The container's name ({@code name}); null for one the engine chooses. */
  public String name() {
    return name;
  }

  /** The command ({@code command}); empty for the image's. */
  public List<String> command() {
    return command;
  }

  /** Environment variables ({@code env}); empty for none. */
  public Map<String, String> env() {
    return env;
  }

  /** Labels ({@code labels}); empty for none. */
  public Map<String, String> labels() {
    return labels;
  }

  /**
   * How long a stop (of the container or its pod, or a forced removal) waits before
   * {@code SIGKILL} ({@code stop_timeout}, whole seconds rounded up); null for Podman's 10 s.
   */
  public Duration stopTimeout() {
    return stopTimeout;
  }

  @Override
  public String toString() {
    // environment values may be secrets: names only
    return "PodCreateContainerOptions[name=" + name + ", command=" + command + ", env=" + env.keySet()
        + ", labels=" + labels + ", stopTimeout=" + stopTimeout + "]";
  }

  /** Builds {@link PodCreateContainerOptions}; not thread-safe. */
  public static final class Builder {
    private String name;
    private List<String> command = List.of();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private Duration stopTimeout;

    private Builder() {}

    /** The container's name; null: the engine chooses one. */
    public Builder name(String name) {
      if (name != null && name.isBlank()) {
        throw new IllegalArgumentException("name must not be blank");
      }
      this.name = name;
      return this;
    }

    /** The command and its arguments, replacing the image's. */
    public Builder command(String... command) {
      this.command = List.of(command);
      return this;
    }

    /** Adds an environment variable. */
    public Builder env(String name, String value) {
      env.put(Checks.require(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Adds environment variables. */
    public Builder env(Map<String, String> env) {
      Objects.requireNonNull(env, "env").forEach(this::env);
      return this;
    }

    /** Adds a label. */
    public Builder label(String key, String value) {
      labels.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Adds labels. */
    public Builder labels(Map<String, String> labels) {
      Objects.requireNonNull(labels, "labels").forEach(this::label);
      return this;
    }

    /** How long a stop waits before {@code SIGKILL}; null: Podman's default (10 s). */
    public Builder stopTimeout(Duration timeout) {
      this.stopTimeout = Signals.checkTimeout(timeout);
      return this;
    }

    /** The options. */
    public PodCreateContainerOptions build() {
      return new PodCreateContainerOptions(this);
    }
  }
}
