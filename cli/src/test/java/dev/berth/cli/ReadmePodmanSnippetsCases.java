package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.EngineClient;
import dev.berth.containers.ContainerService;
import dev.berth.pods.PodService;
import dev.berth.testkit.TestEngine;
import dev.berth.types.system.EngineKind;
import java.time.Duration;
import dev.berth.client.NotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's Podman snippets run as written against a real Podman engine (regions checked by
 * {@link ReadmeTest}). The snippet names the rig's Podman test image, {@code localhost/busybox:local}.
 * Run by {@link ReadmePodmanSnippetsTest} (Podman 4.3) and {@link Podman5ReadmeSnippetsTest} (Podman 5).
 */
abstract class ReadmePodmanSnippetsCases {
  /** The major version of the subclass's Podman: {@code "4"} or {@code "5"}. */
  abstract String major();

  private EngineClient client;

  @AfterEach
  void removeTheDemoPodIfTheSnippetStoppedHalfWay() {
    try {
      PodService.create(client).remove("demo-pod", o -> o.force(true));
    } catch (NotFoundException e) {
      // the snippet removed it
    }
  }

  @Test
  void aPodRunsAContainerAndIsRemoved(TestEngine engine) {
    client = engine.client();
    // README: pods
    System.out.println(client.engineKind() + " " + client.libpodApiVersion().orElse("no libpod"));  // e.g. PODMAN 4.3.1
    PodService pods = PodService.create(client);       // on Docker every call is an UnsupportedEngineException
    pods.create("demo-pod", o -> o.networkMode("none").label("app", "demo"));
    String app = pods.createContainer("demo-pod", "localhost/busybox:local",
        o -> o.command("echo", "hello from a pod").stopTimeout(Duration.ZERO)).id();
    pods.start("demo-pod");                                        // the infra container, then the app
    long exit = ContainerService.create(client).wait(app).statusCode();
    pods.remove("demo-pod", o -> o.force(true));                   // its containers go with it
    // END README
    assertEquals(EngineKind.PODMAN, client.engineKind());
    assertTrue(client.libpodApiVersion().orElseThrow().startsWith(major() + "."), client.libpodApiVersion().toString());
    assertEquals(0L, exit);
    assertFalse(pods.exists("demo-pod"));
  }
}
