package dev.berth.system;

import dev.berth.client.ApiVersion;
import dev.berth.client.DockerOperations;
import dev.berth.client.EngineClient;
import dev.berth.client.JsonStream;
import dev.berth.client.MalformedResponseException;
import dev.berth.client.Operation;
import dev.berth.client.UnsupportedApiVersionException;
import dev.berth.transport.Request;
import dev.berth.types.system.DiskUsage;
import dev.berth.types.system.Event;
import dev.berth.types.system.Ping;
import dev.berth.types.system.SystemInfo;
import dev.berth.types.system.SystemVersion;
import java.time.Duration;
import java.util.Objects;

final class DefaultSystemService implements SystemService {
  static final Operation VERSION = DockerOperations.SYSTEM_VERSION;
  static final Operation INFO = DockerOperations.SYSTEM_INFO;
  static final Operation DATA_USAGE = DockerOperations.SYSTEM_DATA_USAGE;
  static final Operation EVENTS = DockerOperations.SYSTEM_EVENTS;
  /** The {@code type} parameter of {@code /system/df} came with API 1.42. */
  static final ApiVersion DATA_USAGE_TYPE = ApiVersion.of(1, 42);

  private final EngineClient client;

  DefaultSystemService(EngineClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /** A JSON object answer; an empty body where the API promises one is malformed, never null. */
  private <T> T object(Request r, Class<T> type) {
    T value = client.call(r, type);
    if (value == null) {
      throw new MalformedResponseException(r.operationId() + ": empty answer, expected " + type.getSimpleName(), null);
    }
    return value;
  }

  @Override
  public Ping ping() {
    return client.ping();
  }

  @Override
  public SystemVersion version() {
    return object(client.request(VERSION).build(), SystemVersion.class);
  }

  @Override
  public SystemInfo info() {
    return object(client.request(INFO).build(), SystemInfo.class);
  }

  @Override
  public DiskUsage diskUsage() {
    // the engine sizes every layer and volume before it answers: no head until done
    return object(client.request(DATA_USAGE).readTimeout(Duration.ZERO).build(), DiskUsage.class);
  }

  @Override
  public DiskUsage diskUsage(SystemDiskUsageOptions options) {
    Objects.requireNonNull(options, "options");
    Request.Builder b = client.request(DATA_USAGE).readTimeout(Duration.ZERO);
    if (!options.types().isEmpty()) {
      ApiVersion v = client.apiVersion();
      if (!v.isAtLeast(DATA_USAGE_TYPE)) {
        throw new UnsupportedApiVersionException(DATA_USAGE.id() + " with types", DATA_USAGE_TYPE, v);
      }
      options.types().forEach(t -> b.query("type", t.wireName()));
    }
    return object(b.build(), DiskUsage.class);
  }

  @Override
  public JsonStream<Event> events(SystemEventsOptions options) {
    Objects.requireNonNull(options, "options");
    Request.Builder b = client.request(EVENTS).bodyReadTimeout(Duration.ZERO);
    if (options.since() != null) {
      b.query("since", SystemEventsOptions.timestamp(options.since()));
    }
    if (options.until() != null) {
      b.query("until", SystemEventsOptions.timestamp(options.until()));
    }
    if (!options.filters().isEmpty()) {
      b.query("filters", client.toJson(options.filters().asMap()));
    }
    return client.stream(b.build(), Event.class, false);
  }

  @Override
  public String toString() {
    return "SystemService[" + client + "]";
  }
}
