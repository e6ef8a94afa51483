package dev.berth.testkit;

/**
 * Where the test engine is, from the environment that {@code scripts/test} sets:
 * {@code BERTH_TEST_DOCKER_HOST}, {@code BERTH_TEST_DOCKER_TCP}, {@code BERTH_TEST_IMAGE}, and
 * {@code BERTH_REQUIRE_ENGINE=1} (or {@code CI=true}), which turns a missing engine into a failure
 * instead of a loud skip.
 */
public final class TestEngines {
  private TestEngines() {}

  /** The engine's Unix socket address. */
  public static String dockerHost() {
    return env("BERTH_TEST_DOCKER_HOST", "unix:///var/run/docker.sock");
  }

  /** The same engine over plain TCP on loopback. */
  public static String dockerTcp() {
    return env("BERTH_TEST_DOCKER_TCP", "tcp://127.0.0.1:2375");
  }

  /** The local test image (busybox). */
  public static String image() {
    return env("BERTH_TEST_IMAGE", "busybox:local");
  }

  /** Whether a missing engine must fail tests rather than skip them. */
  public static boolean engineRequired() {
    return "1".equals(System.getenv("BERTH_REQUIRE_ENGINE"))
        || "true".equalsIgnoreCase(System.getenv("CI"));
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
