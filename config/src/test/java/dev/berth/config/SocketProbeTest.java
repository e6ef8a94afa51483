package dev.berth.config;

import static dev.berth.config.Fixtures.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.config.ProbeAttempt.Outcome;
import dev.berth.testkit.peer.MisbehavingPeer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The probe of well-known sockets, and the error when none answers. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SocketProbeTest {
  private static final Duration SHORT = Duration.ofMillis(300);

  // junit's @TempDir paths are short enough for Unix socket names (about 100 bytes)
  @TempDir Path dir;

  private EngineConfig probe(List<SocketCandidate> candidates) {
    return EngineDiscovery.builder().environment(env()).home(dir).socketCandidates(candidates).probeTimeout(SHORT)
        .build().resolve();
  }

  private static SocketCandidate candidate(String name, Path p) {
    return new SocketCandidate(name, p);
  }

  @Test
  void defaultOrderIsSystemDockerThenUserDockerThenVmsThenPodman() {
    Path home = Path.of("/home/me");
    List<SocketCandidate> list = EngineDiscovery.defaultCandidates(env("XDG_RUNTIME_DIR", "/run/user/1000"), home);
    List<String> paths = list.stream().map(c -> c.socket().toString()).toList();
    assertEquals(List.of(
        "/var/run/docker.sock",
        "/run/user/1000/docker.sock",
        "/home/me/.docker/run/docker.sock",
        "/home/me/.docker/desktop/docker.sock",
        "/home/me/.colima/default/docker.sock",
        "/home/me/.colima/docker.sock",
        "/home/me/.rd/docker.sock",
        "/home/me/.orbstack/run/docker.sock",
        "/run/podman/podman.sock",
        "/run/user/1000/podman/podman.sock"), paths);
  }

  @Test
  void samePathIsProbedOnce() {
    // XDG_RUNTIME_DIR=/run makes the rootless Podman socket the rootful one
    List<SocketCandidate> list = EngineDiscovery.defaultCandidates(env("XDG_RUNTIME_DIR", "/run"), Path.of("/home/me"));
    assertEquals(1, list.stream().filter(c -> c.socket().toString().equals("/run/podman/podman.sock")).count());
    assertEquals("Podman (rootful)", list.get(list.size() - 1).name());
  }

  @Test
  void everyFailureIsNamedInTheErrorInProbeOrder() throws Exception {
    Path missing = dir.resolve("missing.sock");
    Path regular = Files.writeString(dir.resolve("regular.sock"), "");
    Path directory = Files.createDirectory(dir.resolve("dir.sock"));
    Path dead = Fixtures.deadSocket(dir.resolve("dead.sock"));
    Path dangling = Files.createSymbolicLink(dir.resolve("link.sock"), dir.resolve("nowhere.sock"));
    EngineConfig c = probe(List.of(candidate("A missing", missing), candidate("B regular", regular),
        candidate("C directory", directory), candidate("D dead", dead), candidate("E dangling", dangling)));
    NoEngineFoundException e = assertThrows(NoEngineFoundException.class, c::connect);
    List<Outcome> outcomes = e.attempts().stream().map(ProbeAttempt::outcome).toList();
    assertEquals(List.of(Outcome.MISSING, Outcome.NOT_A_SOCKET, Outcome.NOT_A_SOCKET, Outcome.REFUSED, Outcome.MISSING),
        outcomes);
    String m = e.getMessage();
    assertTrue(m.startsWith("no container engine found: nothing configured (no DOCKER_HOST"), m);
    String[] expected = {
        "1. A missing", missing + ": missing (no such file)",
        "2. B regular", regular + ": not a socket (a regular file)",
        "3. C directory", directory + ": not a socket (a directory)",
        "4. D dead", dead + ": refused (connection refused: the file exists but nobody listens)",
        "5. E dangling", dangling + ": missing (dangling symbolic link to " + dir.resolve("nowhere.sock") + ")",
        "Start an engine, or set DOCKER_HOST"};
    int at = 0;
    for (String s : expected) {
      int i = m.indexOf(s, at);
      assertTrue(i >= at, "expected \"" + s + "\" after position " + at + " in:\n" + m);
      at = i + s.length();
    }
    assertEquals(m.lines().count(), 7, m);
  }

  @Test
  void aListenerThatNeverAnswersTimesOut() throws Exception {
    // Why a fake: a real engine cannot be made to accept a connection and never answer its ping.
    Path sock = dir.resolve("stall.sock");
    try (MisbehavingPeer peer = MisbehavingPeer.unix(sock, ex -> {
      ex.readRequest();
      ex.stall(Duration.ofSeconds(20));
    })) {
      long start = System.nanoTime();
      NoEngineFoundException e = assertThrows(NoEngineFoundException.class,
          () -> probe(List.of(candidate("staller", sock))).locate());
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertEquals(Outcome.TIMEOUT, e.attempts().get(0).outcome(), e.getMessage());
      assertTrue(e.getMessage().contains("timeout (no answer to GET /_ping within 300 ms)"), e.getMessage());
      assertTrue(ms < 5_000, "took " + ms + " ms");
      assertEquals(1, peer.connectionsAccepted());
    }
  }

  @Test
  void anHttpServerThatIsNotAnEngineIsSkipped() throws Exception {
    // Why a fake: the point is a socket where something other than an engine answers.
    Path sock = dir.resolve("web.sock");
    try (MisbehavingPeer peer = MisbehavingPeer.unix(sock, ex -> {
      ex.readRequest();
      ex.respond(404, "{\"message\":\"page not found\"}");
    })) {
      NoEngineFoundException e = assertThrows(NoEngineFoundException.class,
          () -> probe(List.of(candidate("web", sock))).locate());
      assertEquals(Outcome.NOT_AN_ENGINE, e.attempts().get(0).outcome());
      assertTrue(e.getMessage().contains("GET /_ping answered HTTP 404"), e.getMessage());
      assertEquals("/_ping", peer.requests().get(0).target());
    }
  }

  @Test
  void noCandidatesAtAllIsStillAClearError() {
    NoEngineFoundException e = assertThrows(NoEngineFoundException.class, () -> probe(List.of()).locate());
    assertTrue(e.getMessage().contains("there are no sockets to probe"), e.getMessage());
  }

  @Test
  void describeListsTheCandidatesBeforeProbing() throws Exception {
    EngineConfig c = probe(List.of(candidate("First", dir.resolve("a.sock")), candidate("Second", dir.resolve("b.sock"))));
    String d = c.describe();
    assertTrue(d.startsWith("engine:      not configured; the first of these sockets to answer GET /_ping (300 ms each):"), d);
    assertTrue(d.contains(" 1. First") && d.contains(" 2. Second"), d);
    assertTrue(d.indexOf(" 1. First") < d.indexOf(" 2. Second"), d);
  }
}
