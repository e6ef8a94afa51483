package dev.berth.transport.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Authentication by ssh-agent alone: a real {@code ssh-agent} on a socket of our own, given to the
 * dialer with {@link SshDialer.Builder#agent(Path)}, no identity file.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SshAgentTest {
  private Path dir;
  private Path socket;
  private Process agent;

  @BeforeEach
  void startAgent() throws Exception {
    SshRig.check();
    dir = Files.createTempDirectory(Path.of("/tmp"), "berth-agent"); // short: Unix socket paths are limited
    socket = dir.resolve("agent.sock");
    agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("agent.log").toFile()).start();
    long until = System.nanoTime() + 5_000_000_000L;
    while (!Files.exists(socket)) {
      if (!agent.isAlive() || System.nanoTime() > until) {
        throw new AssertionError("ssh-agent did not start: " + Files.readString(dir.resolve("agent.log")));
      }
      Thread.sleep(20);
    }
  }

  @AfterEach
  void stopAgent() throws Exception {
    if (agent != null) {
      agent.destroy();
      if (!agent.waitFor(5, TimeUnit.SECONDS)) {
        agent.destroyForcibly();
      }
    }
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private void add(String key) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("ssh-add", SshRig.dir().resolve(key).toString()).redirectErrorStream(true);
    pb.environment().put("SSH_AUTH_SOCK", socket.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), "ssh-add: " + out);
  }

  @Test
  void theAgentsKeyAloneAuthenticates() throws Exception {
    add("id_ed25519");
    SshErrorsTest.pings(SshRig.bare(SshRig.host()).agent(socket).build());
    SshErrorsTest.pings(SshRig.bare(SshRig.host()).agent(socket).dialStdio().build());
  }

  @Test
  void theLocalSshClientGetsTheAgentSocket() throws Exception {
    add("id_rsa_pem");
    SshErrorsTest.pings(SshRig.bare(SshRig.host()).agent(socket).localSsh("ssh").build());
  }

  @Test
  void anEmptyAgentIsAnAuthenticationError() {
    SshException e = assertThrows(SshException.class,
        () -> SshRig.bare(SshRig.host()).agent(socket).build().dial(Duration.ofSeconds(20)).close());
    assertEquals(SshException.Reason.AUTHENTICATION, e.reason(), e.getMessage());
    assertTrue(e.getMessage().contains("ssh-agent"), e.getMessage());
  }

  @Test
  void anAgentWithOnlyAnUnauthorizedKeyIsAnAuthenticationError() throws Exception {
    add("id_unauthorized");
    SshException e = assertThrows(SshException.class,
        () -> SshRig.bare(SshRig.host()).agent(socket).build().dial(Duration.ofSeconds(20)).close());
    assertEquals(SshException.Reason.AUTHENTICATION, e.reason(), e.getMessage());
  }

  @Test
  void agentFalseIgnoresTheAgent() throws Exception {
    add("id_ed25519");
    SshException e = assertThrows(SshException.class,
        () -> SshRig.bare(SshRig.host()).agent(socket).agent(false).build().dial(Duration.ofSeconds(20)).close());
    assertEquals(SshException.Reason.AUTHENTICATION, e.reason(), e.getMessage());
  }
}
