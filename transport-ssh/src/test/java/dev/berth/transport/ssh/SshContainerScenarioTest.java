package dev.berth.transport.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import dev.berth.testkit.TrackingDialer;
import dev.berth.transport.Http1Doer;
import dev.berth.types.containers.ContainerCreateRequest;
import dev.berth.types.exec.ExecCreateRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;

/**
 * The container core scenario over SSH through the client and ContainerService: create, start,
 * follow logs, attach with stdin and half-close, exec with stdin, wait, remove (network mode
 * none), in both modes. Every connection is closed at the end.
 */
@EngineTest
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SshContainerScenarioTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"direct", "dial-stdio"})
  void createStartFollowLogsAttachExecWaitRemove(String mode, TestEngine engine) throws Exception {
    SshDialer.Builder b = SshRig.builder(SshRig.host());
    TrackingDialer dialer = new TrackingDialer((mode.equals("direct") ? b : b.dialStdio()).build());
    try (Http1Doer doer = Http1Doer.of(dialer); EngineClient client = EngineClient.builder(doer).build()) {
      ContainerService containers = ContainerService.create(client);

      // attach with stdin: the container echoes what we send, then ends when we half-close
      String id = containers.create(ContainerCreateRequest.builder().image(engine.image())
          .cmd("sh", "-c", "echo started; cat; echo done").labels(engine.labels())
          .hostConfig(h -> h.networkMode("none"))
          .openStdin(true).stdinOnce(true).attachStdin(true).build()).id();
      AttachedStream attached = containers.attach(id, o -> o.stdin(true));
      assertTrue(containers.start(id));
      FrameReader logs = containers.logs(id, o -> o.follow(true));
      CompletableFuture<List<String>> followed = CompletableFuture.supplyAsync(() -> {
        List<String> lines = new ArrayList<>();
        try (logs) {
          Frame f;
          while ((f = logs.nextFrame()) != null) {
            lines.add(f.text());
          }
        }
        return lines;
      });
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (attached) {
        attached.stdin().write("hello over ssh\n".getBytes(StandardCharsets.UTF_8));
        attached.closeStdin();
        attached.output().copyTo(out, out);
      }
      assertEquals("started\nhello over ssh\ndone\n", out.toString(StandardCharsets.UTF_8));
      assertEquals(0, containers.wait(id, WaitCondition.NOT_RUNNING).statusCode());
      assertEquals("started\nhello over ssh\ndone\n", String.join("", followed.get(30, TimeUnit.SECONDS)),
          "follow logs delivered every line and ended with the container");

      // exec with stdin and half-close in a running container
      String sleeper = containers.create(ContainerCreateRequest.builder().image(engine.image())
          .cmd("sleep", "60").labels(engine.labels()).hostConfig(h -> h.networkMode("none")).build()).id();
      assertTrue(containers.start(sleeper));
      String exec = containers.execCreate(sleeper, ExecCreateRequest.builder()
          .cmd("sh", "-c", "tr a-z A-Z; echo err >&2; exit 3")
          .attachStdin(true).attachStdout(true).attachStderr(true).build());
      ByteArrayOutputStream so = new ByteArrayOutputStream();
      ByteArrayOutputStream se = new ByteArrayOutputStream();
      try (AttachedStream session = containers.execStart(exec)) {
        session.stdin().write("shout\n".getBytes(StandardCharsets.UTF_8));
        session.closeStdin();
        session.output().copyTo(so, se);
      }
      assertEquals("SHOUT\n", so.toString(StandardCharsets.UTF_8));
      assertEquals("err\n", se.toString(StandardCharsets.UTF_8));
      assertEquals(3, containers.execInspect(exec).exitCode());

      containers.remove(sleeper, o -> o.force(true));
      containers.remove(id);
      assertThrows(NotFoundException.class, () -> containers.inspect(id));
      assertFalse(dialer.dialed() == 0);
    }
    assertEquals(0, dialer.open(), "every SSH channel closed");
  }
}
