package dev.berth.pods;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Options of {@link PodService#create}: labels, the infra container, shared namespaces and the
 * pod's network mode. Immutable.
 */
public final class PodCreateOptions {
  /** The engine's defaults: an infra container sharing {@code ipc}, {@code net} and {@code uts}. */
  public static final PodCreateOptions DEFAULT = builder().build();

  private final Map<String, String> labels;
  private final boolean infra;
  private final List<String> share;
  private final String networkMode;
  private final String hostname;
  private final String exitPolicy;

  private PodCreateOptions(Builder b) {
    this.labels = Map.copyOf(b.labels);
    this.infra = b.infra;
    this.share = List.copyOf(b.share);
    this.networkMode = b.networkMode;
    this.hostname = b.hostname;
    this.exitPolicy = b.exitPolicy;
    if (!infra && networkMode != null) {
      // Podman 4.3 refuses it with a 500 ("NoInfra and network modes cannot be used together"):
      // the network namespace is the infra container's
      throw new IllegalArgumentException("a pod without an infra container has no network mode of its own: "
          + networkMode);
    }
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder().labels(labels).infra(infra).networkMode(networkMode).hostname(hostname)
        .exitPolicy(exitPolicy);
    b.share.addAll(share);
    return b;
  }

  /** Labels on the pod ({@code labels}); empty for none. */
  public Map<String, String> labels() {
    return labels;
  }

  /** Whether the pod gets an infra container holding its namespaces ({@code no_infra} when not); default true. */
  public boolean infra() {
    return infra;
  }

  /** The namespaces the pod's containers share ({@code share}); empty for the engine's default. */
  public List<String> share() {
    return share;
  }

  /** The pod's network mode ({@code netns.nsmode}), e.g. {@code none}; null for the engine's default. */
  public String networkMode() {
    return networkMode;
  }

  /** The hostname the pod's containers share ({@code hostname}); null for the engine's default. */
  public String hostname() {
    return hostname;
  }

  /** What happens when the last container exits ({@code exit_policy}); null for the engine's default. */
  public String exitPolicy() {
    return exitPolicy;
  }

  @Override
  public String toString() {
    return "PodCreateOptions[labels=" + labels + ", infra=" + infra + ", share=" + share + ", networkMode="
        + networkMode + ", hostname=" + hostname + ", exitPolicy=" + exitPolicy + "]";
  }

  /** Builds {@link PodCreateOptions}; not thread-safe. */
  public static final class Builder {
    private final Map<String, String> labels = new LinkedHashMap<>();
    private boolean infra = true;
    private final List<String> share = new ArrayList<>();
    private String networkMode;
    private String hostname;
    private String exitPolicy;

    private Builder() {}

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

    /**
     * Whether the pod gets an infra container (default true). Podman builds its infra image
     * ({@code localhost/podman-pause}) on first use when none is configured.
     */
    public Builder infra(boolean infra) {
      this.infra = infra;
      return this;
    }

    /** Adds namespaces to share, e.g. {@code ipc}, {@code net}, {@code uts}, {@code pid}. */
    public Builder share(String... namespaces) {
      for (String ns : namespaces) {
        if (Objects.requireNonNull(ns, "namespace").isBlank() || ns.contains(",")) {
          throw new IllegalArgumentException("a namespace is one name such as net or ipc: '" + ns + "'");
        }
        share.add(ns);
      }
      return this;
    }

    /**
     * The pod's network mode: {@code none} (only a loopback device), {@code host}, {@code private},
     * {@code bridge}, …; null: the engine's default (a bridge for a rootful engine).
     */
    public Builder networkMode(String mode) {
      if (mode != null && mode.isBlank()) {
        throw new IllegalArgumentException("networkMode must not be blank");
      }
      this.networkMode = mode;
      return this;
    }

    /** The hostname the pod's containers share; null: the engine's default. */
    public Builder hostname(String hostname) {
      this.hostname = hostname;
      return this;
    }

    /** {@code continue} (default) or {@code stop}: whether the pod stops when its last container exits. */
    public Builder exitPolicy(String policy) {
      this.exitPolicy = policy;
      return this;
    }

    /**
     * The options.
     *
     * @throws IllegalArgumentException for a network mode without an infra container
     */
    public PodCreateOptions build() {
      return new PodCreateOptions(this);
    }
  }
}
