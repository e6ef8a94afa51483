package dev.berth.images;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.JsonStream;
import dev.berth.client.StreamErrorException;
import dev.berth.testkit.FaultEngineTest;
import dev.berth.testkit.TestEngine;
import dev.berth.testkit.TestEngines;
import dev.berth.types.progress.ProgressMessage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry that goes away during a push: the test starts its own registry in the fault engine's
 * network namespace (where the engine reaches it on 127.0.0.1), starts a push of a few megabytes
 * there, and kills the registry when the first progress message arrives.
 */
@FaultEngineTest
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RegistryFaultTest {
  /** A port in the fault engine's own namespace, where only this test listens. */
  private static final int PORT = 5099;

  @Test
  void aRegistryStoppedDuringAPushIsATypedStreamErrorNamingIt(TestEngine engine, @TempDir Path dir) throws Exception {
    Path config = dir.resolve("config.yml");
    Files.writeString(config, "version: 0.1\nlog: {level: info}\nstorage: {filesystem: {rootdirectory: "
        + dir.resolve("storage") + "}}\nhttp: {addr: 127.0.0.1:" + PORT + "}\n");
    Process registry = new ProcessBuilder("nsenter", "--net=/var/run/netns/" + TestEngines.faultNetns(),
        "docker-registry", "serve", config.toString()).redirectErrorStream(true).start();
    try {
      registry.getOutputStream().close();
      CompletableFuture<Boolean> listening = CompletableFuture.supplyAsync(() -> {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(registry.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = out.readLine()) != null) {
            if (line.contains("listening on")) {
              return true;
            }
          }
          return false;
        } catch (java.io.IOException e) {
          return false;
        }
      });
      assertTrue(listening.get(20, TimeUnit.SECONDS), "the registry started");

      ImageService images = ImageService.create(engine.client());
      String repository = engine.imageName("127.0.0.1:" + PORT, "stopped");
      byte[] noise = new byte[6 << 20];
      new Random(15).nextBytes(noise);
      byte[] rootFs = Fixtures.tar(Map.of("noise.txt", Base64.getEncoder().encodeToString(noise)));
      images.importImage(new ByteArrayInputStream(rootFs), o -> o.repository(repository).tag("1")
          .change("LABEL " + TestEngine.LABEL + "=" + engine.labels().get(TestEngine.LABEL)));

      try (JsonStream<ProgressMessage> push = images.pushStream(repository + ":1", ImagePushOptions.DEFAULT)) {
        assertTrue(push.hasNext(), "the push started");
        push.next();
        registry.destroyForcibly(); // the registry dies while the engine pushes
        assertTrue(registry.waitFor(10, TimeUnit.SECONDS));
        StreamErrorException e = assertThrows(StreamErrorException.class, () -> push.forEachRemaining(m -> { }));
        assertTrue(e.engineMessage().contains("127.0.0.1:" + PORT), e.engineMessage());
        assertTrue(e.getMessage().startsWith("ImagePush POST /images/{name}/push: "), e.getMessage());
      }
    } finally {
      registry.destroyForcibly();
      registry.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
