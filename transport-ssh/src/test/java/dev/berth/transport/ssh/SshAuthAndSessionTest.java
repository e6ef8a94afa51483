package dev.berth.transport.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.transport.Connection;
import dev.berth.transport.Dialer;
import dev.berth.transport.Endpoint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Keys in each format, ~/.ssh/config, the ServiceLoader provider, and the one shared session. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SshAuthAndSessionTest {

  @Test
  void anOpenSshFormatEd25519KeyAuthenticates() throws Exception {
    SshErrorsTest.pings(SshRig.builder(SshRig.host()).build());
  }

  @Test
  void aPemRsaKeyAuthenticates() throws Exception {
    assertTrue(Files.readString(SshRig.dir().resolve("id_rsa_pem")).startsWith("-----BEGIN RSA PRIVATE KEY-----"));
    SshErrorsTest.pings(SshRig.bare(SshRig.host()).identity(SshRig.dir().resolve("id_rsa_pem")).build());
  }

  @Test
  void anEncryptedKeyAuthenticatesWithItsPassphrase() throws Exception {
    char[] passphrase = Files.readString(SshRig.dir().resolve("passphrase")).strip().toCharArray();
    SshErrorsTest.pings(SshRig.bare(SshRig.host()).identity(SshRig.dir().resolve("id_ed25519_pass"), passphrase).build());
  }

  @Test
  void anSshConfigAliasGivesHostNamePortUserKeyAndKnownHosts() throws Exception {
    SshRig.check();
    SshDialer d = SshDialer.builder("berth-ssh").sshConfig(SshRig.dir().resolve("config")).agent(false).build();
    assertEquals("ssh://root@127.0.0.1:2222/var/run/docker.sock", d.toString());
    SshErrorsTest.pings(d);
  }

  @Test
  void anSshAddressWithAnAliasTakesPortAndUserFromTheConfig() throws Exception {
    SshRig.check();
    SshDialer d = SshDialer.builder(Endpoint.parse("ssh://berth-ssh")).sshConfig(SshRig.dir().resolve("config")).agent(false).build();
    assertEquals("ssh://root@127.0.0.1:2222/var/run/docker.sock", d.toString());
    SshErrorsTest.pings(d);
  }

  @Test
  void theAddressPathIsTheRemoteSocket() {
    SshDialer d = SshDialer.builder(Endpoint.parse("ssh://me@host:2200/run/user/1000/docker.sock")).sshConfig(null).build();
    assertEquals("/run/user/1000/docker.sock", d.remoteSocket().orElseThrow());
    assertEquals("ssh://me@host:2200/run/user/1000/docker.sock", d.toString());
  }

  @Test
  void endpointDialerFindsTheSshProvider() {
    Dialer d = Endpoint.parse("ssh://root@127.0.0.1:2222").dialer();
    assertTrue(d instanceof SshDialer, d.getClass().getName());
    assertEquals("ssh://root@127.0.0.1:2222/var/run/docker.sock", d.toString());
  }

  @Test
  void connectionsShareOneSessionWhichClosesWithTheLastAndReopens() throws Exception {
    SshDialer dialer = SshRig.builder(SshRig.host()).build();
    int before = sshdSessions();
    Connection a = dialer.dial(Duration.ofSeconds(20));
    Connection b = dialer.dial(Duration.ofSeconds(20));
    Connection c = dialer.dial(Duration.ofSeconds(20));
    for (Connection x : new Connection[] {a, b, c}) {
      x.output().write("GET /_ping HTTP/1.1\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      x.output().flush();
      x.setReadTimeout(Duration.ofSeconds(10));
      assertTrue(x.input().read() == 'H');
    }
    assertEquals(before + 1, sshdSessions(), "three channels, one SSH session");
    a.close();
    b.close();
    c.close();
    waitFor(() -> sshdSessions() == before, "the session closes with its last channel");
    SshErrorsTest.pings(dialer);
  }

  /**
   * JSch hands every channel's data to one session thread: a stream nobody reads must not hold up
   * the other connections on the session (regression: it did, while reads blocked that thread).
   */
  @Test
  void aStreamNobodyReadsDoesNotStallTheOtherConnections() throws Exception {
    for (boolean dialStdio : new boolean[] {false, true}) {
      SshDialer.Builder b = SshRig.builder(SshRig.host());
      SshDialer dialer = (dialStdio ? b.dialStdio() : b).build();
      Connection unread = dialer.dial(Duration.ofSeconds(20));
      Connection other = dialer.dial(Duration.ofSeconds(20));
      // about 3 MB of answers, more than JSch's 1 MB channel window and any pipe, left unread
      StringBuilder many = new StringBuilder();
      for (int i = 0; i < 3000; i++) {
        many.append("GET /v1.41/version HTTP/1.1\r\nHost: docker\r\n\r\n");
      }
      unread.output().write(many.toString().getBytes(StandardCharsets.US_ASCII));
      unread.output().flush();
      long until = System.nanoTime() + 30_000_000_000L;
      while (unread.input().available() < 1_500_000 && System.nanoTime() < until) {
        Thread.sleep(50);
      }
      assertTrue(unread.input().available() >= 1_500_000, "the unread answers are buffered, beyond JSch's window: "
          + unread.input().available());
      for (int i = 0; i < 5; i++) {
        other.output().write("GET /_ping HTTP/1.1\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        other.output().flush();
        other.setReadTimeout(Duration.ofSeconds(5));
        byte[] buf = new byte[4096];
        String got = "";
        while (!got.endsWith("OK")) {
          int n = other.input().read(buf);
          assertTrue(n > 0, "the other connection answers");
          got += new String(buf, 0, n, StandardCharsets.US_ASCII);
        }
      }
      unread.close();
      other.close();
    }
  }

  /** TCP connections from us to the test sshd, as the kernel lists them. */
  private static int sshdSessions() throws Exception {
    int port = Endpoint.parse(SshRig.host()).port();
    String hex = String.format(":%04X", port);
    int n = 0;
    java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(java.nio.file.Path.of("/proc/net/tcp")));
    lines.addAll(Files.readAllLines(java.nio.file.Path.of("/proc/net/tcp6"))); // the JVM's sockets are often IPv6
    for (String line : lines) {
      String[] f = line.trim().split("\\s+");
      if (f.length > 3 && f[2].endsWith(hex) && f[3].equals("01")) { // remote = sshd, ESTABLISHED
        n++;
      }
    }
    return n;
  }

  private static void waitFor(java.util.concurrent.Callable<Boolean> cond, String what) throws Exception {
    long until = System.nanoTime() + 5_000_000_000L;
    while (!cond.call()) {
      if (System.nanoTime() > until) {
        throw new AssertionError(what);
      }
      Thread.sleep(20);
    }
  }
}
