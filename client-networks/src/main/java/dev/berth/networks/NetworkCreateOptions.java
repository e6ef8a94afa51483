package dev.berth.networks;

import dev.berth.types.networks.IpamConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Options of {@link NetworkService#create}: driver, isolation, addresses, driver options and
 * labels. Immutable.
 */
public final class NetworkCreateOptions {
  /** The engine's defaults: a {@code bridge} network with an address pool the engine picks. */
  public static final NetworkCreateOptions DEFAULT = builder().build();

  private final String driver;
  private final boolean internal;
  private final boolean attachable;
  private final boolean enableIpv6;
  private final String ipamDriver;
  private final List<IpamConfig> ipamConfig;
  private final Map<String, String> driverOptions;
  private final Map<String, String> labels;

  private NetworkCreateOptions(Builder b) {
    this.driver = b.driver;
    this.internal = b.internal;
    this.attachable = b.attachable;
    this.enableIpv6 = b.enableIpv6;
    this.ipamDriver = b.ipamDriver;
    this.ipamConfig = List.copyOf(b.ipamConfig);
    this.driverOptions = Collections.unmodifiableMap(new LinkedHashMap<>(b.driverOptions));
    this.labels = Collections.unmodifiableMap(new LinkedHashMap<>(b.labels));
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder().driver(driver).internal(internal).attachable(attachable)
        .enableIpv6(enableIpv6).ipamDriver(ipamDriver);
    b.ipamConfig.addAll(ipamConfig);
    b.driverOptions.putAll(driverOptions);
    b.labels.putAll(labels);
    return b;
  }

  /** The network driver ({@code Driver}), or {@code null} for the engine's default. */
  public String driver() {
    return driver;
  }

  /** Whether the network has no route out of the host ({@code Internal}). */
  public boolean internal() {
    return internal;
  }

  /** Whether containers may attach to a swarm-scoped network by hand ({@code Attachable}). */
  public boolean attachable() {
    return attachable;
  }

  /** Whether IPv6 is enabled ({@code EnableIPv6}). */
  public boolean enableIpv6() {
    return enableIpv6;
  }

  /** The IPAM driver ({@code IPAM.Driver}), or {@code null} for {@code default}. */
  public String ipamDriver() {
    return ipamDriver;
  }

  /** The address pools ({@code IPAM.Config}); empty for the engine's choice. */
  public List<IpamConfig> ipamConfig() {
    return ipamConfig;
  }

  /** Options for the network driver ({@code Options}). */
  public Map<String, String> driverOptions() {
    return driverOptions;
  }

  /** Labels ({@code Labels}). */
  public Map<String, String> labels() {
    return labels;
  }

  @Override
  public String toString() {
    return "NetworkCreateOptions[driver=" + driver + ", internal=" + internal + ", attachable=" + attachable
        + ", enableIpv6=" + enableIpv6 + ", ipamDriver=" + ipamDriver + ", ipamConfig=" + ipamConfig
        + ", driverOptions=" + driverOptions + ", labels=" + labels + "]";
  }

  /** Builds {@link NetworkCreateOptions}; not thread-safe. */
  public static final class Builder {
    private String driver;
    private boolean internal;
    private boolean attachable;
    private boolean enableIpv6;
    private String ipamDriver;
    private final List<IpamConfig> ipamConfig = new ArrayList<>();
    private final Map<String, String> driverOptions = new LinkedHashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();

    private Builder() {}

    /** The network driver ({@code bridge}, {@code macvlan}, …); null for the engine's default. */
    public Builder driver(String driver) {
      this.driver = driver;
      return this;
    }

    /** Cuts the network off from the outside: containers on it reach only each other. */
    public Builder internal(boolean internal) {
      this.internal = internal;
      return this;
    }

    /** Lets containers attach to a swarm-scoped network by hand. */
    public Builder attachable(boolean attachable) {
      this.attachable = attachable;
      return this;
    }

    /** Enables IPv6 on the network. */
    public Builder enableIpv6(boolean enableIpv6) {
      this.enableIpv6 = enableIpv6;
      return this;
    }

    /** The IPAM driver; null for {@code default}. */
    public Builder ipamDriver(String ipamDriver) {
      this.ipamDriver = ipamDriver;
      return this;
    }

    /** Adds an address pool. */
    public Builder ipamConfig(IpamConfig pool) {
      ipamConfig.add(Objects.requireNonNull(pool, "pool"));
      return this;
    }

    /** Adds an address pool of {@code subnet} (CIDR) with {@code gateway} (null for the engine's choice). */
    public Builder subnet(String subnet, String gateway) {
      return ipamConfig(IpamConfig.of(Objects.requireNonNull(subnet, "subnet"), gateway));
    }

    /** Adds an option for the network driver. */
    public Builder driverOption(String key, String value) {
      driverOptions.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Adds a label. */
    public Builder label(String key, String value) {
      labels.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Adds all of {@code labels}. */
    public Builder labels(Map<String, String> labels) {
      Objects.requireNonNull(labels, "labels").forEach(this::label);
      return this;
    }

    /** The options. */
    public NetworkCreateOptions build() {
      return new NetworkCreateOptions(this);
    }
  }
}
