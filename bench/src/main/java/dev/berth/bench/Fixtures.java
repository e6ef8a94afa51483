package dev.berth.bench;

import dev.berth.client.EngineClient;
import dev.berth.client.FrameReader;
import dev.berth.types.containers.ContainerSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Containers the benchmarks need, made through berth's raw API, labelled {@value Engine#LABEL}
 * and removed afterwards ({@code java ... Fixtures cleanup} removes any leftovers).
 */
public final class Fixtures {
  private Fixtures() {}

  /** Bytes of output of the log fixture: 200 MiB. */
  public static final long LOG_BYTES = 200L * 1024 * 1024;
  /** One log line: 1023 characters and a newline (the engine makes one frame per line). */
  public static final int LOG_LINE = 1024;
  static final String LOG_LABEL_VALUE = "logs-200MiB-1KiB-lines-v1";
  /** Where captured engine responses are kept between runs. */
  public static final Path WORK = Path.of(System.getProperty("berth.bench.work", "/tmp/berth-bench"));

  /** Creates {@code n} containers (created, never started) labelled {@code LABEL=value}. */
  public static List<String> createLabelled(int n, String value) {
    try (EngineClient client = Engine.berth()) {
      BerthContainers c = new BerthContainers(client);
      List<String> ids = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        ids.add(Engine.retry("create fixture", () -> c.create(Engine.IMAGE, List.of("true"),
            Map.of(Engine.LABEL, value, Engine.LABEL + ".n", Integer.toString(ids.size())))));
      }
      return ids;
    }
  }

  /** A fresh label value for one trial's fixtures. */
  public static String uniqueValue(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Removes (forced) every container labelled {@code LABEL=value}, or with the label at all. */
  public static int removeLabelled(String value) {
    try (EngineClient client = Engine.berth()) {
      BerthContainers c = new BerthContainers(client);
      String filter = value == null ? Engine.LABEL : Engine.LABEL + "=" + value;
      List<ContainerSummary> list = Engine.retry("list fixtures", () -> c.listByLabel(filter));
      for (ContainerSummary s : list) {
        Engine.retry("remove fixture", () -> {
          try {
            c.remove(s.id(), true);
          } catch (dev.berth.client.NotFoundException gone) {
            // removed meanwhile
          }
          return null;
        });
      }
      return list.size();
    }
  }

  /**
   * The id of an exited container whose stdout is {@link #LOG_BYTES} bytes of 1 KiB lines; made
   * (once, some seconds) when none exists. It is kept for later runs; cleanup removes it.
   */
  public static String logContainer() {
    try (EngineClient client = Engine.berth()) {
      BerthContainers c = new BerthContainers(client);
      String label = Engine.LABEL + "=" + LOG_LABEL_VALUE;
      for (ContainerSummary s : Engine.retry("list log fixture", () -> c.listByLabel(label))) {
        if ("exited".equals(s.state()) && s.status() != null && s.status().startsWith("Exited (0)")) {
          return s.id();
        }
        c.remove(s.id(), true);
      }
      String script = "yes \"$(head -c " + (LOG_LINE - 1) + " /dev/zero | tr '\\000' x)\" | head -c " + LOG_BYTES;
      String id = c.create(Engine.IMAGE, List.of("sh", "-c", script), Map.of(Engine.LABEL, LOG_LABEL_VALUE));
      c.start(id);
      int code = c.await(id);
      if (code != 0) {
        throw new IllegalStateException("log fixture exited with " + code);
      }
      long got = 0;
      try (FrameReader frames = c.logs(id)) {
        while (frames.next()) {
          got += frames.length();
        }
      }
      if (got != LOG_BYTES) {
        c.remove(id, true);
        throw new IllegalStateException("log fixture produced " + got + " bytes, not " + LOG_BYTES);
      }
      return id;
    }
  }

  /**
   * The raw HTTP response (head and chunked body, exactly as the engine sent them) of
   * {@code GET /containers/{id}/logs?stdout=1&stderr=1} for the log fixture, captured once into a
   * file. It is fetched with {@code Connection: close} and that header is taken out of the
   * engine's answer, so it replays as the keep-alive response it otherwise is.
   */
  public static Path logCapture(String id) {
    try {
      Files.createDirectories(WORK);
      Path file = WORK.resolve("logs-" + id.substring(0, 12) + ".http");
      if (Files.exists(file)) {
        return file;
      }
      Path tmp = Files.createTempFile(WORK, "capture", ".tmp");
      try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(Engine.SOCKET));
          FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer req = ByteBuffer.wrap(("GET " + Engine.API + "/containers/" + id + "/logs?stdout=1&stderr=1 HTTP/1.1\r\n"
            + "Host: docker\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        while (req.hasRemaining()) {
          ch.write(req);
        }
        long pos = 0;
        long n;
        while ((n = out.transferFrom(ch, pos, 1 << 24)) > 0) {
          pos += n;
        }
      }
      byte[] start;
      try (FileChannel in = FileChannel.open(tmp)) {
        ByteBuffer b = ByteBuffer.allocate(4096);
        in.read(b, 0);
        start = java.util.Arrays.copyOf(b.array(), b.position());
      }
      String text = new String(start, StandardCharsets.ISO_8859_1);
      int headEnd = text.indexOf("\r\n\r\n") + 4;
      String head = text.substring(0, headEnd);
      String kept = head.replaceAll("(?i)connection: close\r\n", "");
      if (!head.startsWith("HTTP/1.1 200") || !head.toLowerCase().contains("transfer-encoding: chunked")) {
        throw new IllegalStateException("unexpected log response head: " + head);
      }
      Path out = Files.createTempFile(WORK, "capture", ".tmp");
      try (FileChannel in = FileChannel.open(tmp); FileChannel o = FileChannel.open(out, StandardOpenOption.WRITE)) {
        o.write(ByteBuffer.wrap(kept.getBytes(StandardCharsets.ISO_8859_1)));
        long size = in.size();
        long p = headEnd;
        while (p < size) {
          p += in.transferTo(p, size - p, o);
        }
      }
      Files.delete(tmp);
      Files.move(out, file, StandardCopyOption.ATOMIC_MOVE);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes every labelled container except those labelled {@code LABEL=keep}. */
  static int removeAllBut(String keep) {
    try (EngineClient client = Engine.berth()) {
      BerthContainers c = new BerthContainers(client);
      int n = 0;
      for (ContainerSummary s : Engine.retry("list fixtures", () -> c.listByLabel(Engine.LABEL))) {
        if (!keep.equals(s.labels().get(Engine.LABEL))) {
          c.remove(s.id(), true);
          n++;
        }
      }
      return n;
    }
  }

  static void deleteCaptures() {
    try (java.util.stream.Stream<Path> files = Files.exists(WORK) ? Files.list(WORK) : java.util.stream.Stream.empty()) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (f.getFileName().toString().startsWith("logs-") || f.getFileName().toString().startsWith("capture")) {
          Files.deleteIfExists(f);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code java ... dev.berth.bench.Fixtures cleanup [--keep-logs] | logs}. */
  public static void main(String[] args) {
    String what = args.length == 0 ? "cleanup" : args[0];
    switch (what) {
      case "cleanup":
        boolean keepLogs = args.length > 1 && args[1].equals("--keep-logs");
        int n = keepLogs ? removeAllBut(LOG_LABEL_VALUE) : removeLabelled(null);
        if (!keepLogs) {
          deleteCaptures();
        }
        System.out.println("bench: removed " + n + " labelled container(s)");
        break;
      case "logs":
        String id = logContainer();
        System.out.println(id + " " + logCapture(id));
        break;
      default:
        throw new IllegalArgumentException("usage: Fixtures cleanup|logs");
    }
  }

}
