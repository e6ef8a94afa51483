package dev.berth.cli;

import dev.berth.types.progress.ProgressMessage;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Shows the progress messages of a pull, push or build. On a terminal: one bar per layer, redrawn
 * in place (ANSI cursor moves), and a totals line with the rate. Elsewhere (piped, a log): one
 * plain line each time a layer changes state, never the byte ticks, and the totals at the end.
 */
final class Progress {
  private static final int BAR = 30;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintStream out;
  private final boolean terminal;
  private final long start = System.nanoTime();
  private final Map<String, Layer> layers = new LinkedHashMap<>();
  private int drawn; // lines of the live area on screen
  private long lastDraw;

  private static final class Layer {
    String status = "";
    long current;
    long total;
    long done; // bytes counted once the layer's transfer phase ended
  }

  Progress(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  /** Takes one message from the stream. */
  void accept(ProgressMessage m) {
    if (m.stream() != null) { // build output: text as the engine wrote it
      clearLive();
      out.print(m.stream());
      out.flush();
      drawLive(true);
      return;
    }
    if (m.status() == null) {
      return;
    }
    if (m.id() == null || m.id().isEmpty() || !isLayerStatus(m)) {
      clearLive();
      out.println(m.id() == null || m.id().isEmpty() ? m.status() : m.id() + ": " + m.status());
      drawLive(true);
      return;
    }
    Layer l = layers.computeIfAbsent(m.id(), k -> new Layer());
    boolean changed = !l.status.equals(m.status());
    if (changed && transferDone(m.status()) && l.total > 0) {
      l.done = Math.max(l.done, l.total);
    }
    l.status = m.status();
    if (m.progressDetail() != null && m.progressDetail().current() != null && isTransfer(m.status())) {
      l.current = m.progressDetail().current();
      Long t = m.progressDetail().total();
      l.total = t == null ? l.total : Math.max(l.total, t);
    }
    if (terminal) {
      drawLive(changed);
    } else if (changed) {
      out.println(m.id() + ": " + m.status());
    }
  }

  /** The last line: layers, bytes, time and rate. */
  void finish() {
    if (terminal) {
      drawLive(true);
    }
    if (layers.isEmpty()) {
      return;
    }
    double secs = (System.nanoTime() - start) / 1e9;
    out.printf(Locale.ROOT, "%d layers, %s transferred in %.1fs (%s/s)%n", layers.size(), Table.size(bytes()), secs,
        Table.size((long) (bytes() / Math.max(secs, 0.001))));
    out.flush();
  }

  private long bytes() {
    long sum = 0;
    for (Layer l : layers.values()) {
      sum += Math.max(l.done, l.current);
    }
    return sum;
  }

  private long totalBytes() {
    long sum = 0;
    for (Layer l : layers.values()) {
      sum += l.total;
    }
    return sum;
  }

  private static boolean isLayerStatus(ProgressMessage m) {
    String s = m.status();
    // "latest: Pulling from x" and "1: digest: ..." carry a tag in the id, not a layer
    return !s.startsWith("Pulling from") && !s.contains("digest:");
  }

  private static boolean isTransfer(String status) {
    return status.equals("Downloading") || status.equals("Pushing") || status.equals("Extracting");
  }

  private static boolean transferDone(String status) {
    return status.equals("Download complete") || status.equals("Pushed") || status.equals("Pull complete")
        || status.equals("Verifying Checksum");
  }

  private void clearLive() {
    if (terminal && drawn > 0) {
      out.print("\033[" + drawn + "A\033[J");
      drawn = 0;
    }
  }

  private void drawLive(boolean force) {
    if (!terminal || layers.isEmpty()) {
      return;
    }
    long now = System.nanoTime();
    if (!force && now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    StringBuilder b = new StringBuilder();
    if (drawn > 0) {
      b.append("\033[").append(drawn).append('A');
    }
    for (Map.Entry<String, Layer> e : layers.entrySet()) {
      Layer l = e.getValue();
      b.append("\033[2K").append(e.getKey()).append(": ").append(l.status);
      if (isTransfer(l.status) && l.total > 0) {
        int filled = (int) Math.min(BAR, BAR * l.current / l.total);
        b.append(' ').append('[').append("=".repeat(Math.max(0, filled - 1))).append(filled > 0 ? ">" : "")
            .append(" ".repeat(BAR - filled)).append("] ").append(Table.size(l.current)).append('/')
            .append(Table.size(l.total));
      }
      b.append('\n');
    }
    double secs = Math.max((now - start) / 1e9, 0.001);
    b.append("\033[2K").append(String.format(Locale.ROOT, "total %s/%s, %s/s", Table.size(bytes()),
        Table.size(totalBytes()), Table.size((long) (bytes() / secs)))).append('\n');
    drawn = layers.size() + 1;
    out.print(b);
    out.flush();
  }
}
