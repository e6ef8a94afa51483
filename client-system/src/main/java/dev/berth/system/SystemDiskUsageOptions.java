package dev.berth.system;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Options of {@link SystemService#diskUsage(SystemDiskUsageOptions)}: which kinds of object the
 * engine computes usage for. Immutable.
 */
public final class SystemDiskUsageOptions {
  /** Every kind (no {@code type} parameter). */
  public static final SystemDiskUsageOptions DEFAULT = builder().build();

  /** A kind of object {@code GET /system/df} reports on; {@link #wireName()} is its API name. */
  public enum Type {
    /** Containers ({@code container}). */
    CONTAINER("container"),
    /** Images ({@code image}). */
    IMAGE("image"),
    /** Volumes ({@code volume}). */
    VOLUME("volume"),
    /** Build cache records ({@code build-cache}). */
    BUILD_CACHE("build-cache");

    private final String wireName;

    Type(String wireName) {
      this.wireName = wireName;
    }

    /** The name the API uses for this kind. */
    public String wireName() {
      return wireName;
    }
  }

  private final Set<Type> types;

  private SystemDiskUsageOptions(Builder b) {
    this.types = b.types.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(b.types));
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.types.addAll(types);
    return b;
  }

  /** The kinds to compute ({@code type}, API 1.42+); empty for all of them. */
  public Set<Type> types() {
    return types;
  }

  @Override
  public String toString() {
    return "SystemDiskUsageOptions[types=" + types + "]";
  }

  /** Builds {@link SystemDiskUsageOptions}; not thread-safe. */
  public static final class Builder {
    private final Set<Type> types = EnumSet.noneOf(Type.class);

    private Builder() {}

    /**
     * Computes usage for this kind of object only (repeat for several; {@code type}, API 1.42+);
     * the other sections of the answer are left empty. On an older API the call throws
     * {@link dev.berth.client.UnsupportedApiVersionException} before anything is sent.
     */
    public Builder type(Type type) {
      types.add(Objects.requireNonNull(type, "type"));
      return this;
    }

    /** The options. */
    public SystemDiskUsageOptions build() {
      return new SystemDiskUsageOptions(this);
    }
  }
}
