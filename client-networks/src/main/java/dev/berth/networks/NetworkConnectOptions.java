package dev.berth.networks;

import dev.berth.types.containers.EndpointIpamConfig;
import dev.berth.types.containers.EndpointSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Options of {@link NetworkService#connect}: the container's endpoint on the network (DNS
 * aliases, static addresses, driver options). Immutable.
 */
public final class NetworkConnectOptions {
  /** No aliases, addresses the engine picks. */
  public static final NetworkConnectOptions DEFAULT = builder().build();

  private final List<String> aliases;
  private final String ipv4Address;
  private final String ipv6Address;
  private final Map<String, String> driverOptions;

  private NetworkConnectOptions(Builder b) {
    this.aliases = List.copyOf(b.aliases);
    this.ipv4Address = b.ipv4Address;
    this.ipv6Address = b.ipv6Address;
    this.driverOptions = Collections.unmodifiableMap(new LinkedHashMap<>(b.driverOptions));
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder().ipv4Address(ipv4Address).ipv6Address(ipv6Address);
    b.aliases.addAll(aliases);
    b.driverOptions.putAll(driverOptions);
    return b;
  }

  /** DNS names of the container on this network ({@code EndpointConfig.Aliases}). */
  public List<String> aliases() {
    return aliases;
  }

  /** The static IPv4 address ({@code EndpointConfig.IPAMConfig.IPv4Address}), or {@code null}. */
  public String ipv4Address() {
    return ipv4Address;
  }

  /** The static IPv6 address ({@code EndpointConfig.IPAMConfig.IPv6Address}), or {@code null}. */
  public String ipv6Address() {
    return ipv6Address;
  }

  /** Options for the network driver ({@code EndpointConfig.DriverOpts}). */
  public Map<String, String> driverOptions() {
    return driverOptions;
  }

  /** The {@code EndpointConfig} these options make, or {@code null} when nothing is set. */
  EndpointSettings endpoint() {
    if (aliases.isEmpty() && ipv4Address == null && ipv6Address == null && driverOptions.isEmpty()) {
      return null;
    }
    EndpointSettings.Builder b = EndpointSettings.builder();
    if (!aliases.isEmpty()) {
      b.aliases(aliases);
    }
    if (ipv4Address != null || ipv6Address != null) {
      b.ipamConfig(new EndpointIpamConfig(ipv4Address, ipv6Address, null));
    }
    if (!driverOptions.isEmpty()) {
      b.driverOpts(driverOptions);
    }
    return b.build();
  }

  @Override
  public String toString() {
    return "NetworkConnectOptions[aliases=" + aliases + ", ipv4Address=" + ipv4Address + ", ipv6Address="
        + ipv6Address + ", driverOptions=" + driverOptions + "]";
  }

  /** Builds {@link NetworkConnectOptions}; not thread-safe. */
  public static final class Builder {
    private final List<String> aliases = new ArrayList<>();
    private String ipv4Address;
    private String ipv6Address;
    private final Map<String, String> driverOptions = new LinkedHashMap<>();

    private Builder() {}

    /** Adds DNS names the container answers to on this network. */
    public Builder aliases(String... aliases) {
      for (String a : aliases) {
        this.aliases.add(Objects.requireNonNull(a, "alias"));
      }
      return this;
    }

    /**
     * A static IPv4 address inside one of the network's subnets; engines accept one only on a
     * user-defined network created with a subnet. Null for the engine's choice.
     */
    public Builder ipv4Address(String ipv4Address) {
      this.ipv4Address = ipv4Address;
      return this;
    }

    /** A static IPv6 address; null for the engine's choice. */
    public Builder ipv6Address(String ipv6Address) {
      this.ipv6Address = ipv6Address;
      return this;
    }

    /** Adds an option for the network driver. */
    public Builder driverOption(String key, String value) {
      driverOptions.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** The options. */
    public NetworkConnectOptions build() {
      return new NetworkConnectOptions(this);
    }
  }
}
