package dev.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.pods.PodService;
import dev.berth.testkit.TestEngine;
import dev.berth.types.pods.Pod;
import dev.berth.types.system.EngineKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The pod service from a named module on the module path, against Podman: Jackson reads the
 * {@code dev.berth.types.pods} records (the types module's {@code opens}) and the pods module
 * reaches client-core's shared internals (its qualified export). Run by {@link PodmanModulePathTest}
 * (Podman 4.3) and {@link Podman5ModulePathTest} (Podman 5).
 */
abstract class PodmanModulePathCases {
  /** The major version of the subclass's Podman: {@code "4"} or {@code "5"}. */
  abstract String major();

  @Test
  void podsDecodeOnTheModulePath(TestEngine engine) {
    PodService pods = PodService.create(engine.client());
    String name = engine.uniqueName("mp-pod");
    pods.create(name, o -> o.networkMode("none").labels(engine.labels()));
    try {
      Pod pod = pods.inspect(name);
      assertEquals(name, pod.name());
      assertEquals(EngineKind.PODMAN, engine.client().engineKind());
      assertTrue(engine.client().libpodApiVersion().orElseThrow().startsWith(major() + "."),
          engine.client().libpodApiVersion().toString());
      assertEquals(name, pods.list(o -> o.name(name)).get(0).name());
      assertFalse(pods.stop(name, o -> o.timeout(Duration.ZERO)), "a pod never started: Podman's 304");
    } finally {
      pods.remove(name, o -> o.force(true));
    }
  }
}
