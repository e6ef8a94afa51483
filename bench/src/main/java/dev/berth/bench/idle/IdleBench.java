package dev.berth.bench.idle;

import dev.berth.client.EngineClient;
import dev.berth.client.FrameReader;
import dev.berth.containers.ContainerService;
import dev.berth.transport.Dialer;
import dev.berth.transport.Dialers;
import dev.berth.transport.Http1Doer;
import dev.berth.transport.Request;
import dev.berth.transport.TlsConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What waiting costs (issue 15): idle CPU of calls waiting for their answer and of open follow
 * streams, file descriptors per connection, heap per idle stream, and how fast closing every
 * stream ends every reader, at 100, 1,000 and 10,000 concurrent streams.
 *
 * <p>The streams go to a fan-out peer in a child process (a real engine is not asked for 10,000
 * streams; its descriptors would not count against this process either): a one-thread selector
 * server on a Unix socket that answers a follow-logs request with a chunked head and one line,
 * then stays silent, and never answers {@code /stall}. Readers run on virtual threads where the
 * JDK has them (21+), else on platform threads with small stacks. Run by {@code scripts/bench-idle};
 * {@code --engine unix:///var/run/docker.sock --container ID} instead follows a real container, and
 * {@code --engine tcp://127.0.0.1:2376 --tls-cert-path DIR --container ID} follows it over mutual TLS.
 */
public final class IdleBench {
  private static final byte[] HEAD = ("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\n"
      + "Content-Type: application/vnd.docker.raw-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
      + "6\r\nhello\n\r\n").getBytes(StandardCharsets.ISO_8859_1);

  private IdleBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("peer")) {
      peer(Path.of(args[1]));
      return;
    }
    List<Integer> counts = new ArrayList<>();
    String engine = null;
    String container = null;
    Path tlsCertPath = null; // with --engine tcp://host:port: mutual TLS with this directory's PEM files
    long idleMillis = 5000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--streams": for (String s : args[++i].split(",")) { counts.add(Integer.parseInt(s)); } break;
        case "--engine": engine = args[++i]; break;
        case "--container": container = args[++i]; break;
        case "--tls-cert-path": tlsCertPath = Path.of(args[++i]); break;
        case "--idle-ms": idleMillis = Long.parseLong(args[++i]); break;
        default: throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (counts.isEmpty()) {
      counts = List.of(100, 1000, 10000);
    }
    System.out.printf("java %s, %s readers, %d cores, load average %s%n", Runtime.version(),
        virtualThreads() ? "virtual-thread" : "platform-thread", Runtime.getRuntime().availableProcessors(),
        Files.readString(Path.of("/proc/loadavg")).trim());
    Process peer = null;
    String address = engine;
    if (engine == null) {
      Path socket = Files.createTempDirectory("berth-idle").resolve("peer.sock");
      peer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xss256k", "-cp", System.getProperty("java.class.path"), IdleBench.class.getName(), "peer", socket.toString())
          .inheritIO().start();
      for (int i = 0; i < 200 && !Files.exists(socket); i++) {
        Thread.sleep(50);
      }
      address = "unix://" + socket;
      container = "c1";
    }
    try {
      waitingCall(address, idleMillis);
      Dialer dialer = dialer(address, tlsCertPath);
      for (int n : counts) {
        streams(dialer, container, n, idleMillis);
      }
    } finally {
      if (peer != null) {
        peer.destroy();
        peer.waitFor(5, TimeUnit.SECONDS);
      }
    }
  }

  /** One call waiting for a head that never comes (the fake peer's /stall): CPU and wake-ups while it waits. */
  private static void waitingCall(String address, long idleMillis) throws Exception {
    if (!address.contains("berth-idle")) {
      return; // only the fake peer can be asked to stall
    }
    try (Http1Doer doer = Http1Doer.builder(Dialers.unix(Path.of(address.substring("unix://".length()))))
        .readTimeout(Duration.ZERO).build()) {
      Thread t = new Thread(() -> {
        try {
          doer.send(Request.get("/stall").build()).close();
        } catch (IOException expected) {
          // interrupted at the end
        }
      }, "waiting-call");
      t.start();
      Thread.sleep(500);
      long cpu0 = threadCpu(t);
      long p0 = processCpu();
      Thread.sleep(idleMillis);
      long cpu = threadCpu(t) - cpu0;
      long p = processCpu() - p0;
      System.out.printf("one call waiting for its head: thread CPU %.3f ms/s, process CPU %.3f ms/s, fds per connection %s%n",
          cpu / 1e6 / (idleMillis / 1000.0), p / 1e6 / (idleMillis / 1000.0), "see below");
      t.interrupt();
      t.join(5000);
      System.out.printf("  interrupt ended it: %s%n", !t.isAlive());
    }
  }

  private static Dialer dialer(String address, Path tlsCertPath) throws IOException {
    if (address.startsWith("tcp://")) {
      URI u = URI.create(address);
      if (tlsCertPath == null) {
        return Dialers.tcp(u.getHost(), u.getPort());
      }
      return Dialers.tls(u.getHost(), u.getPort(), TlsConfig.fromCertPath(tlsCertPath, true));
    }
    return Dialers.unix(Path.of(address.substring("unix://".length())));
  }

  private static void streams(Dialer dialer, String container, int n, long idleMillis) throws Exception {
    System.gc();
    System.gc();
    long heap0 = usedHeap();
    int fds0 = openFds();
    Http1Doer doer = Http1Doer.builder(dialer).maxIdleConnections(0).build();
    EngineClient client = EngineClient.builder(doer).ownsDoer(true).apiVersion("1.41").build();
    ContainerService containers = ContainerService.create(client);
    CountDownLatch firstLine = new CountDownLatch(n);
    CountDownLatch ended = new CountDownLatch(n);
    AtomicInteger failedToOpen = new AtomicInteger();
    List<FrameReader> readers = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    String id = container;
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      Runnable reader = () -> {
        FrameReader logs = null;
        try {
          logs = containers.logs(id, o -> o.follow(true).tty(true).tail(1));
          readers.add(logs);
          boolean first = true;
          while (logs.next()) {
            if (first) {
              firstLine.countDown();
              first = false;
            }
          }
        } catch (RuntimeException e) {
          if (logs == null) {
            failedToOpen.incrementAndGet();
            firstLine.countDown();
          }
        } finally {
          ended.countDown();
        }
      };
      threads.add(start(reader));
    }
    if (!firstLine.await(120, TimeUnit.SECONDS)) {
      System.out.printf("%d streams: only %d opened in 120 s%n", n, n - firstLine.getCount());
    }
    long openMs = (System.nanoTime() - t0) / 1_000_000;
    Thread.sleep(300);
    System.gc();
    System.gc();
    long heap = usedHeap() - heap0;
    int fds = openFds() - fds0;
    long p0 = processCpu();
    long w0 = System.nanoTime();
    Thread.sleep(idleMillis);
    double idleSec = (System.nanoTime() - w0) / 1e9;
    double cpuMsPerSec = (processCpu() - p0) / 1e6 / idleSec;
    long c0 = System.nanoTime();
    long cancelCpu0 = processCpu();
    synchronized (readers) {
      for (FrameReader r : readers) {
        r.close();
      }
    }
    long closeLoopMs = (System.nanoTime() - c0) / 1_000_000;
    boolean allEnded = ended.await(30, TimeUnit.SECONDS);
    long cancelMs = (System.nanoTime() - c0) / 1_000_000;
    long cancelCpuMs = (processCpu() - cancelCpu0) / 1_000_000;
    int open = n - failedToOpen.get();
    System.out.printf("%6d streams (%d opened in %d ms): heap/stream %6.1f KiB, fds/stream %.2f, idle CPU %.2f ms/s"
            + " (%.4f ms/s per stream), cancel-all %d ms (closing: %d ms, CPU %d ms)%s%n",
        n, open, openMs, heap / 1024.0 / Math.max(1, open), fds / (double) Math.max(1, open), cpuMsPerSec,
        cpuMsPerSec / Math.max(1, open), cancelMs, closeLoopMs, cancelCpuMs, allEnded ? "" : " (NOT all ended)");
    for (Thread t : threads) {
      t.join(1000);
    }
    client.close();
  }

  private static boolean virtualThreads() {
    return Runtime.version().feature() >= 21;
  }

  private static Thread start(Runnable r) throws Exception {
    if (virtualThreads()) {
      // Thread.ofVirtual().start(r), by reflection: this module compiles for Java 17
      Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
      return (Thread) Class.forName("java.lang.Thread$Builder").getMethod("start", Runnable.class).invoke(builder, r);
    }
    Thread t = new Thread(null, r, "reader", 256 * 1024);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static long usedHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static long threadCpu(Thread t) {
    return ManagementFactory.getThreadMXBean().getThreadCpuTime(t.getId());
  }

  private static int openFds() throws IOException {
    try (var s = Files.list(Path.of("/proc/self/fd"))) {
      return (int) s.count();
    }
  }

  // ---------------------------------------------------------------- the fan-out peer (child process)

  private static void peer(Path socket) throws IOException {
    Files.deleteIfExists(socket);
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        Selector selector = Selector.open()) {
      server.bind(UnixDomainSocketAddress.of(socket), 4096);
      server.configureBlocking(false);
      server.register(selector, SelectionKey.OP_ACCEPT);
      Map<SocketChannel, StringBuilder> requests = new ConcurrentHashMap<>();
      ByteBuffer buf = ByteBuffer.allocate(8192);
      for (;;) {
        selector.select();
        for (var it = selector.selectedKeys().iterator(); it.hasNext(); ) {
          SelectionKey k = it.next();
          it.remove();
          if (k.isAcceptable()) {
            SocketChannel c;
            while ((c = server.accept()) != null) {
              c.configureBlocking(false);
              c.register(selector, SelectionKey.OP_READ);
              requests.put(c, new StringBuilder());
            }
            continue;
          }
          SocketChannel c = (SocketChannel) k.channel();
          buf.clear();
          int r;
          try {
            r = c.read(buf);
          } catch (IOException e) {
            r = -1;
          }
          if (r < 0) {
            k.cancel();
            c.close();
            requests.remove(c);
            continue;
          }
          StringBuilder sb = requests.get(c);
          if (sb == null) {
            continue; // already answered: bytes after the request are ignored
          }
          sb.append(new String(buf.array(), 0, r, StandardCharsets.ISO_8859_1));
          int end = sb.indexOf("\r\n\r\n");
          if (end >= 0) {
            requests.remove(c);
            if (!sb.toString().startsWith("GET /stall")) {
              c.write(ByteBuffer.wrap(HEAD)); // small: fits the socket buffer
            }
          }
        }
      }
    }
  }
}
