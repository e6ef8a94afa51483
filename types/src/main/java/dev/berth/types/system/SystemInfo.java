package dev.berth.types.system;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.List;
import java.util.Map;

/**
 * System-wide information about the engine and its host, as returned by {@code GET /info}.
 *
 * <p>Maps every field of API 1.41 plus {@code CDISpecDirs} (1.44+). Several fields are deprecated
 * and later dropped by newer engines; they then decode as {@code null}.
 *
 * @param id                  engine instance ID; its format is not part of the API
 * @param containers          number of containers
 * @param containersRunning   number of running containers
 * @param containersPaused    number of paused containers
 * @param containersStopped   number of stopped containers
 * @param images              number of images, counting distinct image IDs
 * @param driver              storage driver, e.g. {@code overlay2}
 * @param driverStatus        storage-driver details as {@code [label, value]} pairs; not stable
 * @param dockerRootDir       the engine's data directory
 * @param plugins             available plugins and drivers
 * @param memoryLimit         whether memory limits are supported
 * @param swapLimit           whether swap limits are supported
 * @param kernelMemory        whether kernel memory limits are supported; deprecated, gone in 1.44
 * @param kernelMemoryTcp     whether kernel TCP memory limits are supported; deprecated
 * @param cpuCfsPeriod        whether CFS period is supported
 * @param cpuCfsQuota         whether CFS quota is supported
 * @param cpuShares           whether CPU shares are supported
 * @param cpuSet              whether cpusets are supported
 * @param pidsLimit           whether PID limits are supported
 * @param oomKillDisable      whether disabling the OOM killer is supported
 * @param ipv4Forwarding      whether IPv4 forwarding is on
 * @param bridgeNfIptables    whether {@code bridge-nf-call-iptables} is on; gone in 1.51
 * @param bridgeNfIp6tables   whether {@code bridge-nf-call-ip6tables} is on; gone in 1.51
 * @param debug               whether the engine runs in debug mode
 * @param nfd                 open file descriptors of the engine process
 * @param nGoroutines         goroutines of the engine process
 * @param systemTime          the host's current time, RFC 3339 with nanoseconds
 * @param loggingDriver       default logging driver for containers
 * @param cgroupDriver        {@code cgroupfs}, {@code systemd} or {@code none}
 * @param cgroupVersion       {@code 1} or {@code 2}
 * @param nEventsListener     number of event listeners
 * @param kernelVersion       host kernel version
 * @param operatingSystem     host operating system name, e.g. {@code Debian GNU/Linux 12}
 * @param osVersion           host operating system version; not stable
 * @param osType              {@code linux} or {@code windows}
 * @param architecture        the host's native architecture, e.g. {@code x86_64}
 * @param ncpu                CPUs available to the engine when it started
 * @param memTotal            host memory in bytes
 * @param indexServerAddress  default registry for search and login
 * @param registryConfig      registry settings
 * @param genericResources    user-defined resources the node offers
 * @param httpProxy           HTTP proxy the engine uses, with credentials masked
 * @param httpsProxy          HTTPS proxy the engine uses, with credentials masked
 * @param noProxy             hosts reached without proxy, comma-separated
 * @param name                host name
 * @param labels              engine labels, {@code key=value} strings
 * @param experimentalBuild   whether experimental features are enabled
 * @param serverVersion       engine version, e.g. {@code 20.10.24}
 * @param clusterStore        legacy cluster store URL; deprecated, gone in 1.44
 * @param clusterAdvertise    legacy cluster advertise address; deprecated, gone in 1.44
 * @param runtimes            OCI runtimes by name
 * @param defaultRuntime      name of the default runtime
 * @param swarm               Swarm membership
 * @param liveRestoreEnabled  whether containers keep running while the engine is down
 * @param isolation           default isolation on Windows: {@code default}, {@code hyperv},
 *                            {@code process} or empty
 * @param initBinary          name or path of the init binary used for {@code --init}
 * @param containerdCommit    commit of the containerd in use
 * @param runcCommit          commit of the runc in use
 * @param initCommit          commit of the init binary in use
 * @param securityOptions     enabled security features, e.g. {@code name=seccomp,profile=default}
 * @param productLicense      license text of the product, if any
 * @param defaultAddressPools address pools for new local networks
 * @param warnings            warnings about the engine's configuration
 * @param cdiSpecDirs         directories searched for CDI device specs (API 1.44+)
 * @param containerd          the containerd instance the engine uses (API 1.47+)
 * @param firewallBackend     the firewall backend (API 1.48+, Linux)
 * @param discoveredDevices   devices found by device drivers (API 1.50+); empty when none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SystemInfo(
    @JsonProperty("ID") String id,
    @JsonProperty("Containers") Integer containers,
    @JsonProperty("ContainersRunning") Integer containersRunning,
    @JsonProperty("ContainersPaused") Integer containersPaused,
    @JsonProperty("ContainersStopped") Integer containersStopped,
    @JsonProperty("Images") Integer images,
    @JsonProperty("Driver") String driver,
    @JsonProperty("DriverStatus") List<List<String>> driverStatus,
    @JsonProperty("DockerRootDir") String dockerRootDir,
    @JsonProperty("Plugins") PluginsInfo plugins,
    @JsonProperty("MemoryLimit") Boolean memoryLimit,
    @JsonProperty("SwapLimit") Boolean swapLimit,
    @JsonProperty("KernelMemory") Boolean kernelMemory,
    @JsonProperty("KernelMemoryTCP") Boolean kernelMemoryTcp,
    @JsonProperty("CpuCfsPeriod") Boolean cpuCfsPeriod,
    @JsonProperty("CpuCfsQuota") Boolean cpuCfsQuota,
    @JsonProperty("CPUShares") Boolean cpuShares,
    @JsonProperty("CPUSet") Boolean cpuSet,
    @JsonProperty("PidsLimit") Boolean pidsLimit,
    @JsonProperty("OomKillDisable") Boolean oomKillDisable,
    @JsonProperty("IPv4Forwarding") Boolean ipv4Forwarding,
    @JsonProperty("BridgeNfIptables") Boolean bridgeNfIptables,
    @JsonProperty("BridgeNfIp6tables") Boolean bridgeNfIp6tables,
    @JsonProperty("Debug") Boolean debug,
    @JsonProperty("NFd") Integer nfd,
    @JsonProperty("NGoroutines") Integer nGoroutines,
    @JsonProperty("SystemTime") String systemTime,
    @JsonProperty("LoggingDriver") String loggingDriver,
    @JsonProperty("CgroupDriver") String cgroupDriver,
    @JsonProperty("CgroupVersion") String cgroupVersion,
    @JsonProperty("NEventsListener") Integer nEventsListener,
    @JsonProperty("KernelVersion") String kernelVersion,
    @JsonProperty("OperatingSystem") String operatingSystem,
    @JsonProperty("OSVersion") String osVersion,
    @JsonProperty("OSType") String osType,
    @JsonProperty("Architecture") String architecture,
    @JsonProperty("NCPU") Integer ncpu,
    @JsonProperty("MemTotal") Long memTotal,
    @JsonProperty("IndexServerAddress") String indexServerAddress,
    @JsonProperty("RegistryConfig") RegistryServiceConfig registryConfig,
    @JsonProperty("GenericResources") List<GenericResource> genericResources,
    @JsonProperty("HttpProxy") String httpProxy,
    @JsonProperty("HttpsProxy") String httpsProxy,
    @JsonProperty("NoProxy") String noProxy,
    @JsonProperty("Name") String name,
    @JsonProperty("Labels") List<String> labels,
    @JsonProperty("ExperimentalBuild") Boolean experimentalBuild,
    @JsonProperty("ServerVersion") String serverVersion,
    @JsonProperty("ClusterStore") String clusterStore,
    @JsonProperty("ClusterAdvertise") String clusterAdvertise,
    @JsonProperty("Runtimes") Map<String, OciRuntime> runtimes,
    @JsonProperty("DefaultRuntime") String defaultRuntime,
    @JsonProperty("Swarm") SwarmInfo swarm,
    @JsonProperty("LiveRestoreEnabled") Boolean liveRestoreEnabled,
    @JsonProperty("Isolation") String isolation,
    @JsonProperty("InitBinary") String initBinary,
    @JsonProperty("ContainerdCommit") Commit containerdCommit,
    @JsonProperty("RuncCommit") Commit runcCommit,
    @JsonProperty("InitCommit") Commit initCommit,
    @JsonProperty("SecurityOptions") List<String> securityOptions,
    @JsonProperty("ProductLicense") String productLicense,
    @JsonProperty("DefaultAddressPools") List<AddressPool> defaultAddressPools,
    @JsonProperty("Warnings") List<String> warnings,
    @JsonProperty("CDISpecDirs") List<String> cdiSpecDirs,
    @JsonProperty("Containerd") ContainerdInfo containerd,
    @JsonProperty("FirewallBackend") FirewallInfo firewallBackend,
    @JsonProperty("DiscoveredDevices") List<DeviceInfo> discoveredDevices) {

  // Normalises missing collections to empty ones.
  public SystemInfo {
    discoveredDevices = Normalize.list(discoveredDevices);
    driverStatus = driverStatus == null
        ? List.of()
        : driverStatus.stream().map(Normalize::list).toList();
    genericResources = Normalize.list(genericResources);
    labels = Normalize.list(labels);
    runtimes = Normalize.map(runtimes);
    securityOptions = Normalize.list(securityOptions);
    defaultAddressPools = Normalize.list(defaultAddressPools);
    warnings = Normalize.list(warnings);
    cdiSpecDirs = Normalize.list(cdiSpecDirs);
  }

  /**
   * The record without the components added later (containerd, firewallBackend, discoveredDevices); they are {@code null} or empty.
   */
  public SystemInfo(
      String id,
      Integer containers,
      Integer containersRunning,
      Integer containersPaused,
      Integer containersStopped,
      Integer images,
      String driver,
      List<List<String>> driverStatus,
      String dockerRootDir,
      PluginsInfo plugins,
      Boolean memoryLimit,
      Boolean swapLimit,
      Boolean kernelMemory,
      Boolean kernelMemoryTcp,
      Boolean cpuCfsPeriod,
      Boolean cpuCfsQuota,
      Boolean cpuShares,
      Boolean cpuSet,
      Boolean pidsLimit,
      Boolean oomKillDisable,
      Boolean ipv4Forwarding,
      Boolean bridgeNfIptables,
      Boolean bridgeNfIp6tables,
      Boolean debug,
      Integer nfd,
      Integer nGoroutines,
      String systemTime,
      String loggingDriver,
      String cgroupDriver,
      String cgroupVersion,
      Integer nEventsListener,
      String kernelVersion,
      String operatingSystem,
      String osVersion,
      String osType,
      String architecture,
      Integer ncpu,
      Long memTotal,
      String indexServerAddress,
      RegistryServiceConfig registryConfig,
      List<GenericResource> genericResources,
      String httpProxy,
      String httpsProxy,
      String noProxy,
      String name,
      List<String> labels,
      Boolean experimentalBuild,
      String serverVersion,
      String clusterStore,
      String clusterAdvertise,
      Map<String, OciRuntime> runtimes,
      String defaultRuntime,
      SwarmInfo swarm,
      Boolean liveRestoreEnabled,
      String isolation,
      String initBinary,
      Commit containerdCommit,
      Commit runcCommit,
      Commit initCommit,
      List<String> securityOptions,
      String productLicense,
      List<AddressPool> defaultAddressPools,
      List<String> warnings,
      List<String> cdiSpecDirs) {
    this(id, containers, containersRunning, containersPaused, containersStopped, images, driver, driverStatus, dockerRootDir, plugins, memoryLimit, swapLimit, kernelMemory, kernelMemoryTcp, cpuCfsPeriod, cpuCfsQuota, cpuShares, cpuSet, pidsLimit, oomKillDisable, ipv4Forwarding, bridgeNfIptables, bridgeNfIp6tables, debug, nfd, nGoroutines, systemTime, loggingDriver, cgroupDriver, cgroupVersion, nEventsListener, kernelVersion, operatingSystem, osVersion, osType, architecture, ncpu, memTotal, indexServerAddress, registryConfig, genericResources, httpProxy, httpsProxy, noProxy, name, labels, experimentalBuild, serverVersion, clusterStore, clusterAdvertise, runtimes, defaultRuntime, swarm, liveRestoreEnabled, isolation, initBinary, containerdCommit, runcCommit, initCommit, securityOptions, productLicense, defaultAddressPools, warnings, cdiSpecDirs, null, null, null);
  }

  /**
   * An address pool from which the engine carves subnets for new local networks.
   *
   * @param base the pool, in CIDR notation, e.g. {@code 10.10.0.0/16}
   * @param size prefix length of each subnet taken from the pool, e.g. {@code 24}
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AddressPool(
      @JsonProperty("Base") String base,
      @JsonProperty("Size") Integer size) {
  }
}
