package dev.berth.transport.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.EngineClient;
import dev.berth.config.EngineConfig;
import dev.berth.config.Engines;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code DOCKER_HOST=ssh://…} and a Docker context with an ssh endpoint reach the engine through
 * discovery, with the user's {@code ~/.ssh/config} and known_hosts (a temporary home here).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SshDiscoveryTest {
  @TempDir
  Path home;
  private String savedHome;

  @BeforeEach
  void userWithSshConfig() throws Exception {
    SshRig.check();
    Path ssh = Files.createDirectories(home.resolve(".ssh"));
    Files.writeString(ssh.resolve("config"), "Host 127.0.0.1\n"
        + "  IdentityFile " + SshRig.dir().resolve("id_ed25519") + "\n"
        + "  IdentitiesOnly yes\n");
    Files.copy(SshRig.dir().resolve("known_hosts_hashed"), ssh.resolve("known_hosts"));
    savedHome = System.getProperty("user.home");
    System.setProperty("user.home", home.toString());
  }

  @AfterEach
  void restoreHome() {
    System.setProperty("user.home", savedHome);
  }

  @Test
  void dockerHostSshReachesTheEngine() {
    EngineConfig c = Engines.resolve(Map.of("DOCKER_HOST", SshRig.host()), home);
    assertTrue(c.describe().contains(SshRig.host()), c.describe());
    assertTrue(c.dialer() instanceof SshDialer);
    try (EngineClient client = c.connect()) {
      client.ping();
    }
  }

  @Test
  void aContextWithAnSshEndpointReachesTheEngine() throws Exception {
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("remote".getBytes(StandardCharsets.UTF_8)));
    Path meta = home.resolve(".docker/contexts/meta/" + sha + "/meta.json");
    Files.createDirectories(meta.getParent());
    Files.writeString(meta, "{\"Name\":\"remote\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\""
        + SshRig.host() + "\",\"SkipTLSVerify\":false}}}");
    EngineConfig c = Engines.resolve(Map.of("DOCKER_CONTEXT", "remote"), home);
    assertEquals(SshRig.host() + "/var/run/docker.sock", c.dialer().toString());
    try (EngineClient client = c.connect()) {
      client.ping();
    }
  }
}
