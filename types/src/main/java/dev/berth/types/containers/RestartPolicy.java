package dev.berth.types.containers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the engine does when a container exits: part of {@link HostConfig} and of
 * {@link Resources} ({@code POST /containers/{id}/update}).
 *
 * <p>The engine waits longer before each restart (doubling from 100 ms), so a crashing container
 * does not spin.
 *
 * @param name              {@code no} (or empty), {@code always}, {@code unless-stopped} or
 *                          {@code on-failure}
 * @param maximumRetryCount for {@code on-failure}, how many restarts to try before giving up;
 *                          0 means no limit
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RestartPolicy(
    @JsonProperty("Name") String name,
    @JsonProperty("MaximumRetryCount") Integer maximumRetryCount) {

  /**
   * Never restart.
   *
   * @return the policy {@code no}
   */
  public static RestartPolicy no() {
    return new RestartPolicy("no", null);
  }

  /**
   * Always restart, also after the engine restarts.
   *
   * @return the policy {@code always}
   */
  public static RestartPolicy always() {
    return new RestartPolicy("always", null);
  }

  /**
   * Restart unless the container was stopped on purpose.
   *
   * @return the policy {@code unless-stopped}
   */
  public static RestartPolicy unlessStopped() {
    return new RestartPolicy("unless-stopped", null);
  }

  /**
   * Restart when the container exits with a non-zero code.
   *
   * @param maximumRetryCount restarts to try before giving up; 0 for no limit
   * @return the policy {@code on-failure}
   */
  public static RestartPolicy onFailure(int maximumRetryCount) {
    return new RestartPolicy("on-failure", maximumRetryCount);
  }
}
