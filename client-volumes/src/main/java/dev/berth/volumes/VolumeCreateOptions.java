package dev.berth.volumes;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Options of {@link VolumeService#create}: name, driver, driver options and labels. Immutable. */
public final class VolumeCreateOptions {
  /** A generated name, the {@code local} driver, no labels. */
  public static final VolumeCreateOptions DEFAULT = builder().build();

  private final String name;
  private final String driver;
  private final Map<String, String> driverOptions;
  private final Map<String, String> labels;

  private VolumeCreateOptions(Builder b) {
    this.name = b.name;
    this.driver = b.driver;
    this.driverOptions = Collections.unmodifiableMap(new LinkedHashMap<>(b.driverOptions));
    this.labels = Collections.unmodifiableMap(new LinkedHashMap<>(b.labels));
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder().name(name).driver(driver);
    b.driverOptions.putAll(driverOptions);
    b.labels.putAll(labels);
    return b;
  }

  /** The volume's name ({@code Name}), or {@code null} for a generated one. */
  public String name() {
    return name;
  }

  /** The volume driver ({@code Driver}), or {@code null} for {@code local}. */
  public String driver() {
    return driver;
  }

  /** Options for the volume driver ({@code DriverOpts}). */
  public Map<String, String> driverOptions() {
    return driverOptions;
  }

  /** Labels ({@code Labels}). */
  public Map<String, String> labels() {
    return labels;
  }

  @Override
  public String toString() {
    return "VolumeCreateOptions[name=" + name + ", driver=" + driver + ", driverOptions=" + driverOptions
        + ", labels=" + labels + "]";
  }

  /** Builds {@link VolumeCreateOptions}; not thread-safe. */
  public static final class Builder {
    private String name;
    private String driver;
    private final Map<String, String> driverOptions = new LinkedHashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();

    private Builder() {}

    /** The volume's name; null for one the engine generates. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** The volume driver; null for {@code local}. */
    public Builder driver(String driver) {
      this.driver = driver;
      return this;
    }

    /** Adds an option for the volume driver ({@code local} takes {@code type}, {@code device}, {@code o}). */
    public Builder driverOption(String key, String value) {
      driverOptions.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Adds a label. */
    public Builder label(String key, String value) {
      labels.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Adds all of {@code labels}. */
    public Builder labels(Map<String, String> labels) {
      Objects.requireNonNull(labels, "labels").forEach(this::label);
      return this;
    }

    /** The options. */
    public VolumeCreateOptions build() {
      return new VolumeCreateOptions(this);
    }
  }
}
