package dev.berth.system;

import dev.berth.client.Filters;
import dev.berth.types.system.EventType;
import java.time.Instant;
import java.util.Objects;

/** Options of {@link SystemService#events}: time window and filters. Immutable. */
public final class SystemEventsOptions {
  /** No window, no filters: every event from now on. */
  public static final SystemEventsOptions DEFAULT = builder().build();

  private final Instant since;
  private final Instant until;
  private final Filters filters;

  private SystemEventsOptions(Builder b) {
    this.since = b.since;
    this.until = b.until;
    this.filters = b.filters.build();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.since = since;
    b.until = until;
    b.filters = filters.toBuilder();
    return b;
  }

  /** Events from this time on (also past ones), or {@code null}. */
  public Instant since() {
    return since;
  }

  /** The stream ends at this time, or {@code null} to follow forever. */
  public Instant until() {
    return until;
  }

  /** The filters. */
  public Filters filters() {
    return filters;
  }

  /** Builds {@link SystemEventsOptions}; not thread-safe. */
  public static final class Builder {
    private Instant since;
    private Instant until;
    private Filters.Builder filters = Filters.builder();

    private Builder() {}

    /** Replays events from this time. */
    public Builder since(Instant since) {
      this.since = since;
      return this;
    }

    /** Ends the stream at this time. */
    public Builder until(Instant until) {
      this.until = until;
      return this;
    }

    /** Adds a filter: {@code type}, {@code event}, {@code container}, {@code image}, {@code label}, … */
    public Builder filter(String name, String... values) {
      filters.add(name, values);
      return this;
    }

    /**
     * Only events about these kinds of object. {@link EventType#UNKNOWN} is refused: the engine
     * has no such type. For a type the enum lacks (Podman's {@code pod}, {@code system},
     * {@code machine}), use {@code filter("type", value)}.
     */
    public Builder type(EventType... types) {
      for (EventType t : types) {
        Objects.requireNonNull(t, "type");
        if (t == EventType.UNKNOWN) {
          throw new IllegalArgumentException("EventType.UNKNOWN is not a type the engine filters by");
        }
        filter("type", t.value());
      }
      return this;
    }

    /** Only these actions ({@code start}, {@code die}, …). */
    public Builder event(String... actions) {
      return filter("event", actions);
    }

    /** Only events of objects with this label ({@code key} or {@code key=value}). */
    public Builder label(String... labels) {
      return filter("label", labels);
    }

    /** Only events of these containers (id or name). */
    public Builder container(String... containers) {
      return filter("container", containers);
    }

    /** The options. */
    public SystemEventsOptions build() {
      if (since != null && until != null && until.isBefore(since)) {
        throw new IllegalArgumentException("until (" + until + ") is before since (" + since + ")");
      }
      return new SystemEventsOptions(this);
    }
  }

  static String timestamp(Instant t) {
    Objects.requireNonNull(t);
    String nanos = Integer.toString(t.getNano());
    return t.getEpochSecond() + "." + "000000000".substring(nanos.length()) + nanos;
  }
}
