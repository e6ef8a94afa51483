package dev.berth.adapter.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testkit.EngineTest;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.UnixSocketClientProviderStrategy;

/**
 * The persisted-strategy pitfall, for real: Testcontainers in a fresh JVM (it picks its strategy
 * once per JVM) whose {@code ~/.testcontainers.properties} names its own Unix-socket strategy, as
 * an earlier run without berth leaves it. That strategy wins over berth's, and berth's constructor
 * says so in one warning naming the file and the fix; with the fix, berth's strategy is chosen.
 */
@EngineTest
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StrategyOrderTest {

  private static final String UNIX = "org.testcontainers.dockerclient.UnixSocketClientProviderStrategy";

  @TempDir
  Path home;

  @Test
  void onAFirstRunBerthsStrategyIsChosenAndTestcontainersRemembersIt() throws Exception {
    Result r = runTestcontainers();
    assertEquals("chosen=" + BerthClientProviderStrategy.CLASS_NAME, r.stdout.trim(), r.stderr);
    assertTrue(Files.readString(home.resolve(".testcontainers.properties"))
        .contains("docker.client.strategy=" + BerthClientProviderStrategy.CLASS_NAME));
  }

  @Test
  void aStrategyRememberedFromAnEarlierRunWinsAndTheLogSaysWhyAndHowToFixIt() throws Exception {
    Files.writeString(home.resolve(".testcontainers.properties"), "docker.client.strategy=" + UNIX + "\n");
    Result r = runTestcontainers();
    assertEquals("chosen=" + UNIX, r.stdout.trim(), r.stderr);
    String warning = r.stderr.lines().filter(l -> l.contains("WARN") && l.contains("berth:"))
        .findFirst().orElseThrow(() -> new AssertionError("no warning from berth in:\n" + r.stderr));
    assertTrue(warning.contains("Testcontainers will try " + UNIX + " first"), warning);
    assertTrue(warning.contains(home + "/.testcontainers.properties"), warning);
    assertTrue(warning.contains("set docker.client.strategy=" + BerthClientProviderStrategy.CLASS_NAME), warning);
    assertTrue(warning.contains("TESTCONTAINERS_DOCKER_CLIENT_STRATEGY=" + BerthClientProviderStrategy.CLASS_NAME),
        warning);
  }

  @Test
  void withTheFixBerthsStrategyIsChosenAndNothingIsWarned() throws Exception {
    Files.writeString(home.resolve(".testcontainers.properties"),
        "docker.client.strategy=" + BerthClientProviderStrategy.CLASS_NAME + "\n");
    Result r = runTestcontainers();
    assertEquals("chosen=" + BerthClientProviderStrategy.CLASS_NAME, r.stdout.trim(), r.stderr);
    assertFalse(r.stderr.contains("WARN " + BerthClientProviderStrategy.class.getName()), r.stderr);
    assertTrue(r.stderr.contains("Loaded " + BerthClientProviderStrategy.CLASS_NAME
        + " from ~/.testcontainers.properties, will try it first"), r.stderr);
  }

  /** Runs {@link Main} in a new JVM with this class path and {@code home} as the user's home. */
  private Result runTestcontainers() throws Exception {
    Path out = home.resolve("out.txt");
    Path err = home.resolve("err.txt");
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Duser.home=" + home, Main.class.getName())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    // nothing configured but the home folder: discovery probes the local sockets
    pb.environment().keySet().removeIf(k -> k.startsWith("DOCKER_") || k.equals("CONTAINER_HOST")
        || (k.startsWith("TESTCONTAINERS_") && !k.equals("TESTCONTAINERS_RYUK_DISABLED")));
    Process p = pb.start();
    try {
      assertTrue(p.waitFor(90, TimeUnit.SECONDS), "Testcontainers did not finish");
    } finally {
      p.destroyForcibly();
    }
    return new Result(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  private static final class Result {
    final String stdout;
    final String stderr;

    Result(String stdout, String stderr) {
      this.stdout = stdout;
      this.stderr = stderr;
    }
  }

  /**
   * The child JVM: lets Testcontainers choose its strategy (getTransportConfig() makes it choose
   * without starting anything else) and prints the one it chose.
   */
  public static final class Main {
    public static void main(String[] args) {
      DockerClientFactory f = DockerClientFactory.instance();
      f.getTransportConfig();
      for (Class<?> c : List.of(BerthClientProviderStrategy.class, UnixSocketClientProviderStrategy.class)) {
        if (f.isUsing(c.asSubclass(org.testcontainers.dockerclient.DockerClientProviderStrategy.class))) {
          System.out.println("chosen=" + c.getName());
        }
      }
    }
  }
}
