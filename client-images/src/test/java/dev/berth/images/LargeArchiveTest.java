package dev.berth.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testkit.EngineTest;
import dev.berth.testkit.TestEngine;
import dev.berth.types.images.ImageInspect;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * An image larger than the heap through import, save and load: client-images' "bounded-memory"
 * surefire execution runs it with {@code -Xmx128m}, with 256 MiB in the default suite and 1 GiB
 * from {@code scripts/test-large-images} ({@code BERTH_LARGE_BYTES}); it prints the heap it
 * measured and writes it to {@code target/large-archive-report.txt}. The other executions skip it
 * ({@code BERTH_LARGE_TESTS} is set only in that one).
 */
@EngineTest
@EnabledIfEnvironmentVariable(named = "BERTH_LARGE_TESTS", matches = "1")
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class LargeArchiveTest {

  /** Samples the used heap every few milliseconds; the peak is an upper bound of the live data. */
  static final class HeapSampler implements AutoCloseable {
    private final AtomicLong peak = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    HeapSampler() {
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          pool.resetPeakUsage();
        }
      }
      thread = new Thread(() -> {
        while (running) {
          long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
          peak.accumulateAndGet(used, Math::max);
          try {
            Thread.sleep(5);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "heap-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    long sampledPeak() {
      return peak.get();
    }

    /** The sum of each heap pool's own peak since the start (an over-estimate: pools peak at different times). */
    static long poolPeaks() {
      long sum = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
          sum += pool.getPeakUsage().getUsed();
        }
      }
      return sum;
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      thread.interrupt();
      thread.join();
    }
  }

  /**
   * A tar of one file of {@code size} pseudo-random bytes, made as it is read: the test never
   * holds the archive.
   */
  static final class GeneratedTar extends InputStream {
    private final byte[] header;
    private final long size;
    private final long total;
    private long pos;
    private long x = 0x9E3779B97F4A7C15L;

    GeneratedTar(String name, long size) {
      this.size = size;
      this.header = header(name, size);
      long padded = (size + 511) / 512 * 512;
      this.total = 512 + padded + 1024;
    }

    private static byte[] header(String name, long size) {
      byte[] h = new byte[512];
      put(h, 0, name);
      put(h, 100, "0000644");
      put(h, 108, "0000000");
      put(h, 116, "0000000");
      put(h, 124, String.format(Locale.ROOT, "%011o", size));
      put(h, 136, String.format(Locale.ROOT, "%011o", 1_700_000_000L));
      for (int i = 148; i < 156; i++) {
        h[i] = ' ';
      }
      h[156] = '0';
      put(h, 257, "ustar");
      h[263] = '0';
      h[264] = '0';
      int sum = 0;
      for (byte b : h) {
        sum += b & 0xff;
      }
      put(h, 148, String.format(Locale.ROOT, "%06o", sum));
      h[154] = 0;
      h[155] = ' ';
      return h;
    }

    private static void put(byte[] h, int off, String s) {
      byte[] b = s.getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(b, 0, h, off, b.length);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= total) {
        return -1;
      }
      int n = (int) Math.min(len, total - pos);
      for (int i = 0; i < n; i++) {
        long p = pos + i;
        byte v;
        if (p < 512) {
          v = header[(int) p];
        } else if (p < 512 + size) {
          if ((p - 512) % 8 == 0) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
          }
          v = (byte) (x >>> (8 * ((p - 512) % 8)));
        } else {
          v = 0;
        }
        b[off + i] = v;
      }
      pos += n;
      return n;
    }
  }

  @Test
  void aGigabyteImageImportsSavesAndLoadsInASmallHeap(TestEngine engine, @TempDir Path tmp) throws Exception {
    long size = Long.parseLong(System.getenv().getOrDefault("BERTH_LARGE_BYTES", Long.toString(1L << 30)));
    long maxHeap = Runtime.getRuntime().maxMemory();
    ImageService images = ImageService.create(engine.client());
    String name = engine.imageName("large") + ":1";
    String repository = name.substring(0, name.length() - 2);
    StringBuilder report = new StringBuilder();
    report.append(String.format(Locale.ROOT, "max heap %d MiB, image payload %d MiB%n", maxHeap >> 20, size >> 20));

    try (HeapSampler heap = new HeapSampler()) {
      long t0 = System.nanoTime();
      String id = images.importImage(new GeneratedTar("big.bin", size), o -> o.repository(repository).tag("1")
          .change("LABEL " + TestEngine.LABEL + "=" + engine.labels().get(TestEngine.LABEL)));
      long t1 = System.nanoTime();

      Path file = tmp.resolve("image.tar");
      long saved;
      try (InputStream in = images.saveStream(name); OutputStream out = Files.newOutputStream(file)) {
        saved = in.transferTo(out);
      }
      long t2 = System.nanoTime();

      images.remove(name, o -> o.force(true));
      List<String> loaded = images.load(Files.newInputStream(file));
      long t3 = System.nanoTime();
      ImageInspect image = images.inspect(name);
      assertEquals(List.of(name), loaded);
      assertEquals(id, image.id());
      assertTrue(image.size() >= size, "image size " + image.size());
      assertTrue(saved >= size, "saved " + saved);

      report.append(String.format(Locale.ROOT, "import %d MiB in %.1f s, save %d MiB in %.1f s, load in %.1f s%n",
          size >> 20, (t1 - t0) / 1e9, saved >> 20, (t2 - t1) / 1e9, (t3 - t2) / 1e9));
      report.append(String.format(Locale.ROOT, "peak used heap sampled every 5 ms: %.1f MiB; sum of heap pool peaks: %.1f MiB%n",
          heap.sampledPeak() / 1048576.0, HeapSampler.poolPeaks() / 1048576.0));
    }
    System.out.print(report);
    Path out = Path.of(System.getenv().getOrDefault("BERTH_BUILD_DIR", "target"), "large-archive-report.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
  }
}
