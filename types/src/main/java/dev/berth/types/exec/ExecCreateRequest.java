package dev.berth.types.exec;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /containers/{id}/exec}, which sets up a command to run in a running
 * container; {@code POST /exec/{id}/start} then runs it.
 *
 * <pre>{@code
 * ExecCreateRequest.builder().cmd("sh", "-c", "echo hi").attachStdout(true).build()
 * }</pre>
 *
 * <p>{@code null} values and empty collections are left out of the JSON. Fields berth does not
 * model yet can be sent with {@link Builder#extra(String, Object)}.
 *
 * @param attachStdin  whether to attach standard input
 * @param attachStdout whether to attach standard output
 * @param attachStderr whether to attach standard error
 * @param consoleSize  initial console size as {@code [height, width]} (API 1.42+)
 * @param detachKeys   key sequence that detaches, e.g. {@code ctrl-p,ctrl-q}; {@code null} means
 *                     the engine's default
 * @param tty          whether to allocate a pseudo-terminal
 * @param env          environment variables, {@code NAME=value}
 * @param cmd          command and arguments to run
 * @param privileged   whether the process runs with extended privileges
 * @param user         user (and optionally group) to run as; {@code null} means the container's
 *                     user
 * @param workingDir   working directory; {@code null} means the container's
 * @param extra        fields berth does not model, written into the JSON as they are; when
 *                     decoding, fields this record does not know land here
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExecCreateRequest(
    @JsonProperty("AttachStdin") Boolean attachStdin,
    @JsonProperty("AttachStdout") Boolean attachStdout,
    @JsonProperty("AttachStderr") Boolean attachStderr,
    @JsonProperty("ConsoleSize")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<Integer> consoleSize,
    @JsonProperty("DetachKeys") String detachKeys,
    @JsonProperty("Tty") Boolean tty,
    @JsonProperty("Env")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<String> env,
    @JsonProperty("Cmd")
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<String> cmd,
    @JsonProperty("Privileged") Boolean privileged,
    @JsonProperty("User") String user,
    @JsonProperty("WorkingDir") String workingDir,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

  // Normalises missing collections to empty ones and checks the extra fields.
  public ExecCreateRequest {
    consoleSize = Normalize.list(consoleSize);
    env = Normalize.list(env);
    cmd = Normalize.list(cmd);
    extra = ExtraFields.copy(ExecCreateRequest.class, extra);
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
    b.attachStdin = attachStdin;
    b.attachStdout = attachStdout;
    b.attachStderr = attachStderr;
    b.consoleSize = new ArrayList<>(consoleSize);
    b.detachKeys = detachKeys;
    b.tty = tty;
    b.env = new ArrayList<>(env);
    b.cmd = new ArrayList<>(cmd);
    b.privileged = privileged;
    b.user = user;
    b.workingDir = workingDir;
    b.extra = new LinkedHashMap<>(extra);
    return b;
  }

  /**
   * Builds a {@link ExecCreateRequest}. Setters taking a list or map replace the current value;
   * the singular ones ({@code label(key, value)}, ...) add to it. Not thread-safe.
   */
  public static final class Builder {

    private Boolean attachStdin;
    private Boolean attachStdout;
    private Boolean attachStderr;
    private List<Integer> consoleSize;
    private String detachKeys;
    private Boolean tty;
    private List<String> env;
    private List<String> cmd;
    private Boolean privileged;
    private String user;
    private String workingDir;
    private Map<String, Object> extra = new LinkedHashMap<>();

    private Builder() {
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
     * Sets {@code ConsoleSize}: initial console size as {@code [height, width]} (API 1.42+).
     *
     * @param consoleSize the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder consoleSize(List<Integer> consoleSize) {
      this.consoleSize = Builders.mutableList(consoleSize);
      return this;
    }

    /**
     * Sets {@code ConsoleSize} to {@code [height, width]}.
     *
     * @param height rows
     * @param width  columns
     * @return this builder
     */
    public Builder consoleSize(int height, int width) {
      return consoleSize(List.of(height, width));
    }

    /**
     * Sets {@code DetachKeys}: key sequence that detaches, e.g. {@code ctrl-p,ctrl-q};
     * {@code null} means the engine's default.
     *
     * @param detachKeys the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder detachKeys(String detachKeys) {
      this.detachKeys = detachKeys;
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
     * Sets {@code Env}: environment variables, {@code NAME=value}.
     *
     * @param env the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder env(List<String> env) {
      this.env = Builders.mutableList(env);
      return this;
    }

    /**
     * Sets {@code Env}: environment variables, {@code NAME=value}.
     *
     * @param env the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder env(String... env) {
      return env(Builders.asList(env));
    }

    /**
     * Sets {@code Cmd}: command and arguments to run.
     *
     * @param cmd the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder cmd(List<String> cmd) {
      this.cmd = Builders.mutableList(cmd);
      return this;
    }

    /**
     * Sets {@code Cmd}: command and arguments to run.
     *
     * @param cmd the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder cmd(String... cmd) {
      return cmd(Builders.asList(cmd));
    }

    /**
     * Sets {@code Privileged}: whether the process runs with extended privileges.
     *
     * @param privileged the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder privileged(Boolean privileged) {
      this.privileged = privileged;
      return this;
    }

    /**
     * Sets {@code User}: user (and optionally group) to run as; {@code null} means the
     * container's user.
     *
     * @param user the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder user(String user) {
      this.user = user;
      return this;
    }

    /**
     * Sets {@code WorkingDir}: working directory; {@code null} means the container's.
     *
     * @param workingDir the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder workingDir(String workingDir) {
      this.workingDir = workingDir;
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
      ExtraFields.checkName(ExecCreateRequest.class, name);
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
     * Returns the {@link ExecCreateRequest} with the values set so far.
     *
     * @return a new, immutable {@code ExecCreateRequest}
     */
    public ExecCreateRequest build() {
      return new ExecCreateRequest(attachStdin, attachStdout, attachStderr, consoleSize,
        detachKeys, tty, env, cmd, privileged, user, workingDir, extra);
    }
  }
}
