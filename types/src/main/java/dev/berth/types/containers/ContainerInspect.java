package dev.berth.types.containers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.images.DistributionInspect;
import dev.berth.types.internal.Normalize;
import java.util.List;
import java.util.Map;

/**
 * Everything the engine knows about one container, {@code GET /containers/{id}/json}.
 *
 * <p>Times are RFC 3339 strings with nanoseconds; a time that never happened is
 * {@code 0001-01-01T00:00:00Z}. Fields an engine omits decode as {@code null}, collections as
 * empty.
 *
 * @param id              the container's ID
 * @param created         when the container was created
 * @param path            the program the container runs (after entry point and command were
 *                        combined)
 * @param args            the program's arguments
 * @param state           run state: running, exit code, health, ...
 * @param image           ID of the image the container was created from
 * @param resolvConfPath  host path of the container's {@code /etc/resolv.conf}
 * @param hostnamePath    host path of the container's {@code /etc/hostname}
 * @param hostsPath       host path of the container's {@code /etc/hosts}
 * @param logPath         host path of the log file (for the {@code json-file} driver)
 * @param name            the container's name, with a leading {@code /}
 * @param restartCount    how often the restart policy restarted the container
 * @param driver          storage driver, e.g. {@code overlay2}
 * @param platform        operating system of the container, e.g. {@code linux}
 * @param mountLabel      SELinux label of the container's mounts
 * @param processLabel    SELinux label of the container's processes
 * @param appArmorProfile AppArmor profile of the container
 * @param execIds         IDs of the container's exec instances that have not been cleaned up
 * @param hostConfig      host settings the container was created with (and updated to)
 * @param graphDriver     where the storage driver keeps the container's layers
 * @param sizeRw          bytes written by the container; only with {@code size=true}
 * @param sizeRootFs      total bytes of the container's file system; only with
 *                        {@code size=true}
 * @param mounts          mounts in use
 * @param config          the container's configuration, merged with the image's defaults
 * @param networkSettings network state: sandbox, published ports, endpoints
 * @param imageManifestDescriptor OCI descriptor of the platform-specific manifest the container was created
 *                from; only from a multi-platform image store (API 1.48+)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerInspect(
    @JsonProperty("Id") String id,
    @JsonProperty("Created") String created,
    @JsonProperty("Path") String path,
    @JsonProperty("Args") List<String> args,
    @JsonProperty("State") State state,
    @JsonProperty("Image") String image,
    @JsonProperty("ResolvConfPath") String resolvConfPath,
    @JsonProperty("HostnamePath") String hostnamePath,
    @JsonProperty("HostsPath") String hostsPath,
    @JsonProperty("LogPath") String logPath,
    @JsonProperty("Name") String name,
    @JsonProperty("RestartCount") Integer restartCount,
    @JsonProperty("Driver") String driver,
    @JsonProperty("Platform") String platform,
    @JsonProperty("MountLabel") String mountLabel,
    @JsonProperty("ProcessLabel") String processLabel,
    @JsonProperty("AppArmorProfile") String appArmorProfile,
    @JsonProperty("ExecIDs") List<String> execIds,
    @JsonProperty("HostConfig") HostConfig hostConfig,
    @JsonProperty("GraphDriver") GraphDriver graphDriver,
    @JsonProperty("SizeRw") Long sizeRw,
    @JsonProperty("SizeRootFs") Long sizeRootFs,
    @JsonProperty("Mounts") List<MountPoint> mounts,
    @JsonProperty("Config") ContainerConfig config,
    @JsonProperty("NetworkSettings") NetworkSettings networkSettings,
    @JsonProperty("ImageManifestDescriptor") DistributionInspect.Descriptor imageManifestDescriptor) {

  // Normalises missing collections to empty ones.
  public ContainerInspect {
    args = Normalize.list(args);
    execIds = Normalize.list(execIds);
    mounts = Normalize.list(mounts);
  }

  /**
   * The record without the components added later (imageManifestDescriptor); they are {@code null} or empty.
   */
  public ContainerInspect(
      String id,
      String created,
      String path,
      List<String> args,
      State state,
      String image,
      String resolvConfPath,
      String hostnamePath,
      String hostsPath,
      String logPath,
      String name,
      Integer restartCount,
      String driver,
      String platform,
      String mountLabel,
      String processLabel,
      String appArmorProfile,
      List<String> execIds,
      HostConfig hostConfig,
      GraphDriver graphDriver,
      Long sizeRw,
      Long sizeRootFs,
      List<MountPoint> mounts,
      ContainerConfig config,
      NetworkSettings networkSettings) {
    this(id, created, path, args, state, image, resolvConfPath, hostnamePath, hostsPath, logPath, name, restartCount, driver, platform, mountLabel, processLabel, appArmorProfile, execIds, hostConfig, graphDriver, sizeRw, sizeRootFs, mounts, config, networkSettings, null);
  }

  /**
   * The run state of a container ({@code State}).
   *
   * <p>{@code running} stays {@code true} while the container is paused; use {@code status}
   * to tell the states apart.
   *
   * @param status     {@code created}, {@code running}, {@code paused}, {@code restarting},
   *                   {@code removing}, {@code exited} or {@code dead}
   * @param running    whether the container's process is alive (also when paused)
   * @param paused     whether the container is paused
   * @param restarting whether the restart policy is restarting the container
   * @param oomKilled  whether the last run was killed for lack of memory
   * @param dead       whether the container is dead (a failed removal left it behind)
   * @param pid        host PID of the container's main process; 0 when not running
   * @param exitCode   exit code of the last run; 0 before the first
   * @param error      why the last start failed; empty if it did not
   * @param startedAt  when the container last started
   * @param finishedAt when the container last exited; {@code 0001-01-01T00:00:00Z} if never
   * @param health     health-check state; {@code null} without a health check
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record State(
      @JsonProperty("Status") String status,
      @JsonProperty("Running") Boolean running,
      @JsonProperty("Paused") Boolean paused,
      @JsonProperty("Restarting") Boolean restarting,
      @JsonProperty("OOMKilled") Boolean oomKilled,
      @JsonProperty("Dead") Boolean dead,
      @JsonProperty("Pid") Integer pid,
      @JsonProperty("ExitCode") Integer exitCode,
      @JsonProperty("Error") String error,
      @JsonProperty("StartedAt") String startedAt,
      @JsonProperty("FinishedAt") String finishedAt,
      @JsonProperty("Health") Health health) {
  }

  /**
   * Health-check state of a container ({@code State.Health}).
   *
   * @param status        {@code none}, {@code starting}, {@code healthy} or {@code unhealthy}
   * @param failingStreak consecutive failed checks
   * @param log           the latest check results, oldest first (the engine keeps five)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Health(
      @JsonProperty("Status") String status,
      @JsonProperty("FailingStreak") Integer failingStreak,
      @JsonProperty("Log") List<HealthcheckResult> log) {

    // Normalises a missing log to an empty list.
    public Health {
      log = Normalize.list(log);
    }
  }

  /**
   * One run of a health check.
   *
   * @param start    when the check started
   * @param end      when the check ended
   * @param exitCode 0 healthy, 1 unhealthy, other values: the check could not run
   * @param output   the check's output, possibly truncated
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record HealthcheckResult(
      @JsonProperty("Start") String start,
      @JsonProperty("End") String end,
      @JsonProperty("ExitCode") Integer exitCode,
      @JsonProperty("Output") String output) {
  }

  /**
   * Where the storage driver keeps a container's file system ({@code GraphDriver}).
   *
   * @param name storage driver, e.g. {@code overlay2}
   * @param data driver-specific details, e.g. {@code MergedDir} and {@code UpperDir}; not
   *             stable
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record GraphDriver(
      @JsonProperty("Name") String name,
      @JsonProperty("Data") Map<String, String> data) {

    // Normalises missing data to an empty map.
    public GraphDriver {
      data = Normalize.map(data);
    }
  }

  /**
   * A container's network state ({@code NetworkSettings}).
   *
   * <p>The top-level address fields describe the default {@code bridge} network only; they
   * are deprecated (and dropped by newer engines) in favour of {@link #networks()}.
   *
   * @param bridge                 bridge interface of the engine's default network; usually
   *                               empty, deprecated in API 1.51
   * @param sandboxId              ID of the container's network sandbox
   * @param hairpinMode            whether hairpin NAT is on; deprecated
   * @param linkLocalIpv6Address   link-local IPv6 address; deprecated
   * @param linkLocalIpv6PrefixLen its prefix length; deprecated
   * @param ports                  exposed ports ({@code 80/tcp}) and where they are published;
   *                               an empty list means exposed but not published
   * @param sandboxKey             path of the sandbox's network namespace
   * @param secondaryIpAddresses   further IPv4 addresses; deprecated, normally empty
   * @param secondaryIpv6Addresses further IPv6 addresses; deprecated, normally empty
   * @param endpointId             endpoint on the default bridge network; deprecated
   * @param gateway                gateway on the default bridge network; deprecated
   * @param globalIpv6Address      global IPv6 address on the default bridge network; deprecated
   * @param globalIpv6PrefixLen    its prefix length; deprecated
   * @param ipAddress              IPv4 address on the default bridge network; deprecated
   * @param ipPrefixLen            its prefix length; deprecated
   * @param ipv6Gateway            IPv6 gateway on the default bridge network; deprecated
   * @param macAddress             MAC address on the default bridge network; deprecated
   * @param networks               the container's endpoints, keyed by network name
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record NetworkSettings(
      @JsonProperty("Bridge") String bridge,
      @JsonProperty("SandboxID") String sandboxId,
      @JsonProperty("HairpinMode") Boolean hairpinMode,
      @JsonProperty("LinkLocalIPv6Address") String linkLocalIpv6Address,
      @JsonProperty("LinkLocalIPv6PrefixLen") Integer linkLocalIpv6PrefixLen,
      @JsonProperty("Ports") Map<String, List<PortBinding>> ports,
      @JsonProperty("SandboxKey") String sandboxKey,
      @JsonProperty("SecondaryIPAddresses") List<Address> secondaryIpAddresses,
      @JsonProperty("SecondaryIPv6Addresses") List<Address> secondaryIpv6Addresses,
      @JsonProperty("EndpointID") String endpointId,
      @JsonProperty("Gateway") String gateway,
      @JsonProperty("GlobalIPv6Address") String globalIpv6Address,
      @JsonProperty("GlobalIPv6PrefixLen") Integer globalIpv6PrefixLen,
      @JsonProperty("IPAddress") String ipAddress,
      @JsonProperty("IPPrefixLen") Integer ipPrefixLen,
      @JsonProperty("IPv6Gateway") String ipv6Gateway,
      @JsonProperty("MacAddress") String macAddress,
      @JsonProperty("Networks") Map<String, EndpointSettings> networks) {

    // Normalises missing collections to empty ones; a port's null binding list (exposed,
    // not published) becomes an empty list.
    public NetworkSettings {
      ports = Normalize.mapOfLists(ports);
      secondaryIpAddresses = Normalize.list(secondaryIpAddresses);
      secondaryIpv6Addresses = Normalize.list(secondaryIpv6Addresses);
      networks = Normalize.map(networks);
    }
  }

  /**
   * An IP address with its prefix length.
   *
   * @param addr      the address
   * @param prefixLen prefix length
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Address(
      @JsonProperty("Addr") String addr,
      @JsonProperty("PrefixLen") Integer prefixLen) {
  }
}
