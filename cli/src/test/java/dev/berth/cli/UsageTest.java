package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.cli.Cli.Result;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help and bad command lines: answered without an engine (the address below does not exist). */
class UsageTest {
  private final Cli cli = Cli.at("unix:///tmp/berth-cli-test-none.sock");

  @Test
  void helpListsTheCommandsWithoutAnEngine() {
    for (String h : new String[] {"--help", "-h", "help"}) {
      Result r = cli.run(h);
      assertEquals(0, r.status(), r.toString());
      for (String command : new String[] {"ps", "run", "logs", "exec", "pull", "push", "build", "rm", "rmi", "events",
          "inspect", "cp", "where", "images", "ping", "version", "info"}) {
        assertTrue(r.out().contains("\n  " + command + " "), command + " in\n" + r.out());
      }
    }
  }

  @Test
  void aCommandsHelpShowsItsOptionsWithoutAnEngine() {
    Result r = cli.run("run", "--help");
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().startsWith("usage: berth run [options] IMAGE [COMMAND [ARG...]]"), r.out());
    assertTrue(r.out().contains("-i, --interactive"), r.out());
    Result h = cli.run("help", "logs");
    assertEquals(0, h.status(), h.toString());
    assertTrue(h.out().contains("-f, --follow"), h.out());
    assertEquals(0, cli.run("ps", "-h").status());
  }

  @Test
  void noCommandPrintsTheHelpAndExits2() {
    Result r = Cli.discovering(Map.of(), Path.of("/nonexistent")).run();
    assertEquals(2, r.status());
    assertTrue(r.out().contains("commands:"), r.out());
  }

  @Test
  void badArgumentsAreOneLineAndAUsageHintWithStatus2() {
    assertUsage(cli.run("frobnicate"), "berth: unknown command \"frobnicate\"");
    assertUsage(cli.run("ps", "--bogus"), "berth: unknown option --bogus");
    assertUsage(cli.run("events", "abc"), "berth: unexpected argument \"abc\"");
    assertUsage(cli.run("logs"), "berth: missing CONTAINER");
    assertUsage(cli.run("logs", "--tail", "x", "c"), "berth: --tail needs a whole number of 0 or more, not \"x\"");
    assertUsage(cli.run("logs", "--since", "yesterday", "c"), "berth: --since takes RFC 3339");
    assertUsage(cli.run("run", "--name"), "berth: option --name needs a value");
    for (String command : new String[] {"ps", "images", "ping", "version", "info", "events"}) {
      assertUsage(cli.run(command, "--format", "yaml"), "berth: --format is table or json, not \"yaml\"");
    }
    assertUsage(cli.run("ps", "--filter", "novalue"), "berth: --filter needs KEY=VALUE");
    assertUsage(cli.run("cp", "a", "b"), "berth: one of the two must be CONTAINER:PATH");
    Result where = cli.run("where", "--bogus"); // a command without a synopsis: one space before the hint
    assertUsage(where, "berth: unknown option --bogus");
    assertTrue(where.err().contains("usage: berth where (berth where --help)"), where.err());
    assertUsage(Cli.discovering(Map.of(), Path.of("/x")).run("-H", "unix:///a", "--context", "b", "ps"),
        "berth: give either --host or --context, not both");
  }

  private static void assertUsage(Result r, String firstLine) {
    assertEquals(2, r.status(), r.toString());
    String[] lines = r.err().split("\n");
    assertEquals(2, lines.length, r.err());
    assertTrue(lines[0].startsWith(firstLine), r.err());
    assertTrue(lines[1].startsWith("usage: berth"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void anUnreachableEngineIsOneLineAndStatus3() {
    Result r = cli.run("ps");
    assertEquals(3, r.status(), r.toString());
    assertTrue(r.err().startsWith("berth: ") && r.err().contains("does not exist"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void debugAddsTheStackTrace() {
    Result r = cli.run("--debug", "ps");
    assertEquals(3, r.status());
    assertTrue(r.err().contains("\tat dev.berth."), r.err());
  }

  @Test
  void aMalformedAddressIsAClearError() {
    Result r = Cli.at("nonsense").run("ping");
    assertEquals(3, r.status());
    assertTrue(r.err().contains("needs a scheme"), r.err());
  }

  @Test
  void whereWithAMissingContextIsAClearError(@TempDir Path home) {
    Result r = Cli.discovering(Map.of("DOCKER_CONTEXT", "nope"), home).run("where");
    assertEquals(3, r.status(), r.toString());
    assertTrue(r.err().contains("context \"nope\" (from DOCKER_CONTEXT) not found"), r.err());
    Result flag = Cli.discovering(Map.of(), home).run("--context", "nope", "where");
    assertEquals(3, flag.status(), flag.toString());
    assertTrue(flag.err().contains("context \"nope\""), flag.err());
  }

  @Test
  void versionFlagNeedsNoEngine() {
    Result r = cli.run("--version");
    assertEquals(0, r.status());
    assertTrue(r.out().startsWith("berth "), r.out());
    assertFalse(r.out().contains("\n\n"));
  }
}
