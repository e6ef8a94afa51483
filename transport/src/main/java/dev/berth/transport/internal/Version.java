package dev.berth.transport.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Build facts, from {@code version.properties} written by the build. */
public final class Version {
  /** This build's version, e.g. {@code 0.1.0}; {@code unknown} when the resource is missing. */
  public static final String VERSION = load();
  /** The default {@code User-Agent}. */
  public static final String USER_AGENT = "berth/" + VERSION;

  private Version() {}

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version", "");
        if (!v.isEmpty() && !v.startsWith("${")) {
          return v;
        }
      }
    } catch (IOException | RuntimeException e) {
      // fall through: a missing version must not stop the transport
    }
    return "unknown";
  }
}
