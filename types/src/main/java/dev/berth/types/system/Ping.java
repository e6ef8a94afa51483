package dev.berth.types.system;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the engine tells about itself in the headers of its {@code GET /_ping} (or
 * {@code HEAD /_ping}) response. The body is just {@code OK}, so this record is built from
 * headers with {@link #fromHeaders(Function)} rather than decoded from JSON.
 *
 * @param apiVersion       highest API version served ({@code API-Version}), e.g. {@code 1.41}
 * @param osType           the engine's operating system ({@code OSType}), e.g. {@code linux}
 * @param builderVersion   default image builder ({@code Builder-Version}): {@code 1} for the
 *                         legacy builder, {@code 2} for BuildKit
 * @param experimental     whether experimental features are on ({@code Docker-Experimental})
 * @param swarm            Swarm state ({@code Swarm}), e.g. {@code inactive} or
 *                         {@code active/manager}; {@code null} when not sent
 * @param server           the {@code Server} header, e.g. {@code Docker/20.10.24 (linux)} or
 *                         {@code Libpod/4.9.3 (linux)}
 * @param libpodApiVersion Podman's own API version ({@code Libpod-API-Version}); Podman only
 * @param kind             which product answered, derived from the other headers
 */
public record Ping(
    String apiVersion,
    String osType,
    String builderVersion,
    boolean experimental,
    String swarm,
    String server,
    String libpodApiVersion,
    EngineKind kind) {

  // Requires a non-null kind.
  public Ping {
    Objects.requireNonNull(kind, "kind");
  }

  /**
   * Builds a ping result from response headers.
   *
   * <p>{@code header} returns the value of the named header, or {@code null} if it is absent;
   * it should match names case-insensitively, as HTTP requires. For lookups that do not, each
   * header is also tried in lower case and in Go's canonical form ({@code Api-Version},
   * {@code Ostype}), which is how Docker spells them on the wire. Blank values count as absent.
   *
   * <p>The engine is {@link EngineKind#PODMAN} when {@code Libpod-API-Version} is present or
   * {@code Server} starts with {@code Libpod}; otherwise {@link EngineKind#DOCKER} when
   * {@code Server} starts with {@code Docker} or {@code API-Version} is present; otherwise
   * {@link EngineKind#UNKNOWN}.
   *
   * @param header looks up a header value by name
   * @return the ping result
   */
  public static Ping fromHeaders(Function<String, String> header) {
    Objects.requireNonNull(header, "header");
    String apiVersion = read(header, API_VERSION);
    String osType = read(header, OS_TYPE);
    String builderVersion = read(header, BUILDER_VERSION);
    String experimental = read(header, EXPERIMENTAL);
    String swarm = read(header, SWARM);
    String server = read(header, SERVER);
    String libpodApiVersion = read(header, LIBPOD_API_VERSION);

    EngineKind kind;
    if (libpodApiVersion != null || startsWithIgnoreCase(server, "Libpod")) {
      kind = EngineKind.PODMAN;
    } else if (startsWithIgnoreCase(server, "Docker") || apiVersion != null) {
      kind = EngineKind.DOCKER;
    } else {
      kind = EngineKind.UNKNOWN;
    }
    return new Ping(apiVersion, osType, builderVersion, "true".equalsIgnoreCase(experimental),
        swarm, server, libpodApiVersion, kind);
  }

  // each header's documented name, lower case and Go's canonical form: built once, not per ping
  private static final String[] API_VERSION = spellings("API-Version");
  private static final String[] OS_TYPE = spellings("OSType");
  private static final String[] BUILDER_VERSION = spellings("Builder-Version");
  private static final String[] EXPERIMENTAL = spellings("Docker-Experimental");
  private static final String[] SWARM = spellings("Swarm");
  private static final String[] SERVER = spellings("Server");
  private static final String[] LIBPOD_API_VERSION = spellings("Libpod-API-Version");

  private static String[] spellings(String name) {
    return new String[] {name, name.toLowerCase(Locale.ROOT), canonical(name)};
  }

  private static String read(Function<String, String> header, String[] spellings) {
    String value = null;
    for (int i = 0; i < spellings.length && value == null; i++) {
      value = header.apply(spellings[i]);
    }
    if (value == null) {
      return null;
    }
    value = value.strip();
    return value.isEmpty() ? null : value;
  }

  /** Go's canonical header form: first letter and each letter after a hyphen upper case. */
  private static String canonical(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    boolean upper = true;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      sb.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
      upper = c == '-';
    }
    return sb.toString();
  }

  private static boolean startsWithIgnoreCase(String s, String prefix) {
    return s != null && s.regionMatches(true, 0, prefix, 0, prefix.length());
  }
}
