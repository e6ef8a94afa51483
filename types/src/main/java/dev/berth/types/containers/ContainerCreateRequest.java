package dev.berth.types.containers;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.berth.types.internal.Builders;
import dev.berth.types.internal.ExtraFields;
import dev.berth.types.internal.Normalize;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The body of {@code POST /containers/create}: a {@link ContainerConfig}'s fields with
 * {@code HostConfig} and {@code NetworkingConfig} added at the same level, as the API expects.
 *
 * <pre>{@code
 * ContainerCreateRequest request = ContainerCreateRequest.builder()
 *         .image("busybox")
 *         .cmd("sh", "-c", "echo hello")
 *         .label("app", "demo")
 *         .hostConfig(h -> h.networkMode("none").autoRemove(true)
 *             .resources(r -> r.memory(64 * 1024 * 1024)))
 *         .build();
 * }</pre>
 *
 * <p>Collections are never {@code null}; empty ones and {@code null} values are left out of the
 * JSON. Fields berth does not model yet can be sent with {@link Builder#extra(String, Object)}.
 * The container's name and platform are query parameters, not part of this body.
 *
 * @param config           the container part ({@code Image}, {@code Cmd}, {@code Env}, ...) and the
 *                         fields berth does not model; its fields sit directly in the JSON
 *                         object, as the API expects
 * @param hostConfig       host-dependent settings: network mode, mounts, limits, ...
 * @param networkingConfig networks to join, with per-network settings
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerCreateRequest(
    @JsonUnwrapped ContainerConfig config,
    @JsonProperty("HostConfig") HostConfig hostConfig,
    @JsonProperty("NetworkingConfig") NetworkingConfig networkingConfig) {

  // A missing container part becomes an empty one; checks the extra fields.
  public ContainerCreateRequest {
    config = config == null ? ContainerConfig.builder().build() : config;
    ExtraFields.copy(ContainerCreateRequest.class, config.extra());
  }

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this record's values, to derive a changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return builder().config(config()).hostConfig(hostConfig).networkingConfig(networkingConfig);
  }

  /**
   * Returns the fields berth does not model. They are kept in {@link #config()}, the part of
   * the object Jackson hands every field that the other components do not take.
   *
   * @return an unmodifiable map, never {@code null}
   */
  public Map<String, Object> extra() {
    return config.extra();
  }

  /**
   * Builds a {@link ContainerCreateRequest}. Setters taking a list or map replace the current
   * value; the singular ones ({@code label(key, value)}, ...) add to it. Not thread-safe.
   */
  public static final class Builder {

    private ContainerConfig.Builder config = ContainerConfig.builder();
    private HostConfig hostConfig;
    private NetworkingConfig networkingConfig;

    private Builder() {
    }

    /**
     * Replaces every container field (all but {@code HostConfig} and
     * {@code NetworkingConfig}), and the extra fields, with those of {@code config}; for
     * example the {@link ContainerInspect#config()} of an existing container.
     *
     * @param config the container configuration, or {@code null} to clear the fields
     * @return this builder
     */
    public Builder config(ContainerConfig config) {
      this.config = config == null ? ContainerConfig.builder() : config.toBuilder();
      return this;
    }

    /**
     * Sets {@code Hostname}: host name of the container, a valid RFC 1123 name.
     *
     * @param hostname the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder hostname(String hostname) {
      config.hostname(hostname);
      return this;
    }

    /**
     * Sets {@code Domainname}: domain name of the container.
     *
     * @param domainname the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder domainname(String domainname) {
      config.domainname(domainname);
      return this;
    }

    /**
     * Sets {@code User}: user (and optionally group) the command runs as: {@code name},
     * {@code uid}, {@code name:group} or {@code uid:gid}.
     *
     * @param user the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder user(String user) {
      config.user(user);
      return this;
    }

    /**
     * Sets {@code AttachStdin}: whether to attach standard input.
     *
     * @param attachStdin the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder attachStdin(Boolean attachStdin) {
      config.attachStdin(attachStdin);
      return this;
    }

    /**
     * Sets {@code AttachStdout}: whether to attach standard output.
     *
     * @param attachStdout the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder attachStdout(Boolean attachStdout) {
      config.attachStdout(attachStdout);
      return this;
    }

    /**
     * Sets {@code AttachStderr}: whether to attach standard error.
     *
     * @param attachStderr the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder attachStderr(Boolean attachStderr) {
      config.attachStderr(attachStderr);
      return this;
    }

    /**
     * Sets {@code ExposedPorts}: ports the container exposes, keyed {@code <port>/<protocol>}
     * (e.g. {@code 80/tcp}); the values are always empty objects.
     *
     * @param exposedPorts the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder exposedPorts(Collection<String> exposedPorts) {
      config.exposedPorts(exposedPorts);
      return this;
    }

    /**
     * Adds one entry to {@code ExposedPorts}.
     *
     * @param exposedPort the entry to add
     * @return this builder
     */
    public Builder exposedPort(String exposedPort) {
      config.exposedPort(exposedPort);
      return this;
    }

    /**
     * Sets {@code Tty}: whether to allocate a pseudo-terminal.
     *
     * @param tty the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder tty(Boolean tty) {
      config.tty(tty);
      return this;
    }

    /**
     * Sets {@code OpenStdin}: whether standard input is kept open.
     *
     * @param openStdin the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder openStdin(Boolean openStdin) {
      config.openStdin(openStdin);
      return this;
    }

    /**
     * Sets {@code StdinOnce}: whether standard input is closed after the first attached client
     * disconnects.
     *
     * @param stdinOnce the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder stdinOnce(Boolean stdinOnce) {
      config.stdinOnce(stdinOnce);
      return this;
    }

    /**
     * Sets {@code Env}: environment variables, {@code NAME=value}; a bare {@code NAME} removes
     * the variable.
     *
     * @param env the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder env(List<String> env) {
      config.env(env);
      return this;
    }

    /**
     * Sets {@code Env}: environment variables, {@code NAME=value}; a bare {@code NAME} removes
     * the variable.
     *
     * @param env the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder env(String... env) {
      return env(Builders.asList(env));
    }

    /**
     * Sets {@code Cmd}: command and arguments; empty means the image's default.
     *
     * @param cmd the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder cmd(List<String> cmd) {
      config.cmd(cmd);
      return this;
    }

    /**
     * Sets {@code Cmd}: command and arguments; empty means the image's default.
     *
     * @param cmd the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder cmd(String... cmd) {
      return cmd(Builders.asList(cmd));
    }

    /**
     * Sets {@code Healthcheck}: health check; {@code null} means the image's.
     *
     * @param healthcheck the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder healthcheck(HealthConfig healthcheck) {
      config.healthcheck(healthcheck);
      return this;
    }

    /**
     * Sets {@code ArgsEscaped}: whether the command is already escaped (Windows only).
     *
     * @param argsEscaped the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder argsEscaped(Boolean argsEscaped) {
      config.argsEscaped(argsEscaped);
      return this;
    }

    /**
     * Sets {@code Image}: image to create the container from (name, reference or ID); in
     * inspection, as given at creation.
     *
     * @param image the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder image(String image) {
      config.image(image);
      return this;
    }

    /**
     * Sets {@code Volumes}: paths inside the container that get an anonymous volume; the values
     * are always empty objects.
     *
     * @param volumes the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder volumes(Collection<String> volumes) {
      config.volumes(volumes);
      return this;
    }

    /**
     * Adds one entry to {@code Volumes}.
     *
     * @param volume the entry to add
     * @return this builder
     */
    public Builder volume(String volume) {
      config.volume(volume);
      return this;
    }

    /**
     * Sets {@code WorkingDir}: working directory of the command.
     *
     * @param workingDir the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder workingDir(String workingDir) {
      config.workingDir(workingDir);
      return this;
    }

    /**
     * Sets {@code Entrypoint}: entry point; empty means the image's, and a single empty string
     * resets it to none.
     *
     * @param entrypoint the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder entrypoint(List<String> entrypoint) {
      config.entrypoint(entrypoint);
      return this;
    }

    /**
     * Sets {@code Entrypoint}: entry point; empty means the image's, and a single empty string
     * resets it to none.
     *
     * @param entrypoint the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder entrypoint(String... entrypoint) {
      return entrypoint(Builders.asList(entrypoint));
    }

    /**
     * Sets {@code NetworkDisabled}: whether networking is disabled.
     *
     * @param networkDisabled the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder networkDisabled(Boolean networkDisabled) {
      config.networkDisabled(networkDisabled);
      return this;
    }

    /**
     * Sets {@code MacAddress}: MAC address of the container; deprecated since API 1.44 in
     * favour of the endpoint's {@code MacAddress}.
     *
     * @param macAddress the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder macAddress(String macAddress) {
      config.macAddress(macAddress);
      return this;
    }

    /**
     * Sets {@code OnBuild}: {@code ONBUILD} instructions of the image.
     *
     * @param onBuild the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder onBuild(List<String> onBuild) {
      config.onBuild(onBuild);
      return this;
    }

    /**
     * Sets {@code OnBuild}: {@code ONBUILD} instructions of the image.
     *
     * @param onBuild the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder onBuild(String... onBuild) {
      return onBuild(Builders.asList(onBuild));
    }

    /**
     * Sets {@code Labels}: user-defined metadata.
     *
     * @param labels the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder labels(Map<String, String> labels) {
      config.labels(labels);
      return this;
    }

    /**
     * Adds one entry to {@code Labels}, replacing any with the same key.
     *
     * @param key   the key
     * @param value the value
     * @return this builder
     */
    public Builder label(String key, String value) {
      config.label(key, value);
      return this;
    }

    /**
     * Sets {@code StopSignal}: signal that stops the container, by name (e.g. {@code SIGTERM})
     * or number.
     *
     * @param stopSignal the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder stopSignal(String stopSignal) {
      config.stopSignal(stopSignal);
      return this;
    }

    /**
     * Sets {@code StopTimeout}: seconds to wait after the stop signal before killing;
     * {@code null} means the engine's default.
     *
     * @param stopTimeout the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder stopTimeout(Integer stopTimeout) {
      config.stopTimeout(stopTimeout);
      return this;
    }

    /**
     * Sets {@code Shell}: shell for the shell forms of {@code RUN}, {@code CMD} and
     * {@code ENTRYPOINT}.
     *
     * @param shell the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder shell(List<String> shell) {
      config.shell(shell);
      return this;
    }

    /**
     * Sets {@code Shell}: shell for the shell forms of {@code RUN}, {@code CMD} and
     * {@code ENTRYPOINT}.
     *
     * @param shell the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder shell(String... shell) {
      return shell(Builders.asList(shell));
    }

    /**
     * Sets {@code HostConfig}: host-dependent settings: network mode, mounts, limits, ....
     *
     * @param hostConfig the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder hostConfig(HostConfig hostConfig) {
      this.hostConfig = hostConfig;
      return this;
    }

    /**
     * Edits {@code HostConfig}: {@code edit} gets a builder holding the current host
     * configuration (or an empty one), and its result replaces it.
     *
     * @param edit sets values on the host configuration's builder
     * @return this builder
     */
    public Builder hostConfig(Consumer<HostConfig.Builder> edit) {
      Objects.requireNonNull(edit, "edit");
      HostConfig.Builder b =
          hostConfig == null ? HostConfig.builder() : hostConfig.toBuilder();
      edit.accept(b);
      this.hostConfig = b.build();
      return this;
    }

    /**
     * Sets {@code NetworkingConfig}: networks to join, with per-network settings.
     *
     * @param networkingConfig the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder networkingConfig(NetworkingConfig networkingConfig) {
      this.networkingConfig = networkingConfig;
      return this;
    }

    /**
     * Adds one network to {@code NetworkingConfig}, replacing settings given before for the
     * same network. Engines before API 1.44 accept a single network at creation.
     *
     * @param network  the network's name or ID
     * @param settings the endpoint settings, e.g. aliases
     * @return this builder
     */
    public Builder endpoint(String network, EndpointSettings settings) {
      Map<String, EndpointSettings> endpoints = networkingConfig == null
          ? new LinkedHashMap<>()
          : new LinkedHashMap<>(networkingConfig.endpointsConfig());
      endpoints.put(Objects.requireNonNull(network, "network"),
          Objects.requireNonNull(settings, "settings"));
      this.networkingConfig = new NetworkingConfig(endpoints);
      return this;
    }

    /**
     * Adds a field berth does not model, written into the JSON as it is (a {@code null} value
     * is written as JSON {@code null}).
     *
     * @param name  the field's name as the API spells it
     * @param value any value Jackson can write
     * @return this builder
     * @throws IllegalArgumentException if a component of this record already maps {@code name};
     *                                  names are compared ignoring case, as the engine does
     */
    public Builder extra(String name, Object value) {
      ExtraFields.checkName(ContainerCreateRequest.class, name);
      config.extra(name, value);
      return this;
    }

    /**
     * Replaces all unmodelled fields; see {@link #extra(String, Object)}.
     *
     * @param extra the fields; {@code null} clears them
     * @return this builder
     * @throws IllegalArgumentException if a component of this record already maps a name
     */
    public Builder extra(Map<String, ?> extra) {
      if (extra != null) {
        for (String name : extra.keySet()) {
          ExtraFields.checkName(ContainerCreateRequest.class, name);
        }
      }
      config.extra(extra);
      return this;
    }

    /**
     * Returns the {@link ContainerCreateRequest} with the values set so far.
     *
     * @return a new, immutable {@code ContainerCreateRequest}
     */
    public ContainerCreateRequest build() {
      return new ContainerCreateRequest(config.build(), hostConfig, networkingConfig);
    }
  }
}
