package dev.berth.tracing.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.BerthException;
import dev.berth.client.FrameReader;
import dev.berth.client.NotFoundException;
import dev.berth.client.RegistryAuth;
import dev.berth.client.StreamErrorException;
import dev.berth.containers.AttachedStream;
import dev.berth.containers.ContainerService;
import dev.berth.containers.WaitCondition;
import dev.berth.images.ImageService;
import dev.berth.testkit.EngineTest;
import dev.berth.testkit.TestEngine;
import dev.berth.testkit.TestEngines;
import dev.berth.transport.Doer;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import dev.berth.types.containers.ContainerCreateRequest;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Observations and meters of real calls to the test engine (Docker). */
@EngineTest
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BerthObservationsEngineTest {

  private static ContainerCreateRequest.Builder busybox(TestEngine engine, String... cmd) {
    return ContainerCreateRequest.builder().image(engine.image()).cmd(cmd).labels(engine.labels())
        .hostConfig(h -> h.networkMode("none"));
  }

  @Test
  void containerLifecycleCallsAreObservedWithOperationTagsAndStreamsStopOnClose(TestEngine engine) throws Exception {
    try (Fixture f = new Fixture(engine)) {
      ContainerService containers = ContainerService.create(f.client);
      String id = containers.create(busybox(engine, "sh", "-c", "cat - >/out")
          .openStdin(true).stdinOnce(true).attachStdin(true).build()).id();
      try (AttachedStream attached = containers.attach(id, o -> o.stdin(true))) {
        BerthRequestContext attach = f.only("ContainerAttach");
        assertFalse(f.stopped(attach), "a raw stream's observation runs until it is closed");
        containers.start(id);
        attached.stdin().write("hello".getBytes(StandardCharsets.UTF_8));
        attached.closeStdin();
        assertNull(attached.output().nextFrame());
      }
      BerthRequestContext attach = f.only("ContainerAttach");
      assertTrue(f.stopped(attach));
      assertTrue(attach.isRaw());
      assertEquals(5, attach.bytesWritten());
      assertNull(attach.getError());
      assertEquals(0L, containers.wait(id, WaitCondition.NOT_RUNNING).statusCode());

      String ticker = containers.create(busybox(engine, "sh", "-c", "while true; do echo tick; sleep 1; done").build()).id();
      containers.start(ticker);
      FrameReader logs = containers.logs(ticker, o -> o.follow(true));
      assertTrue(logs.next(), "the first tick");
      BerthRequestContext follow = f.only("ContainerLogs");
      assertFalse(f.stopped(follow), "a follow-logs observation runs while the stream is open");
      assertTrue(f.gauge(BerthObservations.OPEN_STREAMS) >= 1);
      assertTrue(f.gauge("berth.client.connections.in_use") >= 1);
      logs.close();
      assertTrue(f.stopped(follow), "closing the stream stops its observation");
      assertNull(follow.getError(), "closing early is not an error");
      assertFalse(follow.isComplete());

      containers.remove(ticker, o -> o.force(true).volumes(true));
      containers.remove(id);

      assertEquals(2, f.timer("ContainerCreate", "POST", "201", "SUCCESS", "none").count());
      assertEquals(2, f.timer("ContainerStart", "POST", "204", "SUCCESS", "none").count());
      assertEquals(1, f.timer("ContainerWait", "POST", "200", "SUCCESS", "none").count());
      assertEquals(1, f.timer("ContainerLogs", "GET", "200", "SUCCESS", "none").count());
      assertEquals(2, f.timer("ContainerDelete", "DELETE", "204", "SUCCESS", "none").count());
      Timer attachTimer = f.timers("ContainerAttach").get(0);
      assertEquals(1, f.timers("ContainerAttach").size());
      assertEquals("SUCCESS", attachTimer.getId().getTag("outcome"));
      assertTrue(List.of("101", "200").contains(attachTimer.getId().getTag("status")));
      assertEquals("docker", attachTimer.getId().getTag("engine"));
      TestObservationRegistryAssert.assertThat(f.observations)
          .hasAnObservation(o -> o.hasNameEqualTo(DefaultBerthObservationConvention.NAME)
              .hasContextualNameEqualTo("ContainerCreate")
              .hasLowCardinalityKeyValue("operation", "ContainerCreate")
              .doesNotHaveError())
          .forAllObservationsWithNameEqualTo(DefaultBerthObservationConvention.NAME,
              o -> o.hasLowCardinalityKeyValue("engine", "docker").doesNotHaveHighCardinalityKeyValueWithKey("path"));

      f.http.close();
      assertEquals(0, f.gauge(BerthObservations.OPEN_STREAMS));
      assertEquals(0, f.obs.openStreams());
      assertEquals(0, f.gauge("berth.client.connections.open"));
      assertEquals(0, f.gauge("berth.client.connections.in_use"));
      for (Observation.Context c : f.all()) {
        assertTrue(f.stopped(c), "every observation stopped: " + c);
      }
    }
  }

  @Test
  void aMissingContainerIsA404ClientErrorWithTheTypedException(TestEngine engine) {
    try (Fixture f = new Fixture(engine)) {
      ContainerService containers = ContainerService.create(f.client);
      NotFoundException e = assertThrows(NotFoundException.class, () -> containers.inspect("berth-missing-" + UUID.randomUUID()));
      BerthRequestContext inspect = f.only("ContainerInspect");
      assertTrue(f.stopped(inspect));
      assertSame(e, inspect.getError(), "the client's typed error marks the observation");
      assertEquals(404, inspect.status());
      Timer t = f.timer("ContainerInspect", "GET", "404", "CLIENT_ERROR", "NotFoundException");
      assertEquals(1, t.count());
    }
  }

  @Test
  void anErrorStatusSentPastTheClientStopsWhenItsResponseCloses(TestEngine engine) throws Exception {
    try (Fixture f = new Fixture(engine)) {
      // a call made on the doer directly has no typed error: its observation stops at the close
      Request missing = Request.get("/v1.41/containers/berth-missing-" + UUID.randomUUID() + "/json")
          .operation("ContainerInspect", "/containers/{id}/json").build();
      Doer doer = f.client.doer();
      BerthRequestContext inspect;
      try (Response r = doer.send(missing)) {
        assertEquals(404, r.status());
        r.body().bytes(4096);
      }
      inspect = f.only("ContainerInspect");
      assertTrue(f.stopped(inspect));
      assertNull(inspect.getError());
      assertEquals(1, f.timer("ContainerInspect", "GET", "404", "CLIENT_ERROR", "none").count());
    }
  }

  @Test
  void twentyMissingContainersMakeOneTimer(TestEngine engine) {
    try (Fixture f = new Fixture(engine)) {
      ContainerService containers = ContainerService.create(f.client);
      for (int i = 0; i < 20; i++) {
        assertThrows(NotFoundException.class, () -> containers.inspect("berth-missing-" + UUID.randomUUID()));
      }
      List<Timer> timers = f.timers("ContainerInspect");
      assertEquals(1, timers.size(), () -> f.allMeterIds());
      assertEquals(20, timers.get(0).count());
      for (Meter m : f.meters.getMeters()) {
        for (Tag tag : m.getId().getTags()) {
          assertFalse(tag.getValue().contains("berth-missing-"), m.getId().toString());
        }
      }
    }
  }

  @Test
  void anErrorInsideA200StreamMarksTheObservation(TestEngine engine) {
    try (Fixture f = new Fixture(engine)) {
      ImageService images = ImageService.create(f.client);
      // Docker 20.10 reports a push of a name with no local image inside the 200 progress stream
      String absent = TestEngines.registry() + "/berth-missing-" + UUID.randomUUID().toString().substring(0, 8) + ":x";
      StreamErrorException e = assertThrows(StreamErrorException.class, () -> images.push(absent));
      BerthRequestContext push = f.only("ImagePush");
      assertTrue(f.stopped(push));
      assertSame(e, push.getError());
      assertEquals(1, f.timer("ImagePush", "POST", "200", "SUCCESS", "StreamErrorException").count());

      // a pull of a repository the registry has not got: whatever the engine answers (a 404 on
      // Docker 20.10, an error inside the stream elsewhere), the observation carries the client's exception
      String missing = TestEngines.registry() + "/berth-missing-" + UUID.randomUUID().toString().substring(0, 8) + ":x";
      BerthException pull = assertThrows(BerthException.class, () -> images.pull(missing));
      BerthRequestContext create = f.only("ImageCreate");
      assertTrue(f.stopped(create));
      assertSame(pull, create.getError());
      Timer t = f.timers("ImageCreate").get(0);
      assertEquals(pull.getClass().getSimpleName(), t.getId().getTag("exception"));
      assertEquals(Integer.toString(create.status()), t.getId().getTag("status"));
    }
  }

  @Test
  void credentialsNeverReachNamesTagsOrKeyValues(TestEngine engine) {
    try (Fixture f = new Fixture(engine)) {
      ImageService images = ImageService.create(f.client);
      String secret = "s3cret-" + UUID.randomUUID();
      RegistryAuth auth = RegistryAuth.basic("user", secret, TestEngines.authRegistry());
      String image = TestEngines.authRegistry() + "/berth-missing-" + UUID.randomUUID().toString().substring(0, 8) + ":1";
      BerthException e = assertThrows(BerthException.class, () -> images.pull(image, o -> o.auth(auth)));
      assertSame(e, f.only("ImageCreate").getError());

      List<String> forbidden = List.of(secret,
          Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)),
          Base64.getUrlEncoder().withoutPadding().encodeToString(secret.getBytes(StandardCharsets.UTF_8)),
          RegistryAuth.header(auth));
      StringBuilder seen = new StringBuilder(f.allMeterIds()).append('\n').append(f.meters.getMetersAsString());
      for (Observation.Context c : f.all()) {
        seen.append('\n').append(c.getName()).append(' ').append(c.getContextualName())
            .append(' ').append(c.getLowCardinalityKeyValues()).append(' ').append(c.getHighCardinalityKeyValues())
            .append(' ').append(c);
      }
      for (String s : forbidden) {
        assertFalse(seen.toString().contains(s), "a credential leaked into: " + seen);
      }
      assertFalse(seen.toString().contains("berth-missing-"), "no image name in names or tags: " + seen);
    }
  }

  @Test
  void poolMetersCountDialsAndReuseAndTheConnectTimerRecords(TestEngine engine) {
    try (Fixture f = new Fixture(engine)) {
      for (int i = 0; i < 10; i++) {
        f.client.ping();
      }
      assertTrue(f.counter("berth.client.connections.dialed") >= 1);
      assertTrue(f.counter("berth.client.connections.reused") > 0, "pings reuse the pooled connection");
      assertTrue(f.gauge("berth.client.connections.idle") >= 1);
      assertEquals(0, f.gauge("berth.client.connections.in_use"));
      Timer connect = f.meters.get(BerthTransportMetrics.CONNECT).tag("outcome", "SUCCESS").timer();
      assertTrue(connect.count() > 0);
      assertTrue(connect.totalTime(TimeUnit.NANOSECONDS) > 0);
      assertEquals(0, f.meters.get(BerthTransportMetrics.CONNECT).tag("outcome", "FAILURE").timer().count());
      f.http.close();
      assertEquals(0, f.gauge("berth.client.connections.open"));
      assertTrue(f.counter("berth.client.connections.evicted") >= 1, "closing the doer drops its idle connections");
    }
  }
}
