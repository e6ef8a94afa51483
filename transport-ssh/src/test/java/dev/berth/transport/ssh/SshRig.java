package dev.berth.transport.ssh;

import dev.berth.testkit.TestEngines;
import dev.berth.transport.Endpoint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The sshd's of {@code scripts/sshd-up}: {@code BERTH_TEST_SSH_HOST} (forwarding allowed),
 * {@code BERTH_TEST_SSH_NOFWD_HOST} ({@code AllowStreamLocalForwarding no}) and
 * {@code BERTH_TEST_SSH_DIR} (keys, known_hosts, ssh config). An unreachable sshd fails the test
 * when the engine is required ({@code BERTH_REQUIRE_ENGINE=1} or CI), and skips it loudly otherwise,
 * as testkit's engine extension does for engines.
 */
final class SshRig {
  private SshRig() {}

  static String host() {
    return env("BERTH_TEST_SSH_HOST", "ssh://root@127.0.0.1:2222");
  }

  static String noForwardingHost() {
    return env("BERTH_TEST_SSH_NOFWD_HOST", "ssh://root@127.0.0.1:2223");
  }

  static Path dir() {
    return Path.of(env("BERTH_TEST_SSH_DIR", env("BERTH_RIG_DIR", "/tmp/berth-rig") + "/ssh"));
  }

  /** Fails or skips (see the class comment) unless both sshd's answer. */
  static void check() {
    for (String address : new String[] {host(), noForwardingHost()}) {
      Endpoint e = Endpoint.parse(address);
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(e.host(), e.port()), 2000);
      } catch (IOException ex) {
        String why = "the test sshd at " + address + " does not answer (" + ex.getMessage()
            + "); start it with scripts/sshd-up";
        if (TestEngines.engineRequired()) {
          throw new AssertionError(why);
        }
        System.err.println("!!! SKIPPING SSH TEST: " + why + " (set BERTH_REQUIRE_ENGINE=1 to fail instead; CI fails)");
        Assumptions.abort("SKIPPED LOUDLY: " + why);
      }
    }
  }

  /** A builder for {@code address} with the rig's key and known_hosts, and nothing from ~/.ssh. */
  static SshDialer.Builder builder(String address) {
    check();
    return SshDialer.builder(Endpoint.parse(address))
        .identity(dir().resolve("id_ed25519"))
        .knownHosts(dir().resolve("known_hosts"))
        .sshConfig(null)
        .agent(false);
  }

  /** Like {@link #builder} but with no key: the test adds its own. */
  static SshDialer.Builder bare(String address) {
    check();
    return SshDialer.builder(Endpoint.parse(address))
        .knownHosts(dir().resolve("known_hosts"))
        .sshConfig(null)
        .agent(false);
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
