package dev.berth.images;

import dev.berth.client.RegistryAuth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Options of {@link ImageService#build}: the Dockerfile, names, build arguments, labels, target
 * stage, cache, network and resource settings of the build's containers, and credentials for the
 * registries base images come from. Immutable.
 */
public final class ImageBuildOptions {
  /** {@code Dockerfile} at the context root, untagged, the engine's defaults. */
  public static final ImageBuildOptions DEFAULT = builder().build();

  private final String dockerfile;
  private final List<String> tags;
  private final List<String> extraHosts;
  private final boolean quiet;
  private final boolean noCache;
  private final List<String> cacheFrom;
  private final boolean pull;
  private final Boolean remove;
  private final boolean forceRemove;
  private final Long memory;
  private final Long memorySwap;
  private final Long cpuShares;
  private final String cpuSetCpus;
  private final Long cpuPeriod;
  private final Long cpuQuota;
  private final Long shmSize;
  private final Map<String, String> buildArgs;
  private final Map<String, String> labels;
  private final boolean squash;
  private final String networkMode;
  private final String platform;
  private final String target;
  private final Map<String, RegistryAuth> registryAuths;

  private ImageBuildOptions(Builder b) {
    this.dockerfile = b.dockerfile;
    this.tags = List.copyOf(b.tags);
    this.extraHosts = List.copyOf(b.extraHosts);
    this.quiet = b.quiet;
    this.noCache = b.noCache;
    this.cacheFrom = List.copyOf(b.cacheFrom);
    this.pull = b.pull;
    this.remove = b.remove;
    this.forceRemove = b.forceRemove;
    this.memory = b.memory;
    this.memorySwap = b.memorySwap;
    this.cpuShares = b.cpuShares;
    this.cpuSetCpus = b.cpuSetCpus;
    this.cpuPeriod = b.cpuPeriod;
    this.cpuQuota = b.cpuQuota;
    this.shmSize = b.shmSize;
    this.buildArgs = Collections.unmodifiableMap(new LinkedHashMap<>(b.buildArgs));
    this.labels = Collections.unmodifiableMap(new LinkedHashMap<>(b.labels));
    this.squash = b.squash;
    this.networkMode = b.networkMode;
    this.platform = b.platform;
    this.target = b.target;
    this.registryAuths = Collections.unmodifiableMap(new LinkedHashMap<>(b.registryAuths));
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.dockerfile = dockerfile;
    b.quiet = quiet;
    b.noCache = noCache;
    b.pull = pull;
    b.remove = remove;
    b.forceRemove = forceRemove;
    b.memory = memory;
    b.memorySwap = memorySwap;
    b.cpuShares = cpuShares;
    b.cpuSetCpus = cpuSetCpus;
    b.cpuPeriod = cpuPeriod;
    b.cpuQuota = cpuQuota;
    b.shmSize = shmSize;
    b.squash = squash;
    b.networkMode = networkMode;
    b.platform = platform;
    b.target = target;
    b.tags.addAll(tags);
    b.extraHosts.addAll(extraHosts);
    b.cacheFrom.addAll(cacheFrom);
    b.buildArgs.putAll(buildArgs);
    b.labels.putAll(labels);
    b.registryAuths.putAll(registryAuths);
    return b;
  }

  /** The Dockerfile's path inside the context ({@code /}-separated), or {@code null} for {@code Dockerfile}. */
  public String dockerfile() {
    return dockerfile;
  }

  /** Names ({@code repo[:tag]}) to give the image. */
  public List<String> tags() {
    return tags;
  }

  /** {@code host:ip} entries added to the build containers' {@code /etc/hosts}. */
  public List<String> extraHosts() {
    return extraHosts;
  }

  /** Whether the build's output is suppressed (the stream then only names the image). */
  public boolean quiet() {
    return quiet;
  }

  /** Whether the build cache is ignored. */
  public boolean noCache() {
    return noCache;
  }

  /** Images whose layers may serve as cache. */
  public List<String> cacheFrom() {
    return cacheFrom;
  }

  /** Whether base images are pulled even when present. */
  public boolean pull() {
    return pull;
  }

  /** Whether intermediate containers are removed after a successful build; {@code null} for the engine's default (yes). */
  public Boolean remove() {
    return remove;
  }

  /** Whether intermediate containers are removed also after a failed build. */
  public boolean forceRemove() {
    return forceRemove;
  }

  /** Memory limit of the build containers in bytes, or {@code null}. */
  public Long memory() {
    return memory;
  }

  /** Memory plus swap limit in bytes ({@code -1}: unlimited swap), or {@code null}. */
  public Long memorySwap() {
    return memorySwap;
  }

  /** Relative CPU weight, or {@code null}. */
  public Long cpuShares() {
    return cpuShares;
  }

  /** CPUs the build containers may use, e.g. {@code 0-3} or {@code 0,1}, or {@code null}. */
  public String cpuSetCpus() {
    return cpuSetCpus;
  }

  /** CPU CFS period in microseconds, or {@code null}. */
  public Long cpuPeriod() {
    return cpuPeriod;
  }

  /** CPU CFS quota in microseconds, or {@code null}. */
  public Long cpuQuota() {
    return cpuQuota;
  }

  /** Size of {@code /dev/shm} in bytes, or {@code null}. */
  public Long shmSize() {
    return shmSize;
  }

  /** Values of the Dockerfile's {@code ARG}s. */
  public Map<String, String> buildArgs() {
    return buildArgs;
  }

  /** Labels added to the image. */
  public Map<String, String> labels() {
    return labels;
  }

  /** Whether the new layers are squashed into one (experimental daemons only). */
  public boolean squash() {
    return squash;
  }

  /** Network mode of the {@code RUN} containers, e.g. {@code none} or {@code host}; {@code null} for the default. */
  public String networkMode() {
    return networkMode;
  }

  /** The platform to build for, e.g. {@code linux/amd64}, or {@code null}. */
  public String platform() {
    return platform;
  }

  /** The stage of a multi-stage Dockerfile to build, or {@code null} for the last. */
  public String target() {
    return target;
  }

  /**
   * Credentials for registries base images are pulled from, keyed by registry ({@code host:port};
   * Docker Hub is {@code https://index.docker.io/v1/}); sent as {@code X-Registry-Config}.
   */
  public Map<String, RegistryAuth> registryAuths() {
    return registryAuths;
  }

  /** Lists registries with credentials, never the credentials. */
  @Override
  public String toString() {
    return "ImageBuildOptions[dockerfile=" + dockerfile + ", tags=" + tags + ", target=" + target
        + ", networkMode=" + networkMode + ", platform=" + platform + ", registries with credentials="
        + registryAuths.keySet() + "]";
  }

  /** Builds {@link ImageBuildOptions}; not thread-safe. */
  public static final class Builder {
    private String dockerfile;
    private final List<String> tags = new ArrayList<>();
    private final List<String> extraHosts = new ArrayList<>();
    private boolean quiet;
    private boolean noCache;
    private final List<String> cacheFrom = new ArrayList<>();
    private boolean pull;
    private Boolean remove;
    private boolean forceRemove;
    private Long memory;
    private Long memorySwap;
    private Long cpuShares;
    private String cpuSetCpus;
    private Long cpuPeriod;
    private Long cpuQuota;
    private Long shmSize;
    private final Map<String, String> buildArgs = new LinkedHashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private boolean squash;
    private String networkMode;
    private String platform;
    private String target;
    private final Map<String, RegistryAuth> registryAuths = new LinkedHashMap<>();

    private Builder() {}

    private static String nonBlank(String value, String name) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be null or blank");
      }
      return value;
    }

    private static long nonNegative(long value, String name) {
      if (value < 0) {
        throw new IllegalArgumentException(name + " must not be negative: " + value);
      }
      return value;
    }

    /** The Dockerfile's path inside the context, e.g. {@code docker/Dockerfile.dev}. */
    public Builder dockerfile(String dockerfile) {
      this.dockerfile = nonBlank(dockerfile, "dockerfile");
      return this;
    }

    /** Adds names ({@code repo[:tag]}) for the image. */
    public Builder tag(String... tags) {
      for (String t : tags) {
        this.tags.add(nonBlank(t, "tag"));
      }
      return this;
    }

    /** Adds an {@code /etc/hosts} entry {@code host:ip} for the build containers. */
    public Builder extraHost(String hostAndIp) {
      extraHosts.add(nonBlank(hostAndIp, "extraHost"));
      return this;
    }

    /** Suppresses the build output. */
    public Builder quiet(boolean quiet) {
      this.quiet = quiet;
      return this;
    }

    /** Ignores the build cache. */
    public Builder noCache(boolean noCache) {
      this.noCache = noCache;
      return this;
    }

    /** Adds images to use as cache sources. */
    public Builder cacheFrom(String... images) {
      for (String i : images) {
        cacheFrom.add(nonBlank(i, "cacheFrom"));
      }
      return this;
    }

    /** Pulls base images even when present. */
    public Builder pull(boolean pull) {
      this.pull = pull;
      return this;
    }

    /** Whether to remove intermediate containers after a successful build (default yes). */
    public Builder remove(boolean remove) {
      this.remove = remove;
      return this;
    }

    /** Removes intermediate containers also after a failed build. */
    public Builder forceRemove(boolean forceRemove) {
      this.forceRemove = forceRemove;
      return this;
    }

    /** Memory limit of the build containers in bytes. */
    public Builder memory(long bytes) {
      this.memory = nonNegative(bytes, "memory");
      return this;
    }

    /** Memory plus swap limit in bytes; {@code -1} for unlimited swap. */
    public Builder memorySwap(long bytes) {
      if (bytes < -1) {
        throw new IllegalArgumentException("memorySwap must be -1 or more: " + bytes);
      }
      this.memorySwap = bytes;
      return this;
    }

    /** Relative CPU weight. */
    public Builder cpuShares(long shares) {
      this.cpuShares = nonNegative(shares, "cpuShares");
      return this;
    }

    /** CPUs to use, e.g. {@code 0-3}. */
    public Builder cpuSetCpus(String cpus) {
      this.cpuSetCpus = nonBlank(cpus, "cpuSetCpus");
      return this;
    }

    /** CPU CFS period in microseconds. */
    public Builder cpuPeriod(long micros) {
      this.cpuPeriod = nonNegative(micros, "cpuPeriod");
      return this;
    }

    /** CPU CFS quota in microseconds. */
    public Builder cpuQuota(long micros) {
      this.cpuQuota = nonNegative(micros, "cpuQuota");
      return this;
    }

    /** Size of {@code /dev/shm} in bytes. */
    public Builder shmSize(long bytes) {
      this.shmSize = nonNegative(bytes, "shmSize");
      return this;
    }

    /** Sets the value of an {@code ARG}. */
    public Builder buildArg(String name, String value) {
      buildArgs.put(nonBlank(name, "build argument name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Sets values of {@code ARG}s. */
    public Builder buildArgs(Map<String, String> args) {
      args.forEach(this::buildArg);
      return this;
    }

    /** Adds a label to the image. */
    public Builder label(String key, String value) {
      labels.put(nonBlank(key, "label key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Adds labels to the image. */
    public Builder labels(Map<String, String> labels) {
      labels.forEach(this::label);
      return this;
    }

    /** Squashes the new layers into one (experimental daemons only). */
    public Builder squash(boolean squash) {
      this.squash = squash;
      return this;
    }

    /** Network mode of the {@code RUN} containers, e.g. {@code none}. */
    public Builder networkMode(String networkMode) {
      this.networkMode = nonBlank(networkMode, "networkMode");
      return this;
    }

    /** The platform to build for, e.g. {@code linux/amd64}. */
    public Builder platform(String platform) {
      this.platform = nonBlank(platform, "platform");
      return this;
    }

    /** The stage to build. */
    public Builder target(String target) {
      this.target = nonBlank(target, "target");
      return this;
    }

    /**
     * Credentials for the registry {@code registry} ({@code host:port}, or
     * {@code https://index.docker.io/v1/} for Docker Hub), for base images pulled from there.
     */
    public Builder registryAuth(String registry, RegistryAuth auth) {
      registryAuths.put(nonBlank(registry, "registry"), Objects.requireNonNull(auth, "auth"));
      return this;
    }

    /** Credentials for the registry named by their {@link RegistryAuth#serverAddress()}. */
    public Builder registryAuth(RegistryAuth auth) {
      Objects.requireNonNull(auth, "auth");
      String registry = auth.serverAddress()
          .orElseThrow(() -> new IllegalArgumentException("the credentials name no server address; use registryAuth(registry, auth)"));
      return registryAuth(registry, auth);
    }

    /** The options. */
    public ImageBuildOptions build() {
      return new ImageBuildOptions(this);
    }
  }
}
