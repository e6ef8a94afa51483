package dev.berth.adapter.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import dev.berth.testkit.EngineTest;
import dev.berth.testkit.TestEngine;
import dev.berth.testkit.TestEngines;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.IsRunningStartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Testcontainers itself, with this module on the class path and nothing configured, picks berth's
 * strategy and runs a container from {@code busybox:local} through it (network mode none, no ports,
 * a log-line wait). The build runs this class three times (see the pom): Testcontainers 1.21 on the
 * probed local socket, 1.21 with {@code DOCKER_HOST=ssh://} to the rig's sshd, and 2.x.
 */
@EngineTest
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TestcontainersOverBerthTest {

  private static final String RUN = System.getenv().getOrDefault("BERTH_TC_RUN", "tc1");
  private static final Path HOME = Path.of(System.getProperty("user.home"));

  /**
   * A home folder per run (Testcontainers writes its properties file there); for the ssh
   * run the user's ~/.ssh has the rig's key and known_hosts, as on a real machine.
   */
  @BeforeAll
  static void home() throws Exception {
    Files.createDirectories(HOME);
    if (!RUN.equals("ssh")) {
      return;
    }
    String dir = System.getenv("BERTH_TEST_SSH_DIR");
    Path rig = Path.of(dir == null || dir.isBlank() ? "/tmp/berth-rig/ssh" : dir);
    Path ssh = Files.createDirectories(HOME.resolve(".ssh"));
    Files.writeString(ssh.resolve("config"), "Host 127.0.0.1\n  IdentityFile " + rig.resolve("id_ed25519")
        + "\n  IdentitiesOnly yes\n");
    Files.copy(rig.resolve("known_hosts"), ssh.resolve("known_hosts"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void testcontainersPicksBerthsStrategy() {
    DockerClientFactory factory = DockerClientFactory.instance();
    factory.client();
    assertTrue(factory.isUsing(BerthClientProviderStrategy.class), "the strategy Testcontainers chose");
    String host = factory.getTransportConfig().getDockerHost().toString();
    if (RUN.equals("ssh")) {
      assertEquals(System.getenv("DOCKER_HOST"), host);
      assertEquals("127.0.0.1", factory.dockerHostIpAddress());
    } else {
      assertTrue(host.startsWith("unix://"), host);
      assertEquals("localhost", factory.dockerHostIpAddress());
    }
    assertTrue(DockerClientFactory.TESTCONTAINERS_VERSION.startsWith(RUN.equals("tc2") ? "2." : "1.21."),
        DockerClientFactory.TESTCONTAINERS_VERSION);
  }

  @Test
  void aGenericContainerStartsAndItsLogsAndExecResultsAreRead(TestEngine engine) throws Exception {
    try (GenericContainer<?> c = busybox(engine, "echo ready; echo warn >&2; exec sleep 60")) {
      c.start();
      assertEquals("ready\nwarn\n", sorted(c.getLogs()));
      ExecResult r = c.execInContainer("sh", "-c", "echo out; echo err >&2; exit 4");
      assertEquals(4, r.getExitCode());
      assertEquals("out\n", r.getStdout());
      assertEquals("err\n", r.getStderr());
    }
  }

  /**
   * docker-java's exec with stdin through the client Testcontainers hands out: {@code cat} ends
   * only when stdin is half-closed after the input, which docker-java's own transports never do.
   */
  @Test
  void execWithStdinCompletesThroughTheContainersClient(TestEngine engine) throws Exception {
    try (GenericContainer<?> c = busybox(engine, "echo ready; exec sleep 60")) {
      c.start();
      DockerClient docker = c.getDockerClient();
      String exec = docker.execCreateCmd(c.getContainerId()).withCmd("sh", "-c", "cat; echo eof")
          .withAttachStdin(true).withAttachStdout(true).exec().getId();
      StringBuilder out = new StringBuilder();
      ResultCallback.Adapter<Frame> done = docker.execStartCmd(exec)
          .withStdIn(new ByteArrayInputStream("typed\n".getBytes(StandardCharsets.UTF_8)))
          .exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame f) {
              synchronized (out) {
                out.append(new String(f.getPayload(), StandardCharsets.UTF_8));
              }
            }
          });
      assertTrue(done.awaitCompletion(60, TimeUnit.SECONDS), "the exec ended once stdin was half-closed");
      synchronized (out) {
        assertEquals("typed\neof\n", out.toString());
      }
      assertEquals(0L, docker.inspectExecCmd(exec).exec().getExitCodeLong());
    }
  }

  /** An image Testcontainers must pull: from the local registry, through berth. */
  @Test
  void anImageMissingLocallyIsPulledFromTheRegistry(TestEngine engine) throws Exception {
    DockerClient docker = DockerClientFactory.instance().client();
    String repository = engine.imageName(TestEngines.registry(), "tc-" + RUN);
    docker.tagImageCmd(engine.image(), repository, "1").exec();
    docker.pushImageCmd(repository).withTag("1").start().awaitCompletion(60, TimeUnit.SECONDS);
    docker.removeImageCmd(repository + ":1").exec();
    try (GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(repository + ":1"))
        .withCommand("sh", "-c", "echo pulled; exec sleep 60")
        .withNetworkMode("none")
        .withLabels(engine.labels())
        .withStartupCheckStrategy(new IsRunningStartupCheckStrategy())
        .waitingFor(Wait.forLogMessage("pulled\\n", 1))) {
      c.start();
      assertEquals("pulled\n", c.getLogs());
    }
  }

  private static GenericContainer<?> busybox(TestEngine engine, String script) {
    return new GenericContainer<>(DockerImageName.parse(engine.image()))
        .withCommand("sh", "-c", script)
        .withNetworkMode("none")
        .withLabels(engine.labels())
        .withStartupCheckStrategy(new IsRunningStartupCheckStrategy())
        .waitingFor(Wait.forLogMessage("ready\\n", 1));
  }

  /** Lines in order: stdout and stderr are two pipes, their interleaving is not defined. */
  private static String sorted(String lines) {
    return String.join("\n", new java.util.TreeSet<>(java.util.List.of(lines.split("\n")))) + "\n";
  }
}
