package dev.berth.volumes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.ConflictException;
import dev.berth.client.NotFoundException;
import dev.berth.testkit.TestEngine;
import dev.berth.types.volumes.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Volume-service tests that run against each real engine: {@link VolumeServiceTest} (Docker) and
 * {@link PodmanVolumeServiceTest} (Podman's Docker-compatible API). Every volume is labelled with
 * the test label and removed afterwards.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class VolumeServiceCases {
  private final List<String> created = new ArrayList<>();
  private VolumeService volumes;

  /** Whether the engine under test is Podman. */
  abstract boolean podman();

  /** Whether the engine under test is Podman 5 ({@link Podman5VolumeServiceTest}). */
  boolean podman5() {
    return false;
  }

  @AfterEach
  void removeTheTestsVolumes() {
    for (String name : created) {
      try {
        volumes.remove(name, o -> o.force(true));
      } catch (NotFoundException e) {
        // removed by the test
      }
    }
  }

  private String volume(TestEngine engine, Map<String, String> labels) {
    volumes = VolumeService.create(engine.client());
    String name = engine.uniqueName("vol");
    Volume v = volumes.create(o -> o.name(name).labels(labels));
    created.add(v.name());
    return v.name();
  }

  private String testLabel(TestEngine engine) {
    return TestEngine.LABEL + "=" + engine.labels().get(TestEngine.LABEL);
  }

  @Test
  void aVolumeIsCreatedInspectedListedAndRemoved(TestEngine engine) {
    String name = volume(engine, engine.labels());
    Volume v = volumes.inspect(name);
    assertEquals(name, v.name());
    assertEquals("local", v.driver());
    assertEquals("local", v.scope());
    assertEquals(engine.labels(), v.labels());
    assertFalse(v.mountpoint().isBlank());
    assertEquals(List.of(name), volumes.list(o -> o.label(testLabel(engine))).volumes().stream().map(Volume::name).toList());
    assertEquals(List.of(), volumes.list(o -> o.label(testLabel(engine))).warnings(),
        "Docker sends null warnings, Podman an empty list: both read as empty");
    volumes.remove(name);
    assertThrows(NotFoundException.class, () -> volumes.inspect(name));
    assertThrows(NotFoundException.class, () -> volumes.remove(name));
  }

  @Test
  void withoutANameTheEngineGeneratesOne(TestEngine engine) {
    volumes = VolumeService.create(engine.client());
    Volume v = volumes.create(o -> o.labels(engine.labels()));
    created.add(v.name());
    assertTrue(v.name().matches("[0-9a-f]{64}"), v.name());
    if (!podman() && engine.apiAtLeast(1, 42)) {
      // Docker 28.5 marks a volume created without a name as anonymous (what prune removes by default)
      Map<String, String> expected = new java.util.HashMap<>(engine.labels());
      expected.put("com.docker.volume.anonymous", "");
      assertEquals(expected, v.labels());
    } else {
      assertEquals(engine.labels(), v.labels());
    }
  }

  @Test
  void aNamedVolumeCarriesAFileFromOneContainerToAnother(TestEngine engine) {
    String name = volume(engine, engine.labels());
    Map<String, Object> mount = Map.of("HostConfig", Map.of("NetworkMode", "none",
        "Mounts", List.of(Map.of("Type", "volume", "Source", name, "Target", "/data"))));
    String writer = engine.createContainer(mount, "sh", "-c", "echo carried > /data/file");
    String reader = engine.createContainer(mount, "sh", "-c", "test \"$(cat /data/file)\" = carried");
    try {
      engine.start(writer);
      assertEquals(0, engine.waitForExit(writer));
      engine.start(reader);
      assertEquals(0, engine.waitForExit(reader), "the reader sees what the writer wrote");
      // both engines refuse to remove a volume a container (even a stopped one) uses
      ConflictException e = assertThrows(ConflictException.class, () -> volumes.remove(name));
      assertEquals(409, e.status());
    } finally {
      engine.remove(writer);
      engine.remove(reader);
    }
    volumes.remove(name);
    assertThrows(NotFoundException.class, () -> volumes.inspect(name));
  }

  @Test
  void pruneWithTheTestLabelRemovesOnlyTheTestsVolumes(TestEngine engine) {
    String one = volume(engine, engine.labels());
    String two = volume(engine, engine.labels());
    String other = volume(engine, Map.of(TestEngine.LABEL, "other-" + engine.labels().get(TestEngine.LABEL)));
    // from API 1.42 on, Docker's prune removes only anonymous volumes unless the filter all=true asks
    // for named ones too (an older engine refuses that filter)
    boolean all = !podman() && engine.apiAtLeast(1, 42);
    List<String> deleted = volumes.prune(o -> {
      o.label(testLabel(engine));
      if (all) {
        o.filter("all", "true");
      }
    }).volumesDeleted();
    assertEquals(List.of(one, two).stream().sorted().toList(), deleted.stream().sorted().toList());
    assertEquals(other, volumes.inspect(other).name());
  }
}
