package dev.berth.cli;

import static dev.berth.cli.SystemCommandsTest.label;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.cli.Cli.Result;
import dev.berth.testkit.EngineTest;
import dev.berth.testkit.TestEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EngineTest
class ContainerCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void runShowsBothStreamsAndEndsWithTheContainersStatusAndRmRemovesIt(TestEngine engine) {
    Cli cli = Cli.at(engine.address());
    String name = engine.uniqueName("run");
    Result r = cli.run("run", "--rm", "--name", name, "-l", label(engine), engine.image(),
        "sh", "-c", "echo out; echo err >&2; exit 3");
    assertEquals(3, r.status(), r.toString());
    assertEquals("out\n", r.out());
    assertEquals("err\n", r.err());
    Result ps = cli.run("ps", "-a", "-q", "--filter", "name=" + name);
    assertEquals("", ps.out(), "--rm removed it");
  }

  @Test
  void detachedRunWithRmIsRemovedByTheEngineWhenItExits(TestEngine engine) throws Exception {
    Cli cli = Cli.at(engine.address());
    String name = engine.uniqueName("drm");
    Result run = cli.run("run", "-d", "--rm", "--name", name, "-l", label(engine), engine.image(), "true");
    assertEquals(0, run.status(), run.toString());
    String left = "?";
    for (int i = 0; i < 100 && !left.isEmpty(); i++) {
      Thread.sleep(100);
      left = cli.run("ps", "-a", "-q", "--filter", "name=" + name).out();
    }
    assertEquals("", left, "the engine removed it (AutoRemove)");
  }

  @Test
  void runPassesStdinWithDashI(TestEngine engine) {
    Result r = Cli.at(engine.address()).stdin("hello\nworld\n").run("run", "-i", "--rm", "-l", label(engine), engine.image(),
        "tr", "a-z", "A-Z");
    assertEquals(0, r.status(), r.toString());
    assertEquals("HELLO\nWORLD\n", r.out());
  }

  @Test
  void runWithATerminalMergesTheStreams(TestEngine engine) {
    Result r = Cli.at(engine.address()).run("run", "-t", "--rm", "-l", label(engine), engine.image(),
        "sh", "-c", "echo out; echo err >&2; [ -t 1 ] && echo tty");
    assertEquals(0, r.status(), r.toString());
    assertEquals("out\r\nerr\r\ntty\r\n", r.out());
  }

  @Test
  void runSetsEnvironmentAndBindsAVolume(TestEngine engine, @TempDir Path dir) throws Exception {
    Cli cli = Cli.discovering(Map.of("DOCKER_HOST", engine.address(), "FROM_HERE", "taken"), dir);
    Result r = cli.run("run", "--rm", "-e", "A=1", "-e", "FROM_HERE", "-v", dir + ":/data", "-w", "/data",
        "-l", label(engine), engine.image(), "sh", "-c", "echo \"$A $FROM_HERE\" > out.txt; pwd");
    assertEquals(0, r.status(), r.toString());
    assertEquals("/data\n", r.out());
    assertEquals("1 taken\n", Files.readString(dir.resolve("out.txt")));
  }

  @Test
  void runOfAnImageNobodyHasIs125AndOneLine(TestEngine engine) {
    Result r = Cli.at(engine.address()).run("run", "--rm", "-l", label(engine), "127.0.0.1:5000/berth-test-none/missing:1", "true");
    assertEquals(125, r.status(), r.toString());
    assertTrue(r.err().lines().anyMatch(l -> l.startsWith("berth: ") && l.contains("missing")), r.err());
  }

  @Test
  void detachedContainerThroughPsLogsExecInspectAndRm(TestEngine engine) throws Exception {
    Cli cli = Cli.at(engine.address());
    String name = engine.uniqueName("d");
    Result run = cli.run("run", "-d", "--name", name, "-l", label(engine), engine.image(),
        "sh", "-c", "echo one; echo two; echo oops >&2; sleep 60");
    assertEquals(0, run.status(), run.toString());
    String id = run.out().strip();
    assertTrue(id.matches("[0-9a-f]{64}"), run.out());

    Result ps = cli.run("ps", "--filter", "name=" + name);
    assertEquals(0, ps.status(), ps.toString());
    String[] rows = ps.out().split("\n");
    assertEquals(2, rows.length, ps.out());
    assertTrue(rows[0].matches("CONTAINER ID\\s+IMAGE\\s+COMMAND\\s+CREATED\\s+STATUS\\s+NAMES"), rows[0]);
    assertTrue(rows[1].startsWith(id.substring(0, 12) + "   " + engine.image()) && rows[1].endsWith(name), rows[1]);
    assertEquals(rows[0].indexOf("STATUS"), rows[1].indexOf("Up "), "aligned columns:\n" + ps.out());
    JsonNode list = JSON.readTree(cli.run("ps", "--filter", "name=" + name, "--format", "json").out());
    assertEquals(id, list.get(0).get("Id").asText());

    String logs = "";
    for (int i = 0; i < 50 && !logs.contains("two"); i++) {
      Thread.sleep(100);
      logs = cli.run("logs", name).out();
    }
    Result all = cli.run("logs", name);
    assertEquals("one\ntwo\n", all.out(), all.toString());
    assertEquals("oops\n", all.err());
    assertEquals("", cli.run("logs", "--tail", "0", name).out());
    Result stamped = cli.run("logs", "-t", "--since", "5m", name);
    assertTrue(stamped.out().matches("\\d{4}-\\d\\d-\\d\\dT\\S+ one\n\\S+ two\n"), stamped.out());

    Result exec = cli.run("exec", name, "sh", "-c", "echo in $(pwd); exit 7");
    assertEquals(7, exec.status(), exec.toString());
    assertEquals("in /\n", exec.out());
    Result execIn = Cli.at(engine.address()).stdin("piped").run("exec", "-i", name, "cat");
    assertEquals(0, execIn.status(), execIn.toString());
    assertEquals("piped", execIn.out());

    Result inspect = cli.run("inspect", name);
    assertEquals(0, inspect.status(), inspect.toString());
    JsonNode c = JSON.readTree(inspect.out());
    assertEquals(id, c.get(0).get("Id").asText());
    assertTrue(c.get(0).get("State").get("Running").asBoolean(), inspect.out());
    Result missing = cli.run("inspect", name, "berth-test-no-such-thing");
    assertEquals(4, missing.status(), missing.toString());
    assertEquals(1, JSON.readTree(missing.out()).size());
    assertEquals("berth: no such container or image: berth-test-no-such-thing\n", missing.err());

    Result busy = cli.run("rm", name);
    assertEquals(1, busy.status(), busy.toString());
    assertEquals(1, busy.err().lines().count(), busy.err());
    assertTrue(busy.err().startsWith("berth: ") && busy.err().contains("running"), busy.err());
    Result rm = cli.run("rm", "-f", name);
    assertEquals(0, rm.status(), rm.toString());
    assertEquals(name + "\n", rm.out());
    Result gone = cli.run("rm", name);
    assertEquals(4, gone.status(), gone.toString());
    assertEquals(4, cli.run("logs", name).status());
  }

  @Test
  void cpCopiesFilesIntoAndOutOfAContainer(TestEngine engine, @TempDir Path dir) throws Exception {
    Cli cli = Cli.at(engine.address());
    String name = engine.uniqueName("cp");
    assertEquals(0, cli.run("run", "-d", "--name", name, "-l", label(engine), engine.image(), "sleep", "60").status());
    Path local = dir.resolve("greeting.txt");
    Files.writeString(local, "hello from here\n");
    Path tree = Files.createDirectories(dir.resolve("tree/sub"));
    Files.writeString(tree.resolve("leaf"), "leaf\n");

    assertEquals(0, cli.run("cp", local.toString(), name + ":/tmp").status());
    assertEquals(0, cli.run("cp", dir.resolve("tree").toString(), name + ":/tmp").status());
    assertEquals("hello from here\nleaf\n", cli.run("exec", name, "cat", "/tmp/greeting.txt", "/tmp/tree/sub/leaf").out());

    Path back = dir.resolve("back.txt");
    Result out = cli.run("cp", name + ":/tmp/greeting.txt", back.toString());
    assertEquals(0, out.status(), out.toString());
    assertEquals("hello from here\n", Files.readString(back));
    Path into = Files.createDirectories(dir.resolve("into"));
    assertEquals(0, cli.run("cp", name + ":/tmp/tree", into.toString()).status());
    assertEquals("leaf\n", Files.readString(into.resolve("tree/sub/leaf")));
    assertEquals(0, cli.run("cp", name + ":/tmp/tree", dir.resolve("renamed").toString()).status());
    assertEquals("leaf\n", Files.readString(dir.resolve("renamed/sub/leaf")));

    Result missing = cli.run("cp", name + ":/no/such/file", dir.toString());
    assertEquals(4, missing.status(), missing.toString());
    Result notDir = cli.run("cp", local.toString(), name + ":/tmp/greeting.txt");
    assertEquals(2, notDir.status(), notDir.toString());
    assertFalse(Files.exists(dir.resolve("file")));
    assertTrue(new String(Files.readAllBytes(back), StandardCharsets.UTF_8).endsWith("\n"));
  }
}
