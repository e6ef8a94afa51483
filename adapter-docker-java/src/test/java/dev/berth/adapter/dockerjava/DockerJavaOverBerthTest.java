package dev.berth.adapter.dockerjava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import dev.berth.testkit.EngineTest;
import dev.berth.testkit.TestEngine;
import dev.berth.testkit.TestEngines;
import dev.berth.testkit.TrackingDialer;
import dev.berth.transport.Endpoint;
import dev.berth.transport.Http1Doer;
import dev.berth.transport.ssh.SshDialer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docker-java's own API (docker-java-core, test scope) over {@link BerthDockerHttpClient}, on the
 * Unix socket and over SSH to the rig's sshd (stream-local channel to the engine socket): create,
 * start, logs, exec with stdin, wait, remove, push and pull through the local registry. Every
 * connection is closed after each test; containers run with network mode none.
 */
@EngineTest
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DockerJavaOverBerthTest {

  private TrackingDialer dialer;
  private SshDialer ssh;
  private DockerClient docker;

  /** docker-java over berth: the Unix socket of the test engine, or the rig's sshd in front of it. */
  private DockerClient docker(String via, TestEngine engine) {
    if (via.equals("ssh")) {
      ssh = Rig.sshDialer();
      dialer = new TrackingDialer(ssh);
    } else {
      dialer = new TrackingDialer(Endpoint.parse(engine.address()).dialer());
    }
    DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
        .withDockerHost(via.equals("ssh") ? Rig.sshHost() : engine.address())
        .withApiVersion("1.41")
        .build();
    docker = DockerClientImpl.getInstance(config, BerthDockerHttpClient.owning(Http1Doer.of(dialer)));
    return docker;
  }

  @AfterEach
  void everyConnectionClosed() throws IOException {
    if (docker != null) {
      docker.close();
    }
    if (ssh != null) {
      ssh.close();
    }
    if (dialer != null) {
      assertEquals(0, dialer.open(), "connections left open by " + dialer);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"unix", "ssh"})
  void createStartLogsWaitRemove(String via, TestEngine engine) throws Exception {
    DockerClient docker = docker(via, engine);
    docker.pingCmd().exec();
    String id = docker.createContainerCmd(engine.image())
        .withCmd("sh", "-c", "echo out; echo err >&2; exit 3")
        .withLabels(engine.labels())
        .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none"))
        .exec().getId();
    docker.startContainerCmd(id).exec();
    assertEquals(3, docker.waitContainerCmd(id).start().awaitStatusCode(60, TimeUnit.SECONDS));
    Frames logs = docker.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true)
        .exec(new Frames());
    assertTrue(logs.awaitCompletion(60, TimeUnit.SECONDS));
    // two pipes in the container: their order is not defined, each frame is
    assertEquals(Set.of("STDOUT:out\n", "STDERR:err\n"), Set.of(logs.text().split("\\|")));
    assertEquals(Boolean.FALSE, docker.inspectContainerCmd(id).exec().getState().getRunning());
    docker.removeContainerCmd(id).withForce(true).exec();
    assertThrows(NotFoundException.class, () -> docker.inspectContainerCmd(id).exec());
  }

  /**
   * docker-java closes the body of a ping unread, and a JSON body once it has its value (before the
   * end of a chunked body): the connection is reused all the same.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"unix", "ssh"})
  void aBodyDockerJavaLeavesUnreadDoesNotCostAConnection(String via, TestEngine engine) {
    DockerClient docker = docker(via, engine);
    String id = docker.createContainerCmd(engine.image()).withCmd("true").withLabels(engine.labels())
        .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none")).exec().getId();
    int before = dialer.dialed();
    for (int i = 0; i < 5; i++) {
      docker.pingCmd().exec();
      docker.versionCmd().exec();
      docker.inspectContainerCmd(id).exec(); // a chunked body
    }
    assertEquals(before, dialer.dialed(), "connections dialed for 15 calls");
  }

  /**
   * The exec that hangs on docker-java's own transports: {@code cat} reads stdin to its end, so
   * it ends only when the adapter half-closes the connection after the input (docker-java #1684).
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"unix", "ssh"})
  void execWithStdinEndsWhenTheInputEnds(String via, TestEngine engine) throws Exception {
    DockerClient docker = docker(via, engine);
    String id = sleeper(docker, engine);
    String exec = docker.execCreateCmd(id).withCmd("sh", "-c", "cat; echo end")
        .withAttachStdin(true).withAttachStdout(true).withAttachStderr(true).exec().getId();
    Frames out = docker.execStartCmd(exec)
        .withStdIn(new ByteArrayInputStream("hello\nworld\n".getBytes(StandardCharsets.UTF_8)))
        .exec(new Frames());
    assertTrue(out.awaitCompletion(60, TimeUnit.SECONDS), "the exec ended after stdin was half-closed");
    assertEquals("STDOUT:hello\nworld\nend\n", out.text().replace("|STDOUT:", ""));
    assertEquals(0L, docker.inspectExecCmd(exec).exec().getExitCodeLong());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"unix", "ssh"})
  void closingTheCallbackStopsTheStdinCopyAndFreesTheConnection(String via, TestEngine engine) throws Exception {
    DockerClient docker = docker(via, engine);
    String id = sleeper(docker, engine);
    String exec = docker.execCreateCmd(id).withCmd("cat")
        .withAttachStdin(true).withAttachStdout(true).exec().getId();
    PipedOutputStream typing = new PipedOutputStream();
    PipedInputStream stdin = new PipedInputStream(typing);
    Frames out = docker.execStartCmd(exec).withStdIn(stdin).exec(new Frames());
    typing.write("first\n".getBytes(StandardCharsets.UTF_8));
    typing.flush();
    out.awaitText("STDOUT:first\n", 30);
    Thread pump = stdinThread();
    out.close(); // stdin never ends: only close() can stop the copy
    pump.join(TimeUnit.SECONDS.toMillis(30));
    assertFalse(pump.isAlive(), "the stdin copy thread ended when the response was closed");
    typing.close();
  }

  /** An upgrade the engine refuses keeps its status and body: docker-java maps it to its error. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"unix", "ssh"})
  void refusedUpgradeIsTheEnginesError(String via, TestEngine engine) throws Exception {
    DockerClient docker = docker(via, engine);
    NotFoundException e = assertThrows(NotFoundException.class, () -> docker.execStartCmd("berth-no-such-exec")
        .withStdIn(new ByteArrayInputStream(new byte[0])).exec(new Frames()).awaitCompletion(30, TimeUnit.SECONDS));
    assertTrue(e.getMessage().contains("No such exec instance: berth-no-such-exec"), e.getMessage());
  }

  /**
   * docker-java escapes the query itself (a space as {@code +}, a plus as {@code %2B}); the target
   * is sent as built, so a label value with both still matches.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"unix", "ssh"})
  void theRequestTargetIsSentAsDockerJavaEscapedIt(String via, TestEngine engine) {
    DockerClient docker = docker(via, engine);
    String value = "a b+c/d%e&f=" + engine.uniqueName("v");
    Map<String, String> labels = new HashMap<>(engine.labels());
    labels.put("dev.berth.adapter", value);
    String id = docker.createContainerCmd(engine.image()).withCmd("true").withLabels(labels)
        .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none")).exec().getId();
    List<Container> found = docker.listContainersCmd().withShowAll(true)
        .withLabelFilter(Map.of("dev.berth.adapter", value)).exec();
    assertEquals(1, found.size());
    assertEquals(id, found.get(0).getId());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"unix", "ssh"})
  void pushAndPullThroughTheLocalRegistry(String via, TestEngine engine) throws Exception {
    DockerClient docker = docker(via, engine);
    String repository = engine.imageName(TestEngines.registry(), "dj-" + via);
    docker.tagImageCmd(engine.image(), repository, "1").exec();
    docker.pushImageCmd(repository).withTag("1").start().awaitCompletion(60, TimeUnit.SECONDS);
    docker.removeImageCmd(repository + ":1").exec();
    assertThrows(NotFoundException.class, () -> docker.inspectImageCmd(repository + ":1").exec());
    assertTrue(docker.pullImageCmd(repository).withTag("1").start().awaitCompletion(60, TimeUnit.SECONDS));
    assertEquals(docker.inspectImageCmd(engine.image()).exec().getId(),
        docker.inspectImageCmd(repository + ":1").exec().getId());
  }

  private static String sleeper(DockerClient docker, TestEngine engine) {
    String id = docker.createContainerCmd(engine.image()).withCmd("sleep", "60").withLabels(engine.labels())
        .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none")).exec().getId();
    docker.startContainerCmd(id).exec();
    return id;
  }

  private static Thread stdinThread() {
    Set<Thread> threads = Thread.getAllStackTraces().keySet();
    return threads.stream().filter(t -> t.getName().startsWith("berth-docker-java-stdin-") && t.isAlive())
        .findFirst().orElseThrow(() -> new AssertionError("no stdin copy thread among " + threads));
  }

  /** Collects frames as {@code STREAM:text} joined by {@code |}. */
  static final class Frames extends ResultCallback.Adapter<Frame> {
    private final StringBuilder text = new StringBuilder();

    @Override
    public void onNext(Frame frame) {
      synchronized (text) {
        text.append(text.length() == 0 ? "" : "|").append(frame.getStreamType()).append(':')
            .append(new String(frame.getPayload(), StandardCharsets.UTF_8));
        text.notifyAll();
      }
    }

    String text() {
      synchronized (text) {
        return text.toString();
      }
    }

    void awaitText(String expected, int seconds) throws InterruptedException {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      synchronized (text) {
        while (!text.toString().equals(expected)) {
          long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
          if (left <= 0) {
            throw new AssertionError("expected " + expected + " but got " + text);
          }
          text.wait(left);
        }
      }
    }

  }

  /** The rig's sshd (scripts/sshd-up): address and keys from BERTH_TEST_SSH_HOST / _DIR. */
  static final class Rig {
    private Rig() {}

    static String sshHost() {
      String v = System.getenv("BERTH_TEST_SSH_HOST");
      return v == null || v.isBlank() ? "ssh://root@127.0.0.1:2222" : v;
    }

    static Path sshDir() {
      String v = System.getenv("BERTH_TEST_SSH_DIR");
      return Path.of(v == null || v.isBlank() ? "/tmp/berth-rig/ssh" : v);
    }

    /** A dialer with the rig's key and known_hosts, nothing from ~/.ssh; close it after use. */
    static SshDialer sshDialer() {
      return SshDialer.builder(Endpoint.parse(sshHost()))
          .identity(sshDir().resolve("id_ed25519"))
          .knownHosts(sshDir().resolve("known_hosts"))
          .sshConfig(null)
          .agent(false)
          .build();
    }
  }
}
