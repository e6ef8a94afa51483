package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testkit.EngineTest;
import dev.berth.testkit.TestEngine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EngineTest
class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Main main = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
      new PrintStream(err, true, StandardCharsets.UTF_8));

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void demoPrintsEngineFactsRunsAContainerAndShowsItsEvents(TestEngine engine) {
    assertEquals(0, main.run(new String[] {"--host", engine.address(), "demo", engine.image()}), err.toString());
    String o = out();
    assertTrue(o.contains("engine      DOCKER"), o);
    assertTrue(o.contains("API version 1."), o);
    assertTrue(o.contains("logs stdout hello from "), o);
    assertTrue(o.contains("logs stderr to stderr"), o);
    int create = o.indexOf(" create ");
    int start = o.indexOf(" start ");
    int die = o.indexOf(" die ");
    int destroy = o.indexOf(" destroy ");
    assertTrue(create > 0 && create < start && start < die && die < destroy, o);
  }

  @Test
  void rawRequestsReachAnyEndpoint(TestEngine engine) {
    assertEquals(0, main.run(new String[] {"--host", engine.address(), "raw", "GET", "/version"}));
    assertTrue(out().contains("\"ApiVersion\""), out());
  }

  @Test
  void anUnreachableEngineIsAClearErrorAndExitStatus1() {
    assertEquals(1, main.run(new String[] {"--host", "unix:///tmp/berth-none.sock", "ping"}));
    String e = err.toString(StandardCharsets.UTF_8);
    assertTrue(e.startsWith("berth: ") && e.contains("does not exist"), e);
  }

  @Test
  void aMalformedAddressIsAClearError() {
    assertEquals(1, main.run(new String[] {"--host", "nonsense", "ping"}));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("needs a scheme"));
  }

  @Test
  void withoutHostTheEngineIsDiscoveredFromTheEnvironment(TestEngine engine, @TempDir Path home) {
    Main m = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of("DOCKER_HOST", engine.address()), home);
    assertEquals(0, m.run(new String[] {"ping"}), err.toString(StandardCharsets.UTF_8));
    assertTrue(out().contains("engine      DOCKER"), out());
  }

  @Test
  void whereSaysWhichEngineAndWhy(TestEngine engine, @TempDir Path home) {
    Main m = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of("DOCKER_HOST", engine.address(), "DOCKER_API_VERSION", "1.40"), home);
    assertEquals(0, m.run(new String[] {"where"}), err.toString(StandardCharsets.UTF_8));
    assertTrue(out().startsWith("engine:      " + engine.address() + "\nfrom:        DOCKER_HOST"), out());
    assertTrue(out().contains("api version: 1.40 (pinned by DOCKER_API_VERSION)"), out());
  }

  @Test
  void whereWithAMissingContextIsAClearError(@TempDir Path home) {
    Main m = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of("DOCKER_CONTEXT", "nope"), home);
    assertEquals(1, m.run(new String[] {"where"}));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("context \"nope\" (from DOCKER_CONTEXT) not found"),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void anUnknownCommandExits2() {
    assertEquals(2, main.run(new String[] {"--host", "unix:///tmp/x.sock", "frobnicate"}));
  }
}
