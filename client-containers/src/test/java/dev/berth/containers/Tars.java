package dev.berth.containers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads and writes small tar archives in tests (regular files, directories, PAX paths). */
final class Tars {
  private Tars() {}

  /** Entry name → content (directories map to null), in archive order. */
  static Map<String, byte[]> read(InputStream in) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    byte[] h = new byte[512];
    String paxPath = null;
    while (true) {
      if (in.readNBytes(h, 0, 512) < 512) {
        throw new IOException("truncated tar");
      }
      boolean zero = true;
      for (byte b : h) {
        zero &= b == 0;
      }
      if (zero) {
        return out;
      }
      String name = cstr(h, 0, 100);
      String prefix = cstr(h, 345, 155);
      if (!prefix.isEmpty()) {
        name = prefix + "/" + name;
      }
      long size = Long.parseLong(cstr(h, 124, 12).trim().isEmpty() ? "0" : cstr(h, 124, 12).trim(), 8);
      char type = (char) h[156];
      byte[] data = in.readNBytes((int) size);
      in.readNBytes((int) ((512 - size % 512) % 512));
      if (type == 'x') {
        for (String rec : new String(data, StandardCharsets.UTF_8).split("\n")) {
          int sp = rec.indexOf(' ');
          if (sp > 0 && rec.substring(sp + 1).startsWith("path=")) {
            paxPath = rec.substring(sp + 6);
          }
        }
        continue;
      }
      if (paxPath != null) {
        name = paxPath;
        paxPath = null;
      }
      out.put(name, type == '5' ? null : data);
    }
  }

  private static String cstr(byte[] b, int off, int len) {
    int end = off;
    while (end < off + len && b[end] != 0) {
      end++;
    }
    return new String(b, off, end - off, StandardCharsets.UTF_8);
  }

  /** A tar with the given regular files. */
  static byte[] of(Map<String, String> files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      dev.berth.client.internal.TarWriter w = new dev.berth.client.internal.TarWriter(out);
      for (Map.Entry<String, String> f : files.entrySet()) {
        byte[] data = f.getValue().getBytes(StandardCharsets.UTF_8);
        w.file(f.getKey(), data.length, 0644, 1_700_000_000L, new java.io.ByteArrayInputStream(data));
      }
      w.finish();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }
}
