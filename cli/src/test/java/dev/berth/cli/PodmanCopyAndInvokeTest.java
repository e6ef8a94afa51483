package dev.berth.cli;

import static dev.berth.cli.SystemCommandsTest.label;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.cli.Cli.Result;
import dev.berth.testkit.PodmanTest;
import dev.berth.testkit.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cp's rules and invoke's hijacking operations (libpod's own included) against Podman. */
@PodmanTest
class PodmanCopyAndInvokeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void cpRenamesAndRefusesAsAgainstDocker(TestEngine engine, @TempDir Path dir) throws Exception {
    Cli cli = Cli.at(engine.address());
    String name = engine.uniqueName("pcp");
    assertEquals(0, cli.run("run", "-d", "--name", name, "-l", label(engine), engine.image(), "sleep", "60").status());
    Path local = Files.writeString(dir.resolve("hi.txt"), "hi\n");
    Files.createDirectories(dir.resolve("tree/sub"));
    Files.writeString(dir.resolve("tree/sub/leaf"), "leaf\n");

    assertEquals(0, cli.run("cp", local.toString(), name + ":/tmp/renamed.txt").status());
    assertEquals(0, cli.run("cp", dir.resolve("tree").toString(), name + ":/tmp/copied").status());
    assertEquals("hi\nleaf\n", cli.run("exec", name, "cat", "/tmp/renamed.txt", "/tmp/copied/sub/leaf").out());
    Result dirOntoFile = cli.run("cp", dir.resolve("tree").toString(), name + ":/tmp/renamed.txt");
    assertEquals(1, dirOntoFile.status(), dirOntoFile.toString());
    assertTrue(dirOntoFile.err().contains("cannot copy a directory onto a file"), dirOntoFile.err());

    assertEquals(0, cli.run("cp", name + ":/tmp/copied/.", dir.resolve("back").toString()).status());
    assertEquals("leaf\n", Files.readString(dir.resolve("back/sub/leaf")));
    Result missing = cli.run("cp", name + ":/tmp/absent", dir.toString());
    assertEquals(4, missing.status(), missing.toString());
  }

  @Test
  void invokeRunsLibpodExecWithAndWithoutATerminal(TestEngine engine) throws Exception {
    Cli cli = Cli.at(engine.address());
    String name = engine.uniqueName("pinv");
    assertEquals(0, cli.run("run", "-d", "--name", name, "-l", label(engine), engine.image(), "sleep", "60").status());
    Result created = cli.run("invoke", "ContainerExecLibpod", "name=" + name, "--body",
        "{\"AttachStdin\":true,\"AttachStdout\":true,\"AttachStderr\":true,\"Cmd\":[\"sh\",\"-c\",\"cat; echo e >&2; exit 5\"]}");
    assertEquals(0, created.status(), created.toString());
    Result started = Cli.at(engine.address()).stdin("abc")
        .run("invoke", "ExecStartLibpod", "id=" + JSON.readTree(created.out()).get("Id").asText());
    assertEquals(5, started.status(), started.toString());
    assertEquals("abc", started.out());
    assertEquals("e\n", started.err());

    Result tty = cli.run("invoke", "ContainerExecLibpod", "name=" + name, "--body",
        "{\"AttachStdin\":true,\"AttachStdout\":true,\"Tty\":true,\"Cmd\":[\"sh\",\"-c\",\"cat; exit 6\"]}");
    Result ttyStarted = Cli.at(engine.address()).stdin("abc\n")
        .run("invoke", "ExecStartLibpod", "id=" + JSON.readTree(tty.out()).get("Id").asText());
    assertEquals(6, ttyStarted.status(), ttyStarted.toString());
    assertEquals("abc\r\nabc\r\n", ttyStarted.out(), "framed by the session's TTY, which Podman's exec start follows");
  }
}
