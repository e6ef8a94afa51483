package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.cli.Cli.Result;
import dev.berth.testkit.TestEngine;
import org.junit.jupiter.api.Test;

/**
 * The CLI against Podman, as a user pointing -H (or DOCKER_HOST) at Podman's socket sees it. Run by
 * {@link PodmanMainTest} (Podman 4.3) and {@link Podman5MainTest} (Podman 5).
 */
abstract class PodmanMainCases {
  /** The major version of the subclass's Podman: {@code "4"} or {@code "5"}. */
  abstract String major();

  @Test
  void pingVersionRunAndPsAgainstPodman(TestEngine engine) {
    Cli cli = Cli.at(engine.address());
    Result ping = cli.run("ping");
    assertEquals(0, ping.status(), ping.toString());
    assertTrue(ping.out().contains("engine      PODMAN"), ping.out());
    Result version = cli.run("version");
    // Podman reports its OCI runtime's version as several lines: one row per component here
    assertTrue(version.out().lines().anyMatch(l -> l.matches("  Podman Engine +" + major() + "\\..*")), version.out());
    assertTrue(version.out().lines().noneMatch(l -> l.startsWith("commit:") || l.startsWith("spec:")), version.out());

    String name = engine.uniqueName("p");
    Result run = cli.stdin("podman\n").run("run", "-i", "--rm", "--name", name, "-l", SystemCommandsTest.label(engine),
        engine.image(), "sh", "-c", "cat; echo err >&2; exit 5");
    assertEquals(5, run.status(), run.toString());
    assertEquals("podman\n", run.out());
    assertEquals("err\n", run.err());
    assertEquals("", cli.run("ps", "-a", "-q", "--filter", "name=" + name).out());
  }
}
