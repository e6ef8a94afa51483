package dev.berth.containers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.EngineClient;
import dev.berth.client.FrameReader;
import dev.berth.client.TransportTimeoutException;
import dev.berth.testkit.peer.MisbehavingPeer;
import dev.berth.transport.Dialers;
import dev.berth.transport.Http1Doer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The read timeout bounds the wait for the response head of every long operation; once the head is
 * in, idling on the stream is the caller's choice. Why a fake peer: a real engine answers these
 * heads at once (or once the container stopped), it cannot be made to accept a request and then
 * never answer, nor to stay silent for a chosen time in the middle of a stream.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StalledEngineTest {
  private static final Duration READ_TIMEOUT = Duration.ofMillis(400);

  /** Answers inspections (attach and exec start inspect for the TTY setting) and stalls on anything else. */
  private static final MisbehavingPeer.Script STALL_AFTER_INSPECT = ex -> {
    for (;;) {
      MisbehavingPeer.RecordedRequest r = ex.readRequest();
      if (r.method().equals("GET") && r.target().contains("/json")) {
        ex.respond(200, "{\"Config\":{\"Tty\":false},\"ProcessConfig\":{\"tty\":false}}");
        continue;
      }
      ex.stall(Duration.ofSeconds(20));
      return;
    }
  };

  private static ContainerService containers(MisbehavingPeer peer) {
    Http1Doer doer = Http1Doer.builder(Dialers.tcp("127.0.0.1", peer.port())).readTimeout(READ_TIMEOUT).build();
    return ContainerService.create(EngineClient.builder(doer).ownsDoer(true).apiVersion("1.41").build());
  }

  static Stream<Arguments> longOperations() {
    return Stream.<Object[]>of(
        new Object[] {"follow logs", (Consumer<ContainerService>) c -> c.logs("c1", o -> o.follow(true)).next()},
        new Object[] {"attach", (Consumer<ContainerService>) c -> c.attach("c1").close()},
        new Object[] {"exec start", (Consumer<ContainerService>) c -> c.execStart("e1", ExecStartOptions.DEFAULT).close()},
        new Object[] {"stats stream", (Consumer<ContainerService>) c -> c.statsStream("c1").close()},
        new Object[] {"wait", (Consumer<ContainerService>) c -> c.wait("c1", WaitCondition.NOT_RUNNING)},
        new Object[] {"stop", (Consumer<ContainerService>) c -> c.stop("c1")},
        new Object[] {"restart", (Consumer<ContainerService>) c -> c.restart("c1")},
        new Object[] {"export", (Consumer<ContainerService>) c -> c.exportStream("c1")},
        new Object[] {"archive upload", (Consumer<ContainerService>) c ->
            c.putArchive("c1", "/tmp", new ByteArrayInputStream(new byte[1024]), ContainerPutArchiveOptions.DEFAULT)})
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("longOperations")
  void theReadTimeoutBoundsTheWaitForTheHead(String name, Consumer<ContainerService> operation) throws Exception {
    try (MisbehavingPeer peer = MisbehavingPeer.tcp(STALL_AFTER_INSPECT)) {
      ContainerService containers = containers(peer);
      TransportTimeoutException e = assertThrows(TransportTimeoutException.class, () -> operation.accept(containers));
      assertTrue(e.getMessage().contains("timed out"), e.getMessage());
    }
  }

  @Test
  void aFollowStreamMayIdleLongerThanTheReadTimeoutOnceItsHeadArrived() throws Exception {
    byte[] line = "late line\n".getBytes(StandardCharsets.US_ASCII);
    try (MisbehavingPeer peer = MisbehavingPeer.tcp(ex -> {
      ex.readRequest();
      ex.write("HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n");
      ex.stall(READ_TIMEOUT.multipliedBy(3)); // idle for three read timeouts
      ex.write(Integer.toHexString(line.length) + "\r\n" + new String(line, StandardCharsets.US_ASCII)
          + "\r\n0\r\n\r\n");
    })) {
      try (FrameReader logs = containers(peer).logs("c1", o -> o.follow(true).tty(true))) {
        assertTrue(logs.next());
        byte[] got = java.util.Arrays.copyOf(logs.buffer(), logs.length());
        assertArrayEquals(line, got);
        assertFalse(logs.next());
      }
    }
  }
}
