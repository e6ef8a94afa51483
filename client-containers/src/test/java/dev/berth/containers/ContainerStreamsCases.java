package dev.berth.containers;

import static dev.berth.containers.ContainerLifecycleTest.busybox;
import static dev.berth.containers.ContainerLifecycleTest.running;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.Frame;
import dev.berth.client.FrameReader;
import dev.berth.client.MalformedResponseException;
import dev.berth.client.StreamType;
import dev.berth.testkit.TestEngine;
import dev.berth.types.containers.PathStat;
import dev.berth.types.exec.ExecCreateRequest;
import dev.berth.types.exec.ExecInspect;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Container tests that run against each real engine: {@link ContainerStreamsTest} (Docker) and
 * {@link PodmanContainerStreamsTest} (Podman's Docker-compatible API). Where the engines differ, the test asks
 * {@link #podman()} and asserts what that engine does, with the difference named.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class ContainerStreamsCases {
  /** Whether the engine under test is Podman. */
  abstract boolean podman();

  /** Whether the engine under test is Podman 5 ({@link Podman5ContainerStreamsTest}). */
  boolean podman5() {
    return false;
  }


  private static List<Frame> frames(FrameReader reader) {
    List<Frame> out = new ArrayList<>();
    try (reader) {
      Frame f;
      while ((f = reader.nextFrame()) != null) {
        out.add(f);
      }
    }
    return out;
  }

  @Test
  void logsKeepEachLineWithItsStreamInOrder(TestEngine engine) {
    ContainerService containers = ContainerService.create(engine.client());
    // the engine copies stdout and stderr on separate routines: only output some time apart
    // keeps its order across the two streams
    String id = running(containers, engine, "sh", "-c", "echo one; sleep 0.2; echo two >&2; sleep 0.2; echo three");
    containers.wait(id, WaitCondition.NOT_RUNNING);
    List<Frame> frames = frames(containers.logs(id));
    assertEquals(List.of("one\n", "two\n", "three\n"), frames.stream().map(Frame::text).toList());
    assertEquals(List.of(StreamType.STDOUT, StreamType.STDERR, StreamType.STDOUT),
        frames.stream().map(Frame::stream).toList());

    List<Frame> errOnly = frames(containers.logs(id, o -> o.stdout(false)));
    assertEquals(List.of("two\n"), errOnly.stream().map(Frame::text).toList());
    List<Frame> tail = frames(containers.logs(id, o -> o.tail(1)));
    assertEquals(List.of("three\n"), tail.stream().map(Frame::text).toList());
    List<Frame> stamped = frames(containers.logs(id, o -> o.timestamps(true)));
    assertTrue(stamped.get(0).text().matches("\\d{4}-\\d\\d-\\d\\dT.* one\\n"), stamped.get(0).text());
    List<Frame> future = frames(containers.logs(id, o -> o.since(Instant.now().plusSeconds(60))));
    assertTrue(future.isEmpty());
  }

  @Test
  void logsOfATtyContainerAreRawOutput(TestEngine engine) {
    ContainerService containers = ContainerService.create(engine.client());
    String id = containers.create(busybox(engine, "sh", "-c", "echo out; echo err >&2").tty(true).build()).id();
    containers.start(id);
    containers.wait(id, WaitCondition.NOT_RUNNING);
    FrameReader reader = containers.logs(id); // the service finds out about the TTY
    assertFalse(reader.isMultiplexed());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    reader.copyTo(out, OutputStream.nullOutputStream());
    assertEquals("out\r\nerr\r\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void followingLogsStopsWithinTwoHundredMillisecondsWhenClosedFromAnotherThread(TestEngine engine) throws Exception {
    ContainerService containers = ContainerService.create(engine.client());
    String id = running(containers, engine, "sh", "-c", "while true; do echo tick; sleep 1; done");
    FrameReader reader = containers.logs(id, o -> o.follow(true));
    assertTrue(reader.next(), "the first tick");
    CompletableFuture<Integer> rest = CompletableFuture.supplyAsync(() -> {
      int n = 0;
      while (reader.next()) {
        n++;
      }
      return n;
    });
    Thread.sleep(1500);
    long t0 = System.nanoTime();
    reader.close();
    rest.get(5, TimeUnit.SECONDS);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(ms < 200, "the follower stopped " + ms + " ms after close");
    assertFalse(reader.next());
  }

  @Test
  void followingLogsEndsWhenTheContainerExits(TestEngine engine) {
    ContainerService containers = ContainerService.create(engine.client());
    String id = running(containers, engine, "sh", "-c", "echo a; sleep 0.5; echo b");
    List<Frame> frames = frames(containers.logs(id, o -> o.follow(true)));
    assertEquals(List.of("a\n", "b\n"), frames.stream().map(Frame::text).toList());
  }

  @Test
  void demultiplexesAHundredMegabytesOfMixedOutputExactly(TestEngine engine) throws Exception {
    ContainerService containers = ContainerService.create(engine.client());
    // two writers at once: frames of both streams interleave in the log. Lines of 1000 bytes:
    // the log driver stores one entry per line, and millions of short lines take minutes.
    int n = 52_000;
    String awk = "awk 'BEGIN{s=sprintf(\"%0990d\",0); for(i=1;i<=" + n + ";i++) print i s}'";
    String id = running(containers, engine, "sh", "-c", awk + " & " + awk + " >&2; wait");
    assertEquals(0, containers.wait(id, WaitCondition.NOT_RUNNING).statusCode());
    MessageDigest expected = MessageDigest.getInstance("SHA-256");
    long expectedBytes = 0;
    String zeros = "0".repeat(990);
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      sb.append(i).append(zeros).append('\n');
      if (sb.length() > 1 << 16) {
        byte[] b = sb.toString().getBytes(StandardCharsets.US_ASCII);
        expected.update(b);
        expectedBytes += b.length;
        sb.setLength(0);
      }
    }
    byte[] tail = sb.toString().getBytes(StandardCharsets.US_ASCII);
    expected.update(tail);
    expectedBytes += tail.length;
    byte[] want = expected.digest();

    MessageDigest out = MessageDigest.getInstance("SHA-256");
    MessageDigest err = MessageDigest.getInstance("SHA-256");
    long[] counts = new long[3];
    int switches = 0;
    StreamType last = null;
    try (FrameReader reader = containers.logs(id, o -> o.tty(false))) {
      while (reader.next()) {
        (reader.stream() == StreamType.STDOUT ? out : err).update(reader.buffer(), 0, reader.length());
        counts[reader.stream().ordinal()] += reader.length();
        if (reader.stream() != last) {
          switches++;
          last = reader.stream();
        }
      }
    }
    assertEquals(expectedBytes, counts[StreamType.STDOUT.ordinal()]);
    assertEquals(expectedBytes, counts[StreamType.STDERR.ordinal()]);
    assertTrue(2 * expectedBytes > 100_000_000L, "at least 100 MB in all: " + 2 * expectedBytes);
    assertArrayEquals(want, out.digest(), "stdout bytes in order");
    assertArrayEquals(want, err.digest(), "stderr bytes in order");
    assertTrue(switches > 2, "the streams were interleaved (" + switches + " switches)");
  }

  /**
   * The archive of a path in a container that has just exited. Podman 5's wait returns before the
   * container's clean-up, which unmounts its file system: an archive read meanwhile comes back empty
   * (HTTP 200, no body; the service logs "copier: get: globs [...] matched nothing"), which the
   * service reports as a typed error, and a later read succeeds. Docker and Podman 4.3 never do it.
   */
  Archive archiveOfExited(ContainerService containers, String id, String path) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return containers.archive(id, path);
      } catch (MalformedResponseException e) {
        assertTrue(podman5(), "only Podman 5 answers an empty archive: " + e.getMessage());
        assertTrue(e.getMessage().contains("empty archive for " + path), e.getMessage());
        if (attempt == 50) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  @Test
  void attachSendsStdinWithHalfCloseAndTheFileCanBeReadBack(TestEngine engine) throws Exception {
    // the seed scenario: `sh -c "cat - >/out"` gets "hello" through attach, /out is read back
    ContainerService containers = ContainerService.create(engine.client());
    String id = containers.create(busybox(engine, "sh", "-c", "cat - >/out")
        .openStdin(true).stdinOnce(true).attachStdin(true).build()).id();
    try (AttachedStream attached = containers.attach(id, o -> o.stdin(true))) {
      assertTrue(attached.isMultiplexed());
      containers.start(id);
      attached.stdin().write("hello".getBytes(StandardCharsets.UTF_8));
      attached.closeStdin();
      assertNull(attached.output().nextFrame(), "no output; the stream ends when the container exits");
    }
    assertEquals(0, containers.wait(id, WaitCondition.NOT_RUNNING).statusCode());
    try (Archive archive = archiveOfExited(containers, id, "/out")) {
      assertEquals("out", archive.stat().name());
      assertEquals(5, archive.stat().size());
      Map<String, byte[]> entries = Tars.read(archive.tar());
      assertEquals("hello", new String(entries.get("out"), StandardCharsets.UTF_8));
    }
  }

  @Test
  void attachStreamsOutputAndEchoesWithATty(TestEngine engine) throws Exception {
    ContainerService containers = ContainerService.create(engine.client());
    String id = containers.create(busybox(engine, "cat").tty(true).openStdin(true).attachStdin(true).build()).id();
    try (AttachedStream attached = containers.attach(id, o -> o.stdin(true))) {
      assertFalse(attached.isMultiplexed(), "a TTY container's output is raw");
      containers.start(id);
      containers.resize(id, 40, 100);
      attached.stdin().write("ping\n".getBytes(StandardCharsets.UTF_8));
      attached.stdin().flush();
      StringBuilder seen = new StringBuilder();
      while (!seen.toString().contains("ping") && attached.output().next()) {
        seen.append(new String(attached.output().buffer(), 0, attached.output().length(), StandardCharsets.UTF_8));
      }
      assertTrue(seen.toString().contains("ping"), seen.toString());
    }
  }

  @Test
  void resizeChangesTheTtySizeTheProcessSees(TestEngine engine) {
    ContainerService containers = ContainerService.create(engine.client());
    String id = containers.create(busybox(engine, "sh", "-c", "sleep 1; stty size").tty(true).build()).id();
    containers.start(id);
    containers.resize(id, 41, 101);
    containers.wait(id, WaitCondition.NOT_RUNNING);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    containers.logs(id, o -> o.tty(true)).copyTo(out, out);
    assertEquals("41 101", out.toString(StandardCharsets.UTF_8).trim());
  }

  @Test
  void execAttachedWithStdinAndHalfClose(TestEngine engine) throws Exception {
    ContainerService containers = ContainerService.create(engine.client());
    String id = running(containers, engine, "sleep", "60");
    String exec = containers.execCreate(id, ExecCreateRequest.builder()
        .cmd("sh", "-c", "tr a-z A-Z; echo done >&2; exit 5")
        .attachStdin(true).attachStdout(true).attachStderr(true).build());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (AttachedStream session = containers.execStart(exec, o -> o.tty(false))) {
      session.stdin().write("shout\n".getBytes(StandardCharsets.UTF_8));
      session.closeStdin();
      session.output().copyTo(out, err);
    }
    assertEquals("SHOUT\n", out.toString(StandardCharsets.UTF_8));
    assertEquals("done\n", err.toString(StandardCharsets.UTF_8));
    ExecInspect inspect = containers.execInspect(exec);
    assertFalse(inspect.running());
    assertEquals(5, inspect.exitCode());
    assertEquals(id, inspect.containerId());
  }

  @Test
  void execDetachedAndWithATty(TestEngine engine) throws Exception {
    ContainerService containers = ContainerService.create(engine.client());
    String id = running(containers, engine, "sleep", "60");
    String detached = containers.execCreate(id, ExecCreateRequest.builder().cmd("sh", "-c", "echo bg > /bg; exit 2").build());
    containers.execStartDetached(detached);
    if (podman()) {
      // Podman 4.3 keeps reporting a detached exec as running with exit code 0 after it ended:
      // only its effect can be checked
      for (int i = 0; i < 50 && !fileExists(containers, id, "/bg"); i++) {
        Thread.sleep(100);
      }
    } else {
      ExecInspect state = containers.execInspect(detached);
      for (int i = 0; i < 50 && state.running(); i++) {
        Thread.sleep(100);
        state = containers.execInspect(detached);
      }
      assertEquals(2, state.exitCode());
    }
    assertEquals(3L, containers.stat(id, "/bg").size());

    String tty = containers.execCreate(id, ExecCreateRequest.builder().cmd("sh", "-c", "sleep 0.5; stty size")
        .tty(true).attachStdout(true).build());
    try (AttachedStream session = containers.execStart(tty)) {
      containers.execResize(tty, 33, 77);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      session.output().copyTo(out, out);
      assertEquals("33 77", out.toString(StandardCharsets.UTF_8).trim());
    }
  }

  @Test
  void archivesGoInAndComeOutWithTheirStat(TestEngine engine, @TempDir Path dir) throws Exception {
    ContainerService containers = ContainerService.create(engine.client());
    String id = running(containers, engine, "sleep", "60");
    containers.putArchive(id, "/tmp", new ByteArrayInputStream(Tars.of(Map.of("a.txt", "alpha", "sub/b.txt", "beta"))));
    PathStat stat = containers.stat(id, "/tmp/sub");
    assertTrue(stat.isDirectory(), "mode " + Long.toOctalString(stat.mode()));
    assertEquals("sub", stat.name());

    Path tree = dir.resolve("tree");
    Files.createDirectories(tree.resolve("nested/deeper"));
    Files.writeString(tree.resolve("top.txt"), "top");
    Files.writeString(tree.resolve("nested/deeper/leaf.txt"), "leaf");
    Files.createSymbolicLink(tree.resolve("link"), Path.of("top.txt"));
    String longName = "n".repeat(150) + ".txt";
    Files.writeString(tree.resolve(longName), "long");
    containers.copyInto(id, tree, "/tmp");
    PathStat link = containers.stat(id, "/tmp/tree/link");
    assertTrue(link.isSymlink());
    // the engine reports the link's target resolved to an absolute path
    assertEquals("/tmp/tree/top.txt", link.linkTarget());

    try (Archive archive = containers.archive(id, "/tmp/tree")) {
      assertTrue(archive.stat().isDirectory());
      Map<String, byte[]> entries = Tars.read(archive.tar());
      assertEquals("top", new String(entries.get("tree/top.txt")));
      assertEquals("leaf", new String(entries.get("tree/nested/deeper/leaf.txt")));
      assertEquals("long", new String(entries.get("tree/" + longName)));
    }
    try (Archive archive = containers.archive(id, "/tmp/a.txt")) {
      assertEquals(5, archive.stat().size());
      assertEquals("alpha", new String(Tars.read(archive.tar()).get("a.txt")));
    }
    assertNotNull(containers.stat(id, "/tmp/sub/b.txt"));
  }

  private static boolean fileExists(ContainerService containers, String id, String path) {
    try {
      containers.stat(id, path); // never null: a missing path is NotFoundException
      return true;
    } catch (dev.berth.client.NotFoundException e) {
      return false;
    }
  }
}
