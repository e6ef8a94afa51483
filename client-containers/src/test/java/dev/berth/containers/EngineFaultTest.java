package dev.berth.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.EngineClient;
import dev.berth.client.FrameReader;
import dev.berth.client.TransportException;
import dev.berth.testkit.FaultEngineTest;
import dev.berth.testkit.TestEngine;
import dev.berth.testkit.TestEngines;
import dev.berth.transport.Endpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real faults of a real engine: the fault suite's own Docker 28.5 instance
 * ({@link TestEngines#faultDockerHost()}) is SIGKILLed under an open follow stream, restarted, and
 * cut off by deleting its socket. Every test leaves it running.
 */
@FaultEngineTest
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class EngineFaultTest {

  /** SIGKILLs the fault engine's dockerd, waits until it is gone, and returns when the signal went (nanoTime). */
  static long killDockerd() throws Exception {
    long pid = Long.parseLong(Files.readString(TestEngines.faultDockerPidFile(), StandardCharsets.US_ASCII).strip());
    ProcessHandle dockerd = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no dockerd with pid " + pid));
    assertTrue(dockerd.info().command().orElse("").endsWith("dockerd-28"), "the fault engine's dockerd, nobody else's");
    long killed = System.nanoTime();
    assertTrue(dockerd.destroyForcibly()); // SIGKILL
    dockerd.onExit().get(10, TimeUnit.SECONDS);
    return killed;
  }

  /** (Re)starts the fault engine with its script and waits until it answers. */
  static void startEngine() throws IOException, InterruptedException {
    Process p = new ProcessBuilder(TestEngines.faultDockerStartCommand()).redirectErrorStream(true).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the start script finishes");
    assertEquals(0, p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  @Test
  void aKilledDockerdEndsAFollowStreamWithATypedErrorWithinASecondAndTheRestartedOneServesTheSameClient(
      TestEngine engine) throws Exception {
    ContainerService containers = ContainerService.create(engine.client());
    String id = ContainerLifecycleCases.running(containers, engine, "sh", "-c", "while true; do echo tick; sleep 0.1; done");
    try (FrameReader reader = containers.logs(id, o -> o.follow(true))) {
      assertTrue(reader.next(), "the first tick");
      long[] failedAt = {0};
      CompletableFuture<RuntimeException> failure = CompletableFuture.supplyAsync(() -> {
        try {
          while (reader.next()) {
            // ticks until the engine dies
          }
          return null;
        } catch (RuntimeException e) {
          return e;
        } finally {
          failedAt[0] = System.nanoTime();
        }
      });
      long t0 = killDockerd();
      RuntimeException e = failure.get(5, TimeUnit.SECONDS);
      long ms = (failedAt[0] - t0) / 1_000_000;
      // a daemon dying mid-stream is a transport failure, never a quiet end of the logs
      assertInstanceOf(TransportException.class, e, "the follower ended with " + e);
      assertTrue(ms < 1000, "the follower learnt of the death " + ms + " ms after the SIGKILL");
      // while it is down, a call fails typed too
      assertThrows(TransportException.class, () -> engine.client().ping());
    } finally {
      startEngine();
    }
    // the same client, whose pooled connections died with the engine, works with the new one
    assertEquals(engine.apiVersion().toString(), engine.client().ping().apiVersion());
    assertTrue(containers.list(o -> o.all(true)).stream().anyMatch(c -> c.id().equals(id)), "the container survived");
  }

  @Test
  void aDeletedSocketFileIsATypedTransportErrorNamingIt(TestEngine engine) throws Exception {
    Path socket = Path.of(Endpoint.parse(TestEngines.faultDockerHost()).path());
    assertTrue(Files.exists(socket), socket + " exists");
    try {
      Files.delete(socket);
      // a new connection (the test's client may still hold an idle one, which goes on working)
      try (EngineClient fresh = EngineClient.connect(TestEngines.faultDockerHost())) {
        TransportException e = assertThrows(TransportException.class, fresh::ping);
        assertTrue(e.getMessage().contains(socket.toString()), e.getMessage());
      }
    } finally {
      startEngine(); // a dockerd without its socket does not answer: the script replaces it
    }
    assertEquals(engine.apiVersion().toString(), engine.client().ping().apiVersion());
  }
}
