package dev.berth.containers;

import dev.berth.client.Filters;
import java.util.Objects;

/** Options of {@link ContainerService#list}: which containers and how much detail. Immutable. */
public final class ContainerListOptions {
  /** Running containers only, no sizes. */
  public static final ContainerListOptions DEFAULT = builder().build();

  private final boolean all;
  private final Integer limit;
  private final boolean size;
  private final Filters filters;

  private ContainerListOptions(Builder b) {
    this.all = b.all;
    this.limit = b.limit;
    this.size = b.size;
    this.filters = b.filters.build();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.all = all;
    b.limit = limit;
    b.size = size;
    b.filters = filters.toBuilder();
    return b;
  }

  /** Whether stopped containers are included. */
  public boolean all() {
    return all;
  }

  /** At most this many of the most recent containers, or {@code null} for no limit. */
  public Integer limit() {
    return limit;
  }

  /** Whether sizes ({@code SizeRw}, {@code SizeRootFs}) are computed (slow). */
  public boolean size() {
    return size;
  }

  /** The filters. */
  public Filters filters() {
    return filters;
  }

  /** Builds {@link ContainerListOptions}; not thread-safe. */
  public static final class Builder {
    private boolean all;
    private Integer limit;
    private boolean size;
    private Filters.Builder filters = Filters.builder();

    private Builder() {}

    /** Includes stopped containers. */
    public Builder all(boolean all) {
      this.all = all;
      return this;
    }

    /** Returns at most {@code limit} of the most recently created containers (implies all). */
    public Builder limit(int limit) {
      if (limit <= 0) {
        throw new IllegalArgumentException("limit must be positive: " + limit);
      }
      this.limit = limit;
      return this;
    }

    /** Computes sizes. */
    public Builder size(boolean size) {
      this.size = size;
      return this;
    }

    /** Any filter by its API name. */
    public Builder filter(String name, String... values) {
      filters.add(name, values);
      return this;
    }

    /** Containers with this label ({@code key} or {@code key=value}). */
    public Builder label(String label) {
      return filter("label", label);
    }

    /**
     * Containers in these states. For a value the enum lacks (Podman knows {@code stopped} and
     * {@code unknown}), use {@code filter("status", value)}.
     */
    public Builder status(ContainerStatus... statuses) {
      for (ContainerStatus s : statuses) {
        filter("status", Objects.requireNonNull(s, "status").value());
      }
      return this;
    }

    /** Containers whose name contains this. */
    public Builder name(String name) {
      return filter("name", name);
    }

    /** Containers whose id starts with this. */
    public Builder id(String id) {
      return filter("id", id);
    }

    /** Containers created from this image (or a descendant). */
    public Builder ancestor(String image) {
      return filter("ancestor", image);
    }

    /** Containers that exited with this code. */
    public Builder exited(int code) {
      return filter("exited", Integer.toString(code));
    }

    /** Containers with this health. */
    public Builder health(HealthStatus health) {
      return filter("health", Objects.requireNonNull(health, "health").value());
    }

    /** Containers connected to this network. */
    public Builder network(String network) {
      return filter("network", network);
    }

    /** Containers mounting this volume or path. */
    public Builder volume(String volume) {
      return filter("volume", volume);
    }

    /** The options. */
    public ContainerListOptions build() {
      return new ContainerListOptions(this);
    }
  }
}
