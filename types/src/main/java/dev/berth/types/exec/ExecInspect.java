package dev.berth.types.exec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.util.Base64;
import java.util.List;

/**
 * The state of an exec instance, {@code GET /exec/{id}/json}.
 *
 * @param canRemove     whether the engine may remove the instance; Docker 20.10 reports
 *                      {@code false} even after the process exited
 * @param detachKeys    the detach key sequence as Docker sends it: the base64 encoding of the
 *                      key bytes (e.g. {@code GBk=} for {@code ctrl-x,ctrl-y}), empty for the
 *                      default; see {@link #detachKeyBytes()}
 * @param id            the exec instance's ID
 * @param running       whether the process is running
 * @param exitCode      the process's exit code; {@code null} until it has exited
 * @param processConfig the process that runs
 * @param openStdin     whether standard input is attached
 * @param openStderr    whether standard error is attached
 * @param openStdout    whether standard output is attached
 * @param containerId   ID of the container the process runs in
 * @param pid           host PID of the process; 0 before it started
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExecInspect(
    @JsonProperty("CanRemove") Boolean canRemove,
    @JsonProperty("DetachKeys") String detachKeys,
    @JsonProperty("ID") String id,
    @JsonProperty("Running") Boolean running,
    @JsonProperty("ExitCode") Integer exitCode,
    @JsonProperty("ProcessConfig") ProcessConfig processConfig,
    @JsonProperty("OpenStdin") Boolean openStdin,
    @JsonProperty("OpenStderr") Boolean openStderr,
    @JsonProperty("OpenStdout") Boolean openStdout,
    @JsonProperty("ContainerID") String containerId,
    @JsonProperty("Pid") Integer pid) {

  /**
   * Decodes {@link #detachKeys()} into the bytes a client must send to detach.
   *
   * @return the key bytes, e.g. {@code {0x18, 0x19}} for {@code ctrl-x,ctrl-y}; empty when no
   *         sequence was set
   * @throws IllegalArgumentException if {@code detachKeys} is not base64 (an engine that sends
   *                                  the sequence as text)
   */
  public byte[] detachKeyBytes() {
    return detachKeys == null ? new byte[0] : Base64.getDecoder().decode(detachKeys);
  }

  /**
   * The process an exec instance runs.
   *
   * @param privileged whether it runs with extended privileges
   * @param user       the user it runs as; the container's user when none was given
   * @param tty        whether it has a pseudo-terminal
   * @param entrypoint the program
   * @param arguments  the program's arguments
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ProcessConfig(
      @JsonProperty("privileged") Boolean privileged,
      @JsonProperty("user") String user,
      @JsonProperty("tty") Boolean tty,
      @JsonProperty("entrypoint") String entrypoint,
      @JsonProperty("arguments") List<String> arguments) {

    // Normalises missing arguments to an empty list.
    public ProcessConfig {
      arguments = Normalize.list(arguments);
    }
  }
}
