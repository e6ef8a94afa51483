package dev.berth.bench;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /containers/{id}/json}, decoded by berth and the floor into the same shape until
 * berth's own inspect type lands in {@code dev.berth.types.containers} (then switch to it in
 * {@link BerthContainers} and {@link dev.berth.bench.jmh.ContainersBench}). It covers what
 * callers read from an inspect: identity, state, config, host config, mounts and networks.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
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
    @JsonProperty("Mounts") List<Map<String, Object>> mounts,
    @JsonProperty("Config") Config config,
    @JsonProperty("NetworkSettings") NetworkSettings networkSettings) {

  @JsonIgnoreProperties(ignoreUnknown = true)
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
      @JsonProperty("FinishedAt") String finishedAt) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record HostConfig(
      @JsonProperty("Binds") List<String> binds,
      @JsonProperty("NetworkMode") String networkMode,
      @JsonProperty("RestartPolicy") Map<String, Object> restartPolicy,
      @JsonProperty("AutoRemove") Boolean autoRemove,
      @JsonProperty("Privileged") Boolean privileged,
      @JsonProperty("ReadonlyRootfs") Boolean readonlyRootfs,
      @JsonProperty("Memory") Long memory,
      @JsonProperty("NanoCpus") Long nanoCpus,
      @JsonProperty("CpuShares") Long cpuShares,
      @JsonProperty("PidsLimit") Long pidsLimit,
      @JsonProperty("CapAdd") List<String> capAdd,
      @JsonProperty("CapDrop") List<String> capDrop,
      @JsonProperty("LogConfig") Map<String, Object> logConfig,
      @JsonProperty("MaskedPaths") List<String> maskedPaths,
      @JsonProperty("ReadonlyPaths") List<String> readonlyPaths) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record GraphDriver(
      @JsonProperty("Name") String name,
      @JsonProperty("Data") Map<String, String> data) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Config(
      @JsonProperty("Hostname") String hostname,
      @JsonProperty("Domainname") String domainname,
      @JsonProperty("User") String user,
      @JsonProperty("AttachStdin") Boolean attachStdin,
      @JsonProperty("AttachStdout") Boolean attachStdout,
      @JsonProperty("AttachStderr") Boolean attachStderr,
      @JsonProperty("Tty") Boolean tty,
      @JsonProperty("OpenStdin") Boolean openStdin,
      @JsonProperty("Env") List<String> env,
      @JsonProperty("Cmd") List<String> cmd,
      @JsonProperty("Image") String image,
      @JsonProperty("WorkingDir") String workingDir,
      @JsonProperty("Entrypoint") List<String> entrypoint,
      @JsonProperty("Labels") Map<String, String> labels,
      @JsonProperty("StopSignal") String stopSignal) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record NetworkSettings(
      @JsonProperty("Bridge") String bridge,
      @JsonProperty("SandboxID") String sandboxId,
      @JsonProperty("SandboxKey") String sandboxKey,
      @JsonProperty("Ports") Map<String, Object> ports,
      @JsonProperty("IPAddress") String ipAddress,
      @JsonProperty("MacAddress") String macAddress,
      @JsonProperty("Networks") Map<String, Map<String, Object>> networks) {}
}
