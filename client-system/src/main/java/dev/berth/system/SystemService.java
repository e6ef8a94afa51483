package dev.berth.system;

import dev.berth.client.EngineClient;
import dev.berth.client.JsonStream;
import dev.berth.types.system.DiskUsage;
import dev.berth.types.system.Event;
import dev.berth.types.system.Ping;
import dev.berth.types.system.SystemInfo;
import dev.berth.types.system.SystemVersion;
import java.util.function.Consumer;

/**
 * Engine-wide operations. Thread-safe. Errors are the {@link dev.berth.client.BerthException}
 * tree: {@link dev.berth.client.TransportException} when the engine cannot be reached,
 * {@link dev.berth.client.EngineException} subclasses for error statuses. Arguments are non-null
 * (a null is a {@link NullPointerException} naming the parameter); results are never null.
 */
public interface SystemService {

  /** The service over {@code client}. */
  static SystemService create(EngineClient client) {
    return new DefaultSystemService(client);
  }

  /** {@code GET /_ping}: the engine's API version, OS type and kind (Docker or Podman). */
  Ping ping();

  /** {@code GET /version}: versions of the engine and its components. */
  SystemVersion version();

  /** {@code GET /info}: system-wide information. */
  SystemInfo info();

  /** {@code GET /system/df}: disk used by images, containers, volumes and build cache. */
  DiskUsage diskUsage();

  /**
   * {@code GET /system/df?type=}: disk usage of the chosen kinds of object only (API 1.42+).
   *
   * @throws dev.berth.client.UnsupportedApiVersionException when types are chosen on an API before
   *     1.42 (before anything is sent)
   */
  default DiskUsage diskUsage(SystemDiskUsageOptions options) {
    if (java.util.Objects.requireNonNull(options, "options").types().isEmpty()) {
      return diskUsage();
    }
    throw new UnsupportedOperationException(getClass().getName() + " does not implement disk usage options");
  }

  /** {@link #diskUsage(SystemDiskUsageOptions)} with options set on a builder. */
  default DiskUsage diskUsage(java.util.function.Consumer<SystemDiskUsageOptions.Builder> options) {
    SystemDiskUsageOptions.Builder b = SystemDiskUsageOptions.builder();
    options.accept(b);
    return diskUsage(b.build());
  }

  /**
   * {@code GET /events}: every engine event from now on. The client's read timeout bounds the wait
   * for the response head; after it the stream has no read timeout: it holds a connection and the
   * caller must close it (from any thread, to stop a blocked read).
   */
  default JsonStream<Event> events() {
    return events(SystemEventsOptions.DEFAULT);
  }

  /**
   * {@code GET /events?since=&until=&filters=}: engine events as they happen (or between
   * {@code since} and {@code until}). The read timeout bounds the wait for the response head only;
   * the stream holds a connection and the caller must close it (from any thread, to stop a
   * blocked read).
   */
  JsonStream<Event> events(SystemEventsOptions options);

  /** {@link #events(SystemEventsOptions)} with options set by {@code options}. */
  default JsonStream<Event> events(Consumer<SystemEventsOptions.Builder> options) {
    SystemEventsOptions.Builder b = SystemEventsOptions.builder();
    options.accept(b);
    return events(b.build());
  }
}
