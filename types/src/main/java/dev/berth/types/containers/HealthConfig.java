package dev.berth.types.containers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.Normalize;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A container's health check, {@link ContainerConfig#healthcheck()}. Durations are in
 * nanoseconds; 0 (or absent) means the value is inherited from the image, and non-zero values
 * must be at least one millisecond.
 *
 * @param test          the check: empty to inherit the image's, {@code ["NONE"]} to disable,
 *                      {@code ["CMD", program, args...]} to run a program, or
 *                      {@code ["CMD-SHELL", command]} to run a shell command; exit code 0
 *                      means healthy, 1 unhealthy
 * @param interval      time between checks
 * @param timeout       time after which a running check counts as failed and is killed
 * @param retries       consecutive failures that make the container unhealthy
 * @param startPeriod   time after start during which failures do not count
 * @param startInterval time between checks during the start period (API 1.44+)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HealthConfig(
    @JsonProperty("Test")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<String> test,
    @JsonProperty("Interval") Long interval,
    @JsonProperty("Timeout") Long timeout,
    @JsonProperty("Retries") Integer retries,
    @JsonProperty("StartPeriod") Long startPeriod,
    @JsonProperty("StartInterval") Long startInterval) {

  // Normalises a missing test to an empty list.
  public HealthConfig {
    test = Normalize.list(test);
  }

  /**
   * A health config that turns off the image's health check.
   *
   * @return a config whose test is {@code ["NONE"]}
   */
  public static HealthConfig disabled() {
    return new HealthConfig(List.of("NONE"), null, null, null, null, null);
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
    b.test = test;
    b.interval = interval;
    b.timeout = timeout;
    b.retries = retries;
    b.startPeriod = startPeriod;
    b.startInterval = startInterval;
    return b;
  }

  /** Builds a {@link HealthConfig}. Not thread-safe. */
  public static final class Builder {

    private List<String> test;
    private Long interval;
    private Long timeout;
    private Integer retries;
    private Long startPeriod;
    private Long startInterval;

    private Builder() {
    }

    /**
     * Sets {@code Test}, the check to run, e.g. {@code List.of("CMD", "/bin/check")}.
     *
     * @param test the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder test(List<String> test) {
      this.test = test;
      return this;
    }

    /**
     * Sets {@code Test}, the check to run, e.g. {@code test("CMD-SHELL", "curl -f x")}.
     *
     * @param test the values, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder test(String... test) {
      return test(test == null ? null : Arrays.asList(test));
    }

    /**
     * Sets {@code Interval} in nanoseconds.
     *
     * @param nanos nanoseconds, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder interval(Long nanos) {
      this.interval = nanos;
      return this;
    }

    /**
     * Sets {@code Interval}.
     *
     * @param interval the duration, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder interval(Duration interval) {
      return interval(nanos(interval));
    }

    /**
     * Sets {@code Timeout} in nanoseconds.
     *
     * @param nanos nanoseconds, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder timeout(Long nanos) {
      this.timeout = nanos;
      return this;
    }

    /**
     * Sets {@code Timeout}.
     *
     * @param timeout the duration, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      return timeout(nanos(timeout));
    }

    /**
     * Sets {@code Retries}.
     *
     * @param retries the value, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder retries(Integer retries) {
      this.retries = retries;
      return this;
    }

    /**
     * Sets {@code StartPeriod} in nanoseconds.
     *
     * @param nanos nanoseconds, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder startPeriod(Long nanos) {
      this.startPeriod = nanos;
      return this;
    }

    /**
     * Sets {@code StartPeriod}.
     *
     * @param startPeriod the duration, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder startPeriod(Duration startPeriod) {
      return startPeriod(nanos(startPeriod));
    }

    /**
     * Sets {@code StartInterval} in nanoseconds (API 1.44+).
     *
     * @param nanos nanoseconds, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder startInterval(Long nanos) {
      this.startInterval = nanos;
      return this;
    }

    /**
     * Sets {@code StartInterval} (API 1.44+).
     *
     * @param startInterval the duration, or {@code null} to leave the field out
     * @return this builder
     */
    public Builder startInterval(Duration startInterval) {
      return startInterval(nanos(startInterval));
    }

    /**
     * Returns the {@link HealthConfig} with the values set so far.
     *
     * @return a new, immutable {@code HealthConfig}
     */
    public HealthConfig build() {
      return new HealthConfig(test, interval, timeout, retries, startPeriod, startInterval);
    }

    private static Long nanos(Duration d) {
      return d == null ? null : d.toNanos();
    }
  }
}
