package dev.berth.cli;

import static dev.berth.cli.SystemCommandsTest.label;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.cli.Cli.Result;
import dev.berth.testkit.EngineTest;
import dev.berth.testkit.TestEngine;
import dev.berth.testkit.TestEngines;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EngineTest
class ImageCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void imagesListsTheTestImage(TestEngine engine) throws Exception {
    Cli cli = Cli.at(engine.address());
    Result r = cli.run("images", "--filter", "reference=" + engine.image());
    assertEquals(0, r.status(), r.toString());
    String[] rows = r.out().split("\n");
    assertTrue(rows[0].matches("REPOSITORY\\s+TAG\\s+IMAGE ID\\s+CREATED\\s+SIZE"), r.out());
    String[] ref = engine.image().split(":");
    assertTrue(rows[1].matches(ref[0] + "\\s+" + ref[1] + "\\s+[0-9a-f]{12}\\s+.+ ago\\s+[\\d.]+[kMG]?B"), r.out());
    assertEquals(engine.image(), JSON.readTree(cli.run("images", "--format", "json", "-f", "reference=" + engine.image()).out())
        .get(0).get("RepoTags").get(0).asText());
  }

  @Test
  void buildFromADirectoryWithTagsAndBuildArgsThenRunIt(TestEngine engine, @TempDir Path dir) throws Exception {
    Cli cli = Cli.at(engine.address());
    Files.writeString(dir.resolve("Dockerfile"), "FROM " + engine.image() + "\nARG GREETING\nLABEL " + label(engine)
        + "\nCOPY note.txt /note.txt\nRUN echo \"$GREETING\" > /greeting\n");
    Files.writeString(dir.resolve("note.txt"), "noted\n");
    String tag = engine.imageName("build") + ":1";
    Result build = cli.run("build", "-t", tag, "--build-arg", "GREETING=hi there", dir.toString());
    assertEquals(0, build.status(), build.toString());
    assertTrue(build.out().contains("Step 1/5 : FROM " + engine.image()), build.out());
    assertTrue(build.out().matches("(?s).*\nbuilt [0-9a-f]{12} as " + tag + "\n"), build.out());
    Result run = cli.run("run", "--rm", "-l", label(engine), tag, "cat", "/greeting", "/note.txt");
    assertEquals("hi there\nnoted\n", run.out(), run.toString());
  }

  @Test
  void buildFromATarAndAFailingStep(TestEngine engine, @TempDir Path dir) throws Exception {
    Cli cli = Cli.at(engine.address());
    Path context = Files.createDirectories(dir.resolve("context"));
    Files.writeString(context.resolve("Dockerfile"), "FROM " + engine.image() + "\nLABEL " + label(engine) + "\nRUN exit 3\n");
    Path tar = dir.resolve("context.tar");
    // tar(1) makes the archive, so the test does not depend on berth's own tar code
    assertEquals(0, new ProcessBuilder("tar", "-cf", tar.toString(), "-C", context.toString(), "Dockerfile").inheritIO()
        .start().waitFor());
    Result r = cli.run("build", "-q", tar.toString());
    assertEquals(1, r.status(), r.toString());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("berth: ") && r.err().contains("returned a non-zero code: 3"), r.err());

    Result missing = cli.run("build", dir.resolve("nope").toString());
    assertEquals(4, missing.status(), missing.toString());
  }

  @Test
  void pushAndPullShowPlainLinesWhenNotOnATerminal(TestEngine engine) {
    Cli cli = Cli.at(engine.address());
    String ref = engine.imageName(TestEngines.registry(), "push") + ":1";
    assertEquals(0, cli.run("tag", engine.image(), ref).status());
    Result push = cli.run("push", ref);
    assertEquals(0, push.status(), push.toString());
    assertFalse(push.out().contains("\033["), push.out());
    assertTrue(push.out().startsWith("The push refers to repository [" + ref.substring(0, ref.lastIndexOf(':')) + "]\n"),
        push.out());
    // a layer the registry already holds (another test pushed busybox) is mounted, not sent again
    assertTrue(push.out().matches("(?s).*\n[0-9a-f]{12}: (Pushed|Mounted from \\S+|Layer already exists)\n.*"), push.out());
    assertFalse(push.out().contains(": Pushing\n[0-9a-f]{12}: Pushing"), "one line per state, not per tick");
    assertTrue(push.out().matches("(?s).*\n1 layers, [\\d.]+[kM]?B transferred in [\\d.]+s \\([\\d.]+[kM]?B/s\\)\n"),
        push.out());

    Result rmi = cli.run("rmi", ref);
    assertEquals(0, rmi.status(), rmi.toString());
    assertEquals("untagged: " + ref + "\n", rmi.out().lines().findFirst().orElseThrow() + "\n");
    Result pull = cli.run("pull", ref);
    assertEquals(0, pull.status(), pull.toString());
    assertTrue(pull.out().contains("Status: Downloaded newer image for " + ref), pull.out());
    // the engine still has the layer (busybox:local), so it reports no layer lines, only the outcome
    assertFalse(pull.out().contains("\033["), pull.out());
  }

  @Test
  void pushOnATerminalDrawsBarsAndATotal(TestEngine engine) {
    String ref = engine.imageName(TestEngines.registry(), "bars") + ":1";
    Cli cli = Cli.at(engine.address()).terminal(true);
    assertEquals(0, cli.run("tag", engine.image(), ref).status());
    Result push = cli.run("push", ref);
    assertEquals(0, push.status(), push.toString());
    assertTrue(push.out().contains("\033[2K"), push.out());
    assertTrue(push.out().contains("\033[2A"), "redrawn in place: " + push.out());
    assertTrue(push.out().matches("(?s).*\033\\[2Ktotal [\\d.]+[kM]?B/[\\d.]+[kM]?B, [\\d.]+[kM]?B/s\n.*"), push.out());
  }

  @Test
  void pullOfAMissingImageAndRmiOfAMissingImageAreOneLine(TestEngine engine) {
    Cli cli = Cli.at(engine.address());
    Result pull = cli.run("pull", TestEngines.registry() + "/berth-test-none/missing:1");
    assertTrue(pull.status() == 1 || pull.status() == 4, pull.toString());
    assertEquals(1, pull.err().lines().count(), pull.err());
    Result rmi = cli.run("rmi", "berth-test-none/missing:1");
    assertEquals(4, rmi.status(), rmi.toString());
    assertEquals(1, rmi.err().lines().count(), rmi.err());
  }
}
