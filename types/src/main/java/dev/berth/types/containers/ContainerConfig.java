package dev.berth.types.containers;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Builders;
import dev.berth.types.internal.ExtraFields;
import dev.berth.types.internal.Normalize;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container's portable configuration: the container part of the body of
 * {@code POST /containers/create} (see {@link ContainerCreateRequest}), the {@code Config} of
 * container inspection ({@code GET /containers/{id}/json}) and the body of {@code POST /commit}.
 *
 * <p>Build one with {@link #builder()}. Collections are never {@code null}; empty ones, like
 * {@code null} values, are left out of the JSON, which the engine reads as "not set". Fields this
 * record does not model are kept in {@link #extra()}, so a decoded configuration can be sent
 * back without losing them.
 *
 * @param hostname        host name of the container, a valid RFC 1123 name
 * @param domainname      domain name of the container
 * @param user            user (and optionally group) the command runs as: {@code name},
 *                        {@code uid}, {@code name:group} or {@code uid:gid}
 * @param attachStdin     whether to attach standard input
 * @param attachStdout    whether to attach standard output
 * @param attachStderr    whether to attach standard error
 * @param exposedPorts    ports the container exposes, keyed {@code <port>/<protocol>} (e.g.
 *                        {@code 80/tcp}); the values are always empty objects
 * @param tty             whether to allocate a pseudo-terminal
 * @param openStdin       whether standard input is kept open
 * @param stdinOnce       whether standard input is closed after the first attached client
 *                        disconnects
 * @param env             environment variables, {@code NAME=value}; a bare {@code NAME} removes
 *                        the variable
 * @param cmd             command and arguments; empty means the image's default
 * @param healthcheck     health check; {@code null} means the image's
 * @param argsEscaped     whether the command is already escaped (Windows only)
 * @param image           image to create the container from (name, reference or ID); in
 *                        inspection, as given at creation
 * @param volumes         paths inside the container that get an anonymous volume; the values are
 *                        always empty objects
 * @param workingDir      working directory of the command
 * @param entrypoint      entry point; empty means the image's, and a single empty string resets it
 *                        to none
 * @param networkDisabled whether networking is disabled
 * @param macAddress      MAC address of the container; deprecated since API 1.44 in favour of the
 *                        endpoint's {@code MacAddress}
 * @param onBuild         {@code ONBUILD} instructions of the image
 * @param labels          user-defined metadata
 * @param stopSignal      signal that stops the container, by name (e.g. {@code SIGTERM}) or number
 * @param stopTimeout     seconds to wait after the stop signal before killing; {@code null} means
 *                        the engine's default
 * @param shell           shell for the shell forms of {@code RUN}, {@code CMD} and
 *                        {@code ENTRYPOINT}
 * @param extra           fields berth does not model, written into the JSON as they are; when
 *                        decoding, fields this record does not know land here
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerConfig(
    @JsonProperty("Hostname") String hostname,
    @JsonProperty("Domainname") String domainname,
    @JsonProperty("User") String user,
    @JsonProperty("AttachStdin") Boolean attachStdin,
    @JsonProperty("AttachStdout") Boolean attachStdout,
    @JsonProperty("AttachStderr") Boolean attachStderr,
    @JsonProperty("ExposedPorts")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    Map<String, Map<String, Object>> exposedPorts,
    @JsonProperty("Tty") Boolean tty,
    @JsonProperty("OpenStdin") Boolean openStdin,
    @JsonProperty("StdinOnce") Boolean stdinOnce,
    @JsonProperty("Env")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<String> env,
    @JsonProperty("Cmd")
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<String> cmd,
    @JsonProperty("Healthcheck") HealthConfig healthcheck,
    @JsonProperty("ArgsEscaped") Boolean argsEscaped,
    @JsonProperty("Image") String image,
    @JsonProperty("Volumes")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    Map<String, Map<String, Object>> volumes,
    @JsonProperty("WorkingDir") String workingDir,
    @JsonProperty("Entrypoint")
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<String> entrypoint,
    @JsonProperty("NetworkDisabled") Boolean networkDisabled,
    @JsonProperty("MacAddress") String macAddress,
    @JsonProperty("OnBuild")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<String> onBuild,
    @JsonProperty("Labels")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    Map<String, String> labels,
    @JsonProperty("StopSignal") String stopSignal,
    @JsonProperty("StopTimeout") Integer stopTimeout,
    @JsonProperty("Shell")
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<String> shell,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

  // Normalises missing collections to empty ones and checks the extra fields.
  public ContainerConfig {
    exposedPorts = Normalize.mapOfObjects(exposedPorts);
    env = Normalize.list(env);
    cmd = Normalize.list(cmd);
    volumes = Normalize.mapOfObjects(volumes);
    entrypoint = Normalize.list(entrypoint);
    onBuild = Normalize.list(onBuild);
    labels = Normalize.map(labels);
    shell = Normalize.list(shell);
    extra = ExtraFields.copy(ContainerConfig.class, extra);
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
    Builder b = new Builder();
    b.hostname = hostname;
    b.domainname = domainname;
    b.user = user;
    b.attachStdin = attachStdin;
    b.attachStdout = attachStdout;
    b.attachStderr = attachStderr;
    b.exposedPorts = new LinkedHashMap<>(exposedPorts);
    b.tty = tty;
    b.openStdin = openStdin;
    b.stdinOnce = stdinOnce;
    b.env = new ArrayList<>(env);
    b.cmd = new ArrayList<>(cmd);
    b.healthcheck = healthcheck;
    b.argsEscaped = argsEscaped;
    b.image = image;
    b.volumes = new LinkedHashMap<>(volumes);
    b.workingDir = workingDir;
    b.entrypoint = new ArrayList<>(entrypoint);
    b.networkDisabled = networkDisabled;
    b.macAddress = macAddress;
    b.onBuild = new ArrayList<>(onBuild);
    b.labels = new LinkedHashMap<>(labels);
    b.stopSignal = stopSignal;
    b.stopTimeout = stopTimeout;
    b.shell = new ArrayList<>(shell);
    b.extra = new LinkedHashMap<>(extra);
    return b;
  }

  /**
   * Builds a {@link ContainerConfig}. Setters taking a list or map replace the current value; the
   * singular ones ({@code label(key, value)}, ...) add to it. Not thread-safe.
   */
  public static final class Builder {

    private String hostname;
    private String domainname;
    private String user;
    private Boolean attachStdin;
    private Boolean attachStdout;
    private Boolean attachStderr;
    private Map<String, Map<String, Object>> exposedPorts;
    private Boolean tty;
    private Boolean openStdin;
    private Boolean stdinOnce;
    private List<String> env;
    private List<String> cmd;
    private HealthConfig healthcheck;
    private Boolean argsEscaped;
    private String image;
    private Map<String, Map<String, Object>> volumes;
    private String workingDir;
    private List<String> entrypoint;
    private Boolean networkDisabled;
    private String macAddress;
    private List<String> onBuild;
    private Map<String, String> labels;
    private String stopSignal;
    private Integer stopTimeout;
    private List<String> shell;
    private Map<String, Object> extra = new LinkedHashMap<>();

    private Builder() {
    }

    /**
     * Sets {@code Hostname}: host name of the container, a valid RFC 1123 name.
     *
     * @param hostname the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder hostname(String hostname) {
      this.hostname = hostname;
      return this;
    }

    /**
     * Sets {@code Domainname}: domain name of the container.
     *
     * @param domainname the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder domainname(String domainname) {
      this.domainname = domainname;
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
      this.user = user;
      return this;
    }

    /**
     * Sets {@code AttachStdin}: whether to attach standard input.
     *
     * @param attachStdin the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder attachStdin(Boolean attachStdin) {
      this.attachStdin = attachStdin;
      return this;
    }

    /**
     * Sets {@code AttachStdout}: whether to attach standard output.
     *
     * @param attachStdout the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder attachStdout(Boolean attachStdout) {
      this.attachStdout = attachStdout;
      return this;
    }

    /**
     * Sets {@code AttachStderr}: whether to attach standard error.
     *
     * @param attachStderr the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder attachStderr(Boolean attachStderr) {
      this.attachStderr = attachStderr;
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
      this.exposedPorts = exposedPorts == null ? null : Builders.emptyObjects(exposedPorts);
      return this;
    }

    /**
     * Adds one entry to {@code ExposedPorts}.
     *
     * @param exposedPort the entry to add
     * @return this builder
     */
    public Builder exposedPort(String exposedPort) {
      exposedPorts = Builders.put(exposedPorts, exposedPort, Map.of());
      return this;
    }

    /**
     * Sets {@code Tty}: whether to allocate a pseudo-terminal.
     *
     * @param tty the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder tty(Boolean tty) {
      this.tty = tty;
      return this;
    }

    /**
     * Sets {@code OpenStdin}: whether standard input is kept open.
     *
     * @param openStdin the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder openStdin(Boolean openStdin) {
      this.openStdin = openStdin;
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
      this.stdinOnce = stdinOnce;
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
      this.env = Builders.mutableList(env);
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
      this.cmd = Builders.mutableList(cmd);
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
      this.healthcheck = healthcheck;
      return this;
    }

    /**
     * Sets {@code ArgsEscaped}: whether the command is already escaped (Windows only).
     *
     * @param argsEscaped the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder argsEscaped(Boolean argsEscaped) {
      this.argsEscaped = argsEscaped;
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
      this.image = image;
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
      this.volumes = volumes == null ? null : Builders.emptyObjects(volumes);
      return this;
    }

    /**
     * Adds one entry to {@code Volumes}.
     *
     * @param volume the entry to add
     * @return this builder
     */
    public Builder volume(String volume) {
      volumes = Builders.put(volumes, volume, Map.of());
      return this;
    }

    /**
     * Sets {@code WorkingDir}: working directory of the command.
     *
     * @param workingDir the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder workingDir(String workingDir) {
      this.workingDir = workingDir;
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
      this.entrypoint = Builders.mutableList(entrypoint);
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
      this.networkDisabled = networkDisabled;
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
      this.macAddress = macAddress;
      return this;
    }

    /**
     * Sets {@code OnBuild}: {@code ONBUILD} instructions of the image.
     *
     * @param onBuild the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder onBuild(List<String> onBuild) {
      this.onBuild = Builders.mutableList(onBuild);
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
      this.labels = Builders.mutableMap(labels);
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
      labels = Builders.put(labels, key, value);
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
      this.stopSignal = stopSignal;
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
      this.stopTimeout = stopTimeout;
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
      this.shell = Builders.mutableList(shell);
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
      ExtraFields.checkName(ContainerConfig.class, name);
      extra.put(name, value);
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
      this.extra = new LinkedHashMap<>();
      if (extra != null) {
        extra.forEach(this::extra);
      }
      return this;
    }

    /**
     * Returns the {@link ContainerConfig} with the values set so far.
     *
     * @return a new, immutable {@code ContainerConfig}
     */
    public ContainerConfig build() {
      return new ContainerConfig(hostname, domainname, user, attachStdin, attachStdout,
        attachStderr, exposedPorts, tty, openStdin, stdinOnce, env, cmd, healthcheck,
        argsEscaped, image, volumes, workingDir, entrypoint, networkDisabled, macAddress,
        onBuild, labels, stopSignal, stopTimeout, shell, extra);
    }
  }
}
