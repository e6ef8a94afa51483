package dev.berth.transport.http2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.EngineClient;
import dev.berth.client.Frame;
import dev.berth.client.FrameReader;
import dev.berth.client.NotFoundException;
import dev.berth.containers.AttachedStream;
import dev.berth.containers.ContainerService;
import dev.berth.containers.WaitCondition;
import dev.berth.testkit.EngineTest;
import dev.berth.testkit.TestEngine;
import dev.berth.types.containers.ContainerCreateRequest;
import dev.berth.types.exec.ExecCreateRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The container scenario through the client over each HTTP/2 mode: create, start, follow logs,
 * exec output (exec start is a raw call: it goes over HTTP/1.1, which nginx's log shows), wait,
 * remove. Every call but the raw one travels as HTTP/2 on one connection.
 */
@EngineTest
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class Http2ContainerScenarioTest {

  @ParameterizedTest(name = "{0}")
  @EnumSource(H2Rig.Mode.class)
  void createStartFollowLogsExecWaitRemove(H2Rig.Mode mode, TestEngine engine) throws Exception {
    String mark = "scenario-" + UUID.randomUUID();
    Http2Doer h2 = H2Rig.doer(mode);
    try (EngineClient client = EngineClient.builder(new Marking(h2, mark)).ownsDoer(true).build()) {
      ContainerService containers = ContainerService.create(client);
      String id = containers.create(ContainerCreateRequest.builder().image(engine.image())
          .cmd("sh", "-c", "echo one; sleep 1; echo two; sleep 0.5; echo three >&2; sleep 0.5; echo four")
          .labels(engine.labels()).hostConfig(h -> h.networkMode("none")).build()).id();
      assertTrue(containers.start(id));

      List<String> lines = new ArrayList<>();
      try (FrameReader logs = containers.logs(id, o -> o.follow(true))) {
        Frame f;
        while ((f = logs.nextFrame()) != null) {
          lines.add(f.stream() + ":" + f.text());
        }
      }
      assertEquals(List.of("STDOUT:one\n", "STDOUT:two\n", "STDERR:three\n", "STDOUT:four\n"), lines,
          "follow logs delivered every line as the container wrote it and ended with it");
      assertEquals(0, containers.wait(id, WaitCondition.NOT_RUNNING).statusCode());

      String sleeper = containers.create(ContainerCreateRequest.builder().image(engine.image())
          .cmd("sleep", "60").labels(engine.labels()).hostConfig(h -> h.networkMode("none")).build()).id();
      assertTrue(containers.start(sleeper));
      String exec = containers.execCreate(sleeper, ExecCreateRequest.builder()
          .cmd("sh", "-c", "echo out; echo err >&2; exit 3").attachStdout(true).attachStderr(true).build());
      ByteArrayOutputStream so = new ByteArrayOutputStream();
      ByteArrayOutputStream se = new ByteArrayOutputStream();
      try (AttachedStream session = containers.execStart(exec)) {
        session.output().copyTo(so, se);
      }
      assertEquals("out\n", so.toString(StandardCharsets.UTF_8));
      assertEquals("err\n", se.toString(StandardCharsets.UTF_8));
      assertEquals(3, containers.execInspect(exec).exitCode());

      containers.remove(sleeper, o -> o.force(true));
      containers.remove(id);
      assertThrows(NotFoundException.class, () -> containers.inspect(id));
      assertEquals(1, h2.stats().dialedConnections(), "every HTTP/2 call shared one connection");
    }
    List<String[]> log = H2Rig.logLines(mark);
    assertTrue(log.size() >= 10, "nginx saw the calls: " + log.size());
    for (String[] f : log) {
      boolean raw = f[4].endsWith("/start") && f[4].contains("/exec/");
      assertEquals(raw ? "HTTP/1.1" : "HTTP/2.0", f[2], String.join(" ", f));
    }
  }
}
