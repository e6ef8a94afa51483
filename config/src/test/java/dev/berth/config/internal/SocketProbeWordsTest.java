package dev.berth.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.client.TransportException;
import dev.berth.config.ProbeAttempt;
import dev.berth.config.ProbeAttempt.Outcome;
import dev.berth.config.SocketCandidate;
import java.net.ConnectException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * How connect failures are worded. Permission denied cannot be produced here: the tests run as
 * root, which may open any socket; so its wording is checked on the transport's exception chain.
 */
class SocketProbeWordsTest {
  private static final SocketCandidate C = new SocketCandidate("Docker Engine", Path.of("/var/run/docker.sock"));

  private static TransportException failure(String osWords) {
    ConnectException inner = new ConnectException("cannot connect to unix:///var/run/docker.sock: " + osWords);
    inner.initCause(new java.net.SocketException(osWords));
    return new TransportException("SystemPing GET /_ping via unix:///var/run/docker.sock: " + inner.getMessage(), inner);
  }

  @Test
  void permissionDeniedNamesTheLikelyFix() {
    ProbeAttempt a = SocketProbe.connectFailure(C, failure("Permission denied"));
    assertEquals(Outcome.PERMISSION_DENIED, a.outcome());
    assertEquals("permission denied: this user may not open it (for Docker: the docker group)", a.detail());
  }

  @Test
  void refusedMeansNobodyListens() {
    assertEquals(Outcome.REFUSED, SocketProbe.connectFailure(C, failure("Connection refused")).outcome());
  }

  @Test
  void anythingElseKeepsTheOsWords() {
    ProbeAttempt a = SocketProbe.connectFailure(C, failure("Protocol wrong type for socket"));
    assertEquals(Outcome.FAILED, a.outcome());
    assertEquals("Protocol wrong type for socket", a.detail());
  }
}
