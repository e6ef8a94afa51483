package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testkit.PodmanTest;
import dev.berth.testkit.TestEngine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The CLI's demo against Podman, as a user pointing DOCKER_HOST at Podman's socket sees it. */
@PodmanTest
class PodmanMainTest {
  @Test
  void demoRunsAgainstPodman(TestEngine engine) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Main main = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, main.run(new String[] {"--host", engine.address(), "demo", engine.image()}), err.toString());
    String o = out.toString(StandardCharsets.UTF_8);
    assertTrue(o.contains("engine      PODMAN"), o);
    assertTrue(o.contains("  component Podman Engine "), o);
    // Podman reports its OCI runtime's version as several lines: one line per component here
    assertFalse(o.contains("\ncommit:") || o.contains("\nspec:"), o);
    assertTrue(o.contains("logs stdout hello from "), o);
    assertTrue(o.contains("logs stderr to stderr"), o);
    int create = o.indexOf(" create ");
    int start = o.indexOf(" start ");
    int die = o.indexOf(" die ");
    assertTrue(create > 0 && create < start && start < die, o);
  }
}
