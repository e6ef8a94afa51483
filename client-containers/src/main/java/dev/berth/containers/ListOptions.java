package dev.berth.containers;

import dev.berth.client.Filters;

/** Options of {@link ContainerService#list}: which containers and how much detail. Immutable. */
public final class ListOptions {
  /** Running containers only, no sizes. */
  public static final ListOptions DEFAULT = builder().build();

  private final boolean all;
  private final Integer limit;
  private final boolean size;
  private final Filters filters;

  private ListOptions(Builder b) {
    this.all = b.all;
    this.limit = b.limit;
    this.size = b.size;
    this.filters = b.filters.build();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether stopped containers are included. */
  public boolean all() {
    return all;
  }

  /** At most this many of the most recent containers, or {@code null}. */
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

  /** Builds {@link ListOptions}; not thread-safe. */
  public static final class Builder {
    private boolean all;
    private Integer limit;
    private boolean size;
    private final Filters.Builder filters = Filters.builder();

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

    /** Containers in this state: created, restarting, running, removing, paused, exited, dead. */
    public Builder status(String status) {
      return filter("status", status);
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

    /** Containers with this health: starting, healthy, unhealthy, none. */
    public Builder health(String health) {
      return filter("health", health);
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
    public ListOptions build() {
      return new ListOptions(this);
    }
  }
}
