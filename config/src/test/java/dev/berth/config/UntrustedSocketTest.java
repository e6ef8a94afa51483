package dev.berth.config;

import static dev.berth.config.Fixtures.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.config.ProbeAttempt.Outcome;
import dev.berth.testkit.peer.MisbehavingPeer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, finding 4: discovery does not talk to a socket that another local user could have
 * planted. Each hostile socket here answers {@code GET /_ping} like an engine, so before the
 * checks discovery chose it and the next pull sent it {@code X-Registry-Auth}.
 *
 * <p>Why a fake engine: the point is a listener owned by another user, in a place an attacker
 * can write to; the shared engines cannot be moved there. Why root: only root can make a file
 * belong to another uid ({@code nobody}); the rig and CI run the tests as root.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UntrustedSocketTest {
  private static final Duration SHORT = Duration.ofMillis(500);

  @TempDir Path dir;

  /** Answers every request like an engine's ping. */
  private static MisbehavingPeer fakeEngine(Path socket) throws Exception {
    return MisbehavingPeer.unix(socket, ex -> {
      while (ex.readRequest() != null) {
        ex.write("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nServer: Docker/20.10.24 (linux)\r\n"
            + "Content-Length: 2\r\n\r\nOK");
      }
    });
  }

  private EngineConfig probe(SocketCandidate... candidates) {
    return EngineDiscovery.builder().environment(env()).home(dir).socketCandidates(List.of(candidates))
        .probeTimeout(SHORT).build().resolve();
  }

  /** Discovery over {@code candidate} alone finds no engine, the candidate being untrusted. */
  private ProbeAttempt untrusted(SocketCandidate candidate) {
    NoEngineFoundException e = assertThrows(NoEngineFoundException.class, () -> probe(candidate).locate());
    ProbeAttempt a = e.attempts().get(0);
    assertEquals(Outcome.UNTRUSTED, a.outcome(), a.toString());
    return a;
  }

  private static void chown(Path p, String user) throws Exception {
    assertEquals(0L, ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue(),
        "this test plants a file owned by another user, which needs root (the rig and CI run as root)");
    UserPrincipal other = p.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
    Files.setOwner(p, other);
  }

  private static void chmod(Path p, String mode) throws Exception {
    Process chmod = new ProcessBuilder("chmod", mode, p.toString()).inheritIO().start();
    assertEquals(0, chmod.waitFor());
  }

  private static long uidOf(Path p) throws Exception {
    return ((Number) Files.getAttribute(p, "unix:uid", java.nio.file.LinkOption.NOFOLLOW_LINKS)).longValue();
  }

  @Test
  void aSocketPlantedByAnotherUserInASharedRuntimeDirectoryIsSkippedWithTheReason() throws Exception {
    Path shared = Files.createDirectory(dir.resolve("shared"));
    chmod(shared, "1777"); // like /tmp: everyone may create files, nobody may replace another's
    Path sock = shared.resolve("docker.sock");
    try (MisbehavingPeer peer = fakeEngine(sock)) {
      chown(sock, "nobody");
      long nobody = uidOf(sock);
      NoEngineFoundException e = assertThrows(NoEngineFoundException.class,
          () -> probe(new SocketCandidate("rootless Docker", sock)).locate());
      ProbeAttempt a = e.attempts().get(0);
      assertEquals(Outcome.UNTRUSTED, a.outcome(), a.toString());
      assertTrue(a.detail().contains("the socket " + sock + " belongs to uid " + nobody + ", neither this user (uid 0)"
          + " nor root: another user may have planted it; not used"), a.detail());
      assertTrue(e.getMessage().contains("rootless Docker") && e.getMessage().contains("untrusted ("), e.getMessage());
      assertEquals(0, peer.connectionsAccepted(), "the planted socket was contacted");
    }
  }

  @Test
  void aSocketInADirectoryEveryoneMayWriteIsSkipped() throws Exception {
    Path open = Files.createDirectory(dir.resolve("open"));
    chmod(open, "0777"); // no sticky bit: anyone could replace the socket
    Path sock = open.resolve("docker.sock");
    try (MisbehavingPeer peer = fakeEngine(sock)) {
      ProbeAttempt a = untrusted(new SocketCandidate("Docker Desktop", sock));
      assertTrue(a.detail().contains("the directory " + open + " is writable by every user (mode 777)"), a.detail());
      assertEquals(0, peer.connectionsAccepted());
    }
  }

  @Test
  void aLinkToAnotherUsersSocketIsNotFollowed() throws Exception {
    Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
    Path sock = elsewhere.resolve("engine.sock");
    Path mine = Files.createDirectory(dir.resolve("mine"));
    Path link = Files.createSymbolicLink(mine.resolve("docker.sock"), sock);
    try (MisbehavingPeer peer = fakeEngine(sock)) {
      chown(sock, "nobody");
      ProbeAttempt a = untrusted(new SocketCandidate("OrbStack", link));
      assertTrue(a.detail().contains("(the target of the link " + link + ")"), a.detail());
      assertEquals(0, peer.connectionsAccepted());
    }
  }

  @Test
  void aLinkToThisUsersOwnSocketInTrustedDirectoriesIsUsed() throws Exception {
    Path sock = dir.resolve("engine.sock");
    Path link = Files.createSymbolicLink(dir.resolve("docker.sock"), sock);
    try (MisbehavingPeer peer = fakeEngine(sock)) {
      EngineConfig c = probe(new SocketCandidate("Docker Desktop", link)).locate();
      assertEquals(Outcome.ANSWERED, c.probeAttempts().get(0).outcome(), c.describe());
      assertEquals(1, peer.connectionsAccepted());
    }
  }

  @Test
  void aRelativeXdgRuntimeDirIsIgnoredAndSaidSo() {
    Path home = Path.of("/home/me");
    List<SocketCandidate> list = EngineDiscovery.defaultCandidates(env("XDG_RUNTIME_DIR", "run/evil"), home);
    for (SocketCandidate c : list) {
      assertTrue(c.socket().isAbsolute(), c.toString());
      assertFalse(c.socket().toString().contains("run/evil"), c.toString());
    }
    EngineConfig c = EngineDiscovery.builder().environment(env("XDG_RUNTIME_DIR", "run/evil")).home(dir).build().resolve();
    assertTrue(c.notes().stream().anyMatch(n -> n.startsWith("XDG_RUNTIME_DIR=run/evil is ignored: it is not an absolute path")),
        c.notes()::toString);
    assertTrue(c.describe().contains("note:        XDG_RUNTIME_DIR=run/evil is ignored"), c.describe());
  }
}
