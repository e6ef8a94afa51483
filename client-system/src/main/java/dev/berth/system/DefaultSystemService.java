package dev.berth.system;

import dev.berth.client.EngineClient;
import dev.berth.client.JsonStream;
import dev.berth.client.Operation;
import dev.berth.transport.Request;
import dev.berth.types.system.DiskUsage;
import dev.berth.types.system.Event;
import dev.berth.types.system.Ping;
import dev.berth.types.system.SystemInfo;
import dev.berth.types.system.SystemVersion;
import java.time.Duration;
import java.util.Objects;

final class DefaultSystemService implements SystemService {
  static final Operation VERSION = Operation.of("SystemVersion", "GET", "/version");
  static final Operation INFO = Operation.of("SystemInfo", "GET", "/info");
  static final Operation DATA_USAGE = Operation.of("SystemDataUsage", "GET", "/system/df");
  static final Operation EVENTS = Operation.of("SystemEvents", "GET", "/events");

  private final EngineClient client;

  DefaultSystemService(EngineClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  @Override
  public Ping ping() {
    return client.ping();
  }

  @Override
  public SystemVersion version() {
    return client.call(client.request(VERSION).build(), SystemVersion.class);
  }

  @Override
  public SystemInfo info() {
    return client.call(client.request(INFO).build(), SystemInfo.class);
  }

  @Override
  public DiskUsage diskUsage() {
    return client.call(client.request(DATA_USAGE).build(), DiskUsage.class);
  }

  @Override
  public JsonStream<Event> events(EventsOptions options) {
    Objects.requireNonNull(options, "options");
    Request.Builder b = client.request(EVENTS).readTimeout(Duration.ZERO);
    if (options.since() != null) {
      b.query("since", EventsOptions.timestamp(options.since()));
    }
    if (options.until() != null) {
      b.query("until", EventsOptions.timestamp(options.until()));
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
