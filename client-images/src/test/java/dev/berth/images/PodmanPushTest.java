package dev.berth.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testkit.PodmanTest;
import dev.berth.testkit.TestEngine;
import dev.berth.testkit.TestEngines;
import dev.berth.types.images.PushResult;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Push against Podman 4.3 (RegistryCases stays Docker-only for now). Podman's push stream has no
 * aux record with the digest, only the status line "{@code <tag>: digest: sha256:... size: <n>}",
 * which push reads.
 */
@PodmanTest
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PodmanPushTest {
  @Test
  void pushReportsTheDigestTheRegistryStored(TestEngine engine) {
    ImageService images = ImageService.create(engine.client());
    String repository = engine.imageName(TestEngines.registry(), "push");
    String id = Fixtures.tinyImage(images, engine, true, repository + ":1");

    PushResult pushed = images.push(repository + ":1");
    assertEquals("1", pushed.tag());
    assertTrue(pushed.digest().matches("sha256:[0-9a-f]{64}"), pushed.digest());
    assertTrue(pushed.size() > 0, pushed.toString());

    images.remove(repository + ":1", RemoveOptions.FORCE);
    images.pull(repository + "@" + pushed.digest());
    assertEquals(id, images.inspect(repository + "@" + pushed.digest()).id(), "the digest names the pushed image");
  }
}
