package dev.berth.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An aligned text table (columns padded to their widest cell, three spaces apart), and the cell formats. */
final class Table {
  private final List<String[]> rows = new ArrayList<>();

  private final boolean headed;

  /** A table with these column headers. */
  Table(String... headers) {
    rows.add(headers);
    headed = true;
  }

  /** A table of {@code columns} columns without a header line (label: value lists). */
  Table(int columns) {
    rows.add(new String[columns]);
    java.util.Arrays.fill(rows.get(0), "");
    headed = false;
  }

  Table row(Object... cells) {
    String[] r = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      r[i] = cells[i] == null ? "" : cells[i].toString();
    }
    rows.add(r);
    return this;
  }

  void print(PrintStream out) {
    int cols = rows.get(0).length;
    int[] width = new int[cols];
    for (String[] r : rows) {
      for (int i = 0; i < cols; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    StringBuilder b = new StringBuilder();
    for (String[] r : headed ? rows : rows.subList(1, rows.size())) {
      b.setLength(0);
      for (int i = 0; i < cols; i++) {
        b.append(r[i]);
        if (i < cols - 1) {
          b.append(" ".repeat(width[i] - r[i].length() + 3));
        }
      }
      out.println(b.toString().stripTrailing());
    }
  }

  /** The first 12 characters of an ID, without a {@code sha256:} prefix. */
  static String shortId(String id) {
    if (id == null) {
      return "";
    }
    String s = id.startsWith("sha256:") ? id.substring(7) : id;
    return s.length() > 12 ? s.substring(0, 12) : s;
  }

  /** Bytes as the docker CLI shows them (decimal units): {@code 1.2MB}. */
  static String size(long bytes) {
    String[] units = {"B", "kB", "MB", "GB", "TB"};
    double v = bytes;
    int u = 0;
    while (v >= 1000 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    return u == 0 ? bytes + "B" : String.format(Locale.ROOT, v < 10 ? "%.2f%s" : v < 100 ? "%.1f%s" : "%.0f%s", v, units[u]);
  }

  /** "5 seconds ago" from epoch seconds. */
  static String ago(Long epochSeconds) {
    if (epochSeconds == null || epochSeconds <= 0) {
      return "";
    }
    return human(Duration.between(Instant.ofEpochSecond(epochSeconds), Instant.now())) + " ago";
  }

  static String human(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s < 60) {
      return s + (s == 1 ? " second" : " seconds");
    }
    if (s < 3600) {
      return plural(s / 60, "minute");
    }
    if (s < 48 * 3600) {
      return plural(s / 3600, "hour");
    }
    if (s < 14 * 86400) {
      return plural(s / 86400, "day");
    }
    return s < 60 * 86400 ? plural(s / (7 * 86400), "week") : plural(s / (30 * 86400), "month");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }

  /** At most {@code max} characters, with an ellipsis when cut. */
  static String cut(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
