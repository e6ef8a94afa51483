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
  void pipedStdinWithATerminalKeepsTheOutputAndEndsTheInputWithCtrlD(TestEngine engine) throws Exception {
    Cli cli = Cli.at(engine.address());
    String name = engine.uniqueName("tty");
    assertEquals(0, cli.run("run", "-d", "--name", name, "-l", label(engine), engine.image(), "sleep", "60").status());
    // a half-close would make the engine end the stream before cat's answer: Ctrl-D ends cat instead
    Result exec = Cli.at(engine.address()).stdin("hi\n").run("exec", "-i", "-t", name, "sh", "-c", "cat; exit 4");
    assertEquals(4, exec.status(), exec.toString());
    assertEquals("hi\r\nhi\r\n", exec.out(), "the terminal's echo, then cat's copy");
    Result partial = Cli.at(engine.address()).stdin("no newline").run("exec", "-i", "-t", name, "cat");
    assertEquals(0, partial.status(), partial.toString());
    assertEquals("no newlineno newline", partial.out());
    Result run = Cli.at(engine.address()).stdin("a\nb\n").run("run", "-i", "-t", "--rm", "-l", label(engine), engine.image(),
        "sort", "-r");
    assertEquals(0, run.status(), run.toString());
    assertEquals("a\r\nb\r\nb\r\na\r\n", run.out());
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
    Result goneForced = cli.run("rm", "-f", name);
    assertEquals(0, goneForced.status(), "rm -f of what is gone is no failure, as docker: " + goneForced);
    assertEquals("berth: ContainerDelete DELETE /containers/{id} failed with HTTP 404: No such container: " + name + "\n",
        goneForced.err());
    assertEquals(4, cli.run("logs", name).status());
  }

  /** A running container to copy to and from, with /tmp/file and /tmp/tree/sub/leaf. */
  private static String cpContainer(Cli cli, TestEngine engine) throws InterruptedException {
    String name = engine.uniqueName("cp");
    Result run = cli.run("run", "-d", "--name", name, "-l", label(engine), engine.image(), "sh", "-c",
        "mkdir -p /tmp/tree/sub /tmp/in && echo leaf > /tmp/tree/sub/leaf && echo file > /tmp/file && touch /tmp/ready && sleep 60");
    assertEquals(0, run.status(), run.toString());
    for (int i = 0; i < 100 && cli.run("exec", name, "test", "-e", "/tmp/ready").status() != 0; i++) {
      Thread.sleep(50);
    }
    return name;
  }

  private static void assertFails(int status, String message, Result r) {
    assertEquals(status, r.status(), r.toString());
    assertEquals("", r.out(), r.toString());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("berth: ") && r.err().contains(message), r.err());
  }

  @Test
  void cpIntoAContainerFollowsDockersRules(TestEngine engine, @TempDir Path dir) throws Exception {
    Cli cli = Cli.at(engine.address());
    String name = cpContainer(cli, engine);
    Path local = Files.writeString(dir.resolve("greeting.txt"), "hello from here\n");
    Path tree = Files.createDirectories(dir.resolve("tree/sub"));
    Files.writeString(tree.resolve("leaf"), "leaf\n");
    Files.writeString(dir.resolve("tree/top"), "top\n");
    String longName = "a-name-longer-than-ustar-holds-".repeat(4);
    Files.writeString(tree.resolve(longName), "long\n"); // PAX records in the tar berth packs
    Files.writeString(tree.resolve("naïve.txt"), "ï\n");
    Path tree0 = dir.resolve("tree");

    // an existing directory: into it, under the source's name (a directory with all it holds)
    assertEquals(0, cli.run("cp", local.toString(), name + ":/tmp/in").status());
    assertEquals(0, cli.run("cp", tree0.toString(), name + ":/tmp/in/").status());
    // missing, its parent there: copied as that name
    assertEquals(0, cli.run("cp", local.toString(), name + ":/tmp/in/renamed.txt").status());
    assertEquals(0, cli.run("cp", tree0.toString(), name + ":/tmp/in/copied").status());
    assertEquals(0, cli.run("cp", tree0.toString(), name + ":/tmp/in/slashed/").status(), "a directory may create DEST/");
    // DIR/. : what the directory holds
    Result contents = cli.run("cp", tree0 + "/.", name + ":/tmp/in/copied");
    assertEquals(0, contents.status(), contents.toString());
    // a file onto a file: overwritten
    Result over = cli.run("cp", local.toString(), name + ":/tmp/file");
    assertEquals(0, over.status(), over.toString());
    assertEquals("", over.out() + over.err());
    Result cat = cli.run("exec", name, "sh", "-c", "cd /tmp && cat in/greeting.txt in/tree/sub/leaf in/renamed.txt"
        + " in/copied/sub/leaf in/copied/top in/slashed/top file; ls in/copied");
    assertEquals("hello from here\nleaf\nhello from here\nleaf\ntop\ntop\nhello from here\nsub\ntop\n", cat.out(), cat.toString());
    assertEquals("long\nï\n", cli.run("exec", name, "cat", "/tmp/in/copied/sub/" + longName, "/tmp/in/copied/sub/naïve.txt").out());

    // - reads a tar from stdin into a directory
    byte[] tar = TarExtractTest.tar(TarExtractTest.entry("piped.txt", '0', "", "hello from here\n"),
        TarExtractTest.entry("piped/", '5', "", ""), TarExtractTest.entry("piped/sub/", '5', "", ""),
        TarExtractTest.entry("piped/sub/leaf", '0', "", "leaf\n"));
    Result piped = Cli.at(engine.address()).stdin(tar).run("cp", "-", name + ":/tmp/in");
    assertEquals(0, piped.status(), piped.toString());
    assertEquals("hello from here\nleaf\n", cli.run("exec", name, "cat", "/tmp/in/piped.txt", "/tmp/in/piped/sub/leaf").out());

    assertFails(1, name + ":/tmp/file: cannot copy a directory onto a file", cli.run("cp", tree0.toString(), name + ":/tmp/file"));
    assertFails(4, name + ":/tmp/in/newdir/: no such directory in the container",
        cli.run("cp", local.toString(), name + ":/tmp/in/newdir/"));
    assertFails(4, name + ":/tmp/nope/x: no such directory in the container: /tmp/nope",
        cli.run("cp", local.toString(), name + ":/tmp/nope/x"));
    assertFails(1, name + ":/tmp/file/: not a directory", cli.run("cp", local.toString(), name + ":/tmp/file/"));
    assertFails(4, "no such local file or directory", cli.run("cp", dir.resolve("absent").toString(), name + ":/tmp"));
    assertFails(4, "No such container: " + name + "-gone", cli.run("cp", local.toString(), name + "-gone:/tmp"));
    assertFails(4, "no such directory in the container", Cli.at(engine.address()).stdin(tar).run("cp", "-", name + ":/tmp/absent"));
    assertFails(1, "not a directory", Cli.at(engine.address()).stdin(tar).run("cp", "-", name + ":/tmp/file"));
    assertFails(1, "/dev/null: a device, pipe or socket", cli.run("cp", "/dev/null", name + ":/tmp/in"));
    Path withFifo = Files.createDirectories(dir.resolve("with-fifo"));
    Files.writeString(withFifo.resolve("a"), "a\n");
    assertEquals(0, new ProcessBuilder("mkfifo", withFifo.resolve("pipe").toString()).start().waitFor());
    assertFails(1, withFifo.resolve("pipe") + ": a device, pipe or socket", cli.run("cp", withFifo.toString(), name + ":/tmp/in"));
    assertEquals(1, cli.run("exec", name, "test", "-e", "/tmp/in/with-fifo").status(), "nothing sent");
    Result one = cli.run("cp", local.toString());
    assertEquals(2, one.status(), one.toString());
    assertTrue(one.err().startsWith("berth: missing the destination\n"), one.err());
    assertEquals("hello from here\n", cli.run("exec", name, "cat", "/tmp/file").out(), "the failures changed nothing");
    assertEquals(1, cli.run("exec", name, "test", "-e", "/tmp/in/newdir").status());
  }

  @Test
  void cpOutOfAContainerFollowsDockersRules(TestEngine engine, @TempDir Path dir) throws Exception {
    Cli cli = Cli.at(engine.address());
    String name = cpContainer(cli, engine);

    Path back = dir.resolve("back.txt");
    Result out = cli.run("cp", name + ":/tmp/file", back.toString());
    assertEquals(0, out.status(), out.toString());
    assertEquals("file\n", Files.readString(back));
    Path existing = Files.writeString(dir.resolve("existing.txt"), "an older and longer text\n");
    assertEquals(0, cli.run("cp", name + ":/tmp/file", existing.toString()).status());
    assertEquals("file\n", Files.readString(existing), "overwritten");
    Path into = Files.createDirectories(dir.resolve("into"));
    assertEquals(0, cli.run("cp", name + ":/tmp/tree", into.toString()).status());
    assertEquals("leaf\n", Files.readString(into.resolve("tree/sub/leaf")));
    assertEquals(0, cli.run("cp", name + ":/tmp/tree", dir.resolve("renamed").toString()).status());
    assertEquals("leaf\n", Files.readString(dir.resolve("renamed/sub/leaf")));
    assertEquals(0, cli.run("cp", name + ":/tmp/tree/.", into.toString()).status());
    assertEquals("leaf\n", Files.readString(into.resolve("sub/leaf")), "DIR/. copies what it holds");
    assertEquals(0, cli.run("cp", name + ":/tmp/tree/.", dir.resolve("fresh").toString()).status());
    assertEquals("leaf\n", Files.readString(dir.resolve("fresh/sub/leaf")), "DIR/. onto a new name");
    assertEquals(0, cli.run("cp", name + ":/tmp/tree/", dir.resolve("made") + "/").status());
    assertEquals("leaf\n", Files.readString(dir.resolve("made/sub/leaf")));
    Result tar = cli.run("cp", name + ":/tmp/file", "-");
    assertEquals(0, tar.status(), tar.toString());
    assertTrue(tar.out().startsWith("file\0") && tar.out().contains("ustar"), tar.out());

    assertFails(4, "Could not find the file /no/such/file", cli.run("cp", name + ":/no/such/file", dir.toString()));
    assertFails(4, "No such container: " + name + "-gone", cli.run("cp", name + "-gone:/tmp/file", dir.toString()));
    assertFails(1, existing + ": cannot copy a directory onto a file", cli.run("cp", name + ":/tmp/tree", existing.toString()));
    assertFails(4, dir.resolve("missing") + "/: no such directory", cli.run("cp", name + ":/tmp/file", dir.resolve("missing") + "/"));
    assertFails(4, "its parent directory does not exist", cli.run("cp", name + ":/tmp/file", dir.resolve("a/b").toString()));
    assertFails(1, name + ":/tmp/file/: not a directory", cli.run("cp", name + ":/tmp/file/", dir.toString()));
    Result bothLocal = cli.run("cp", back.toString(), existing.toString());
    assertEquals(2, bothLocal.status(), bothLocal.toString());
    assertTrue(bothLocal.err().startsWith("berth: one of the two must be CONTAINER:PATH"), bothLocal.err());
    assertEquals("file\n", Files.readString(existing), "the failures changed nothing");
    assertFalse(Files.exists(dir.resolve("missing")));
  }
}
