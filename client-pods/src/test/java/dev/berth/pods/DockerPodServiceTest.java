package dev.berth.pods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.EngineClient;
import dev.berth.client.UnsupportedEngineException;
import dev.berth.testkit.EngineTest;
import dev.berth.testkit.TestEngine;
import dev.berth.types.system.EngineKind;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/** Pods on the real Docker engine: detected as Docker, every pod call refused before it is sent. */
@EngineTest
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DockerPodServiceTest {

  @Test
  void theClientDetectsDockerAndHasNoLibpodVersion(TestEngine engine) {
    EngineClient client = engine.client();
    assertEquals(EngineKind.DOCKER, client.engineKind());
    assertEquals(Optional.empty(), client.libpodApiVersion());
    assertTrue(client.ping().server().startsWith("Docker/"), client.ping().server());
  }

  @Test
  void everyPodCallFailsWithATypedErrorAndNeverReachesTheEngine(TestEngine engine) {
    Targets targets = new Targets(engine.doer());
    PodService pods = PodService.create(EngineClient.builder(targets).build());
    List<Executable> calls = List.of(
        () -> pods.create("x", o -> o.networkMode("none")),
        () -> pods.list(),
        () -> pods.inspect("x"),
        () -> pods.exists("x"),
        () -> pods.start("x"),
        () -> pods.stop("x"),
        () -> pods.kill("x"),
        () -> pods.remove("x", o -> o.force(true)),
        () -> pods.createContainer("x", engine.image(), PodCreateContainerOptions.DEFAULT),
        () -> pods.containers("x"),
        () -> pods.playKube("kind: Pod\n", PodPlayKubeOptions.DEFAULT),
        () -> pods.playKubeDown("kind: Pod\n"));
    for (Executable call : calls) {
      UnsupportedEngineException e = assertThrows(UnsupportedEngineException.class, call);
      assertEquals(EngineKind.PODMAN, e.required());
      assertEquals(EngineKind.DOCKER, e.actual());
      assertTrue(e.getMessage().contains("needs a Podman (libpod API) engine, but this engine is Docker"), e.getMessage());
    }
    assertEquals(List.of("GET /_ping"), targets.lines, "one ping negotiates and detects; no pod request is sent");
  }
}
