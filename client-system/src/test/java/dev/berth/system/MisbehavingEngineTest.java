package dev.berth.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.BerthException;
import dev.berth.client.EngineClient;
import dev.berth.client.MalformedResponseException;
import dev.berth.client.TransportException;
import dev.berth.client.TransportTimeoutException;
import dev.berth.testkit.peer.MisbehavingPeer;
import dev.berth.transport.Dialers;
import dev.berth.transport.Http1Doer;
import dev.berth.transport.Request;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ping and version negotiation against answers a real daemon never gives. Why a fake peer: a real
 * Docker or Podman daemon always finishes its {@code /_ping} and {@code /version} bodies, never
 * sends a bad chunk size and never goes silent after accepting a request, so these faults can only
 * be scripted.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MisbehavingEngineTest {
  private static final String OK_HEAD = "HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: text/plain\r\n";

  private static EngineClient client(MisbehavingPeer peer, Duration readTimeout) {
    Http1Doer doer = Http1Doer.builder(Dialers.tcp("127.0.0.1", peer.port()))
        .readTimeout(readTimeout).maxIdleConnections(0).build();
    return EngineClient.builder(doer).ownsDoer(true).apiVersion("1.41").build();
  }

  /** A peer that reads the request and then never answers (for longer than any test here runs). */
  private static MisbehavingPeer silentPeer() throws java.io.IOException {
    return MisbehavingPeer.tcp(ex -> {
      ex.readRequest();
      ex.stall(Duration.ofMinutes(5));
    });
  }

  /** Ping and version on the same broken answer throw the same typed error. */
  private static void pingFailsLikeVersion(MisbehavingPeer.Script script, Class<? extends BerthException> type)
      throws Exception {
    try (MisbehavingPeer peer = MisbehavingPeer.tcp(script); EngineClient client = client(peer, Duration.ofMillis(500))) {
      SystemService system = SystemService.create(client);
      BerthException version = assertThrows(BerthException.class, system::version);
      BerthException ping = assertThrows(BerthException.class, system::ping);
      assertEquals(type, version.getClass(), version.toString());
      assertEquals(version.getClass(), ping.getClass(), ping.toString());
      assertTrue(ping.getMessage().contains("/_ping"), ping.getMessage());
    }
  }

  @Test
  void pingOnATruncatedBodyFailsLikeVersion() throws Exception {
    // a daemon never closes before the Content-Length it announced
    pingFailsLikeVersion(ex -> {
      ex.readRequest();
      ex.write(OK_HEAD + "Content-Length: 10\r\n\r\n{\"A");
    }, TransportException.class);
  }

  @Test
  void pingOnABadChunkSizeFailsLikeVersion() throws Exception {
    // a daemon's HTTP server never writes a chunk size that is not hex
    pingFailsLikeVersion(ex -> {
      ex.readRequest();
      ex.write(OK_HEAD + "Transfer-Encoding: chunked\r\n\r\nZZ\r\nOK\r\n0\r\n\r\n");
    }, MalformedResponseException.class);
  }

  @Test
  void pingOnAStalledBodyTimesOutLikeVersion() throws Exception {
    // a daemon never stops in the middle of a two-byte body
    pingFailsLikeVersion(ex -> {
      ex.readRequest();
      ex.write(OK_HEAD + "Content-Length: 10\r\n\r\nO");
      ex.stall(Duration.ofSeconds(5));
    }, TransportTimeoutException.class);
  }

  @Test
  void negotiationHonoursTheFirstRequestsCallTimeout() throws Exception {
    // a daemon that accepts and never answers /_ping cannot be made from a real one
    try (MisbehavingPeer peer = silentPeer();
        EngineClient client = EngineClient.builder(Http1Doer.of(Dialers.tcp("127.0.0.1", peer.port())))
            .ownsDoer(true).build()) {
      Request version = Request.get("/version").callTimeout(Duration.ofMillis(500)).build();
      TransportTimeoutException e = assertThrows(TransportTimeoutException.class, () -> client.call(version, Map.class));
      assertTrue(e.getMessage().contains("/_ping"), e.getMessage());
    }
  }

  @Test
  void negotiationHonoursTheClientsDefaultTimeouts() throws Exception {
    // as above: only a scripted peer accepts and then stays silent
    try (MisbehavingPeer peer = silentPeer();
        EngineClient client = EngineClient.builder(Http1Doer.builder(Dialers.tcp("127.0.0.1", peer.port()))
            .callTimeout(Duration.ofMillis(500)).build()).ownsDoer(true).build()) {
      assertThrows(TransportTimeoutException.class, () -> client.call(Request.get("/version").build(), Map.class));
    }
  }

  @Test
  void negotiationForACallWithoutLimitsKeepsTheDoersReadTimeout() throws Exception {
    // a first call that may take as long as it needs (a pull, a prune: ZERO timeouts) negotiates
    // first; the ping must not inherit "no limit", or a daemon that never answers /_ping holds
    // this call and every call queued behind the negotiation forever. Only a scripted peer
    // accepts a request and then stays silent; a real daemon always answers its ping.
    try (MisbehavingPeer peer = silentPeer();
        EngineClient client = EngineClient.builder(Http1Doer.builder(Dialers.tcp("127.0.0.1", peer.port()))
            .readTimeout(Duration.ofMillis(300)).build()).ownsDoer(true).build()) {
      Request pull = Request.post("/images/create").query("fromImage", "busybox")
          .callTimeout(Duration.ZERO).readTimeout(Duration.ZERO).build();
      // the bound only turns a hang into a failure; the doer's 300 ms read timeout ends the ping
      TransportTimeoutException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
          () -> assertThrows(TransportTimeoutException.class, () -> client.call(pull, Map.class)),
          "the negotiation ping ran without the doer's read timeout");
      assertTrue(e.getMessage().contains("/_ping"), e.getMessage());
      assertEquals(1, peer.requests().size(), "only the ping reached the peer: " + peer.requests());
    }
  }
}
