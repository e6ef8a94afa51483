package dev.berth.transport.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.berth.transport.Connection;
import dev.berth.transport.Dialer;
import dev.berth.transport.Http1Doer;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each way an ssh:// connection fails, against the real sshd's of scripts/sshd-up: a typed, clear error. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SshErrorsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  static SshException dialFails(Dialer dialer) {
    try (Http1Doer doer = Http1Doer.of(dialer); Response r = doer.send(Request.get("/_ping").build())) {
      fail("expected the dial to fail; got " + r.status());
      return null;
    } catch (IOException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof SshException) {
          return (SshException) t;
        }
      }
      throw new AssertionError("not an SshException: " + e, e);
    }
  }

  static void pings(Dialer dialer) throws IOException {
    try (Http1Doer doer = Http1Doer.of(dialer); Response r = doer.send(Request.get("/_ping").build())) {
      assertEquals(200, r.status());
      assertEquals("OK", new String(r.body().stream().readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static String hostFingerprint() throws Exception {
    Process p = new ProcessBuilder("ssh-keygen", "-l", "-E", "sha256", "-f",
        SshRig.dir().resolve("host_ed25519.pub").toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return out.split(" ")[1]; // "256 SHA256:... comment (ED25519)"
  }

  @Test
  void aKeyTheServerDoesNotKnowIsAnAuthenticationErrorNamingUserAndHost() {
    SshException e = dialFails(SshRig.bare(SshRig.host())
        .identity(SshRig.dir().resolve("id_unauthorized")).build());
    assertEquals(SshException.Reason.AUTHENTICATION, e.reason());
    assertTrue(e.getMessage().contains("root@127.0.0.1:2222") && e.getMessage().contains("id_unauthorized"), e.getMessage());
  }

  @Test
  void aWrongPassphraseIsAnAuthenticationErrorThatNeverShowsThePassphrase() {
    String secret = "not-the-Passphrase-4711";
    SshException e = dialFails(SshRig.bare(SshRig.host())
        .identity(SshRig.dir().resolve("id_ed25519_pass"), secret.toCharArray()).build());
    assertEquals(SshException.Reason.AUTHENTICATION, e.reason());
    assertTrue(e.getMessage().contains("id_ed25519_pass"), e.getMessage());
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains(secret), "the passphrase leaked: " + t);
    }
  }

  @Test
  void anUnknownHostKeyIsRefusedNamingHostAndFingerprint(@TempDir Path dir) throws Exception {
    Path empty = Files.createFile(dir.resolve("known_hosts"));
    SshException e = dialFails(SshRig.builder(SshRig.host()).knownHosts(empty).build());
    assertEquals(SshException.Reason.HOST_KEY_UNKNOWN, e.reason());
    SshHostKeyException h = (SshHostKeyException) e;
    assertEquals(hostFingerprint(), h.fingerprint());
    assertEquals("ssh-ed25519", h.keyType());
    assertTrue(e.getMessage().contains("[127.0.0.1]:2222") && e.getMessage().contains(h.fingerprint()), e.getMessage());
    assertEquals("", Files.readString(empty), "known_hosts is never written");
  }

  @Test
  void aChangedHostKeyIsRefusedEvenWhenUnknownKeysAreAccepted() throws Exception {
    for (boolean acceptUnknown : new boolean[] {false, true}) {
      SshException e = dialFails(SshRig.builder(SshRig.host()).knownHosts(SshRig.dir().resolve("known_hosts_wrong"))
          .acceptUnknownHostKeys(acceptUnknown).build());
      assertEquals(SshException.Reason.HOST_KEY_CHANGED, e.reason());
      assertEquals(hostFingerprint(), ((SshHostKeyException) e).fingerprint());
      assertTrue(e.getMessage().contains("[127.0.0.1]:2222") && e.getMessage().contains("does not match"), e.getMessage());
    }
  }

  @Test
  void acceptingUnknownHostKeysIsExplicit(@TempDir Path dir) throws Exception {
    Path empty = Files.createFile(dir.resolve("known_hosts"));
    pings(SshRig.builder(SshRig.host()).knownHosts(empty).acceptUnknownHostKeys(true).build());
  }

  @Test
  void hashedKnownHostsEntriesVerify() throws Exception {
    assertTrue(Files.readString(SshRig.dir().resolve("known_hosts_hashed")).startsWith("|1|"));
    pings(SshRig.builder(SshRig.host()).knownHosts(SshRig.dir().resolve("known_hosts_hashed")).build());
  }

  @Test
  void aServerWithoutStreamLocalForwardingRefusesTheChannelAndDialStdioStillWorks() throws Exception {
    SshException e = dialFails(SshRig.builder(SshRig.noForwardingHost()).build());
    assertEquals(SshException.Reason.CHANNEL_REFUSED, e.reason());
    assertTrue(e.getMessage().contains("AllowStreamLocalForwarding") && e.getMessage().contains("dial-stdio"), e.getMessage());
    pings(SshRig.builder(SshRig.noForwardingHost()).dialStdio().build());
    pings(SshRig.builder(SshRig.noForwardingHost()).fallbackToDialStdio(true).build());
  }

  @Test
  void aMissingRemoteSocketIsNamed() {
    SshException e = dialFails(SshRig.builder(SshRig.host()).remoteSocket("/run/berth-no-such-engine.sock").build());
    assertEquals(SshException.Reason.REMOTE_SOCKET_MISSING, e.reason());
    assertTrue(e.getMessage().contains("/run/berth-no-such-engine.sock"), e.getMessage());
  }

  @Test
  void aMissingRemoteSocketThroughDialStdioIsNamed() {
    SshException e = dialFails(SshRig.builder(SshRig.host())
        .dialStdio("DOCKER_HOST=unix:///run/berth-no-such-engine.sock docker system dial-stdio").build());
    assertEquals(SshException.Reason.REMOTE_SOCKET_MISSING, e.reason());
    assertTrue(e.getMessage().contains("berth-no-such-engine.sock"), e.getMessage());
  }

  @Test
  void aMissingRemoteCliIsNamed() {
    SshException e = dialFails(SshRig.builder(SshRig.host()).dialStdio("berth-no-such-cli system dial-stdio").build());
    assertEquals(SshException.Reason.REMOTE_COMMAND_MISSING, e.reason());
    assertTrue(e.getMessage().contains("berth-no-such-cli") && e.getMessage().contains("direct mode"), e.getMessage());
  }

  @Test
  void anUnreachableServerIsAConnectError() {
    SshException e = dialFails(SshRig.builder("ssh://root@127.0.0.1:1").build());
    assertEquals(SshException.Reason.CONNECT, e.reason());
    assertTrue(e.getMessage().contains("127.0.0.1:1"), e.getMessage());
  }

  @Test
  void aDialedConnectionFailsCleanlyWhenTheSessionDies() throws Exception {
    SshDialer dialer = SshRig.builder(SshRig.host()).build();
    Connection c = dialer.dial(TIMEOUT);
    dialer.killSessionForTest();
    c.setReadTimeout(Duration.ofSeconds(5));
    assertThrows(IOException.class, () -> {
      c.output().write("GET /_ping HTTP/1.1\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      c.output().flush();
      if (c.input().read() < 0) {
        throw new IOException("end of stream");
      }
    });
    c.close();
    pings(dialer); // a new session
  }

  @Test
  void theLocalSshClientsFailuresAreTypedToo(@TempDir Path dir) throws Exception {
    Path empty = Files.createFile(dir.resolve("known_hosts"));
    assertEquals(SshException.Reason.HOST_KEY_UNKNOWN,
        dialFails(SshRig.builder(SshRig.host()).knownHosts(empty).localSsh("ssh").build()).reason());
    assertEquals(SshException.Reason.AUTHENTICATION, dialFails(SshRig.bare(SshRig.host())
        .identity(SshRig.dir().resolve("id_unauthorized")).localSsh("ssh").build()).reason());
    assertEquals(SshException.Reason.REMOTE_COMMAND_MISSING, dialFails(SshRig.builder(SshRig.host())
        .dialStdio("berth-no-such-cli system dial-stdio").localSsh("ssh").build()).reason());
  }
}
