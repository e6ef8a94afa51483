package dev.berth.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a POSIX tar (ustar, with PAX records for long names and large sizes) to a stream,
 * entry by entry, with bounded memory. Not thread-safe.
 *
 * <p>Shared by the container service (copying files in) and the image service (build contexts).
 */
public final class TarWriter {
  private static final int BLOCK = 512;
  private final OutputStream out;
  private final byte[] copy = new byte[32 * 1024];

  public TarWriter(OutputStream out) {
    this.out = out;
  }

  /** Writes {@code source} (file, directory tree or symlink) under the name {@code name}. */
  public void writeTree(Path source, String name) throws IOException {
    if (Files.isSymbolicLink(source)) {
      symlink(name, Files.readSymbolicLink(source).toString(), mtime(source));
    } else if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
      directory(name, mode(source, 0755), mtime(source));
      List<Path> children = new ArrayList<>();
      try (Stream<Path> s = Files.list(source)) {
        s.sorted().forEach(children::add); // stable order: reproducible archives
      }
      for (Path child : children) {
        writeTree(child, name + "/" + child.getFileName());
      }
    } else if (Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
      try (InputStream in = Files.newInputStream(source)) {
        file(name, Files.size(source), mode(source, 0644), mtime(source), in);
      }
    } else {
      throw new IOException("cannot archive " + source + ": not a regular file, directory or symlink");
    }
  }

  /**
   * Writes {@code source} alone (a file with its content, a directory without its children, or a
   * symlink) under the name {@code name}.
   */
  public void writeEntry(Path source, String name) throws IOException {
    if (Files.isSymbolicLink(source)) {
      symlink(name, Files.readSymbolicLink(source).toString(), mtime(source));
    } else if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
      directory(name, mode(source, 0755), mtime(source));
    } else if (Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
      // no link followed even if one replaced the file since the check above
      try (InputStream in = Files.newInputStream(source, LinkOption.NOFOLLOW_LINKS)) {
        file(name, Files.size(source), mode(source, 0644), mtime(source), in);
      }
    } else {
      throw new IOException("cannot archive " + source + ": not a regular file, directory or symlink");
    }
  }

  /** A regular file of exactly {@code size} bytes from {@code in}. */
  public void file(String name, long size, int mode, long mtimeSeconds, InputStream in) throws IOException {
    header(name, '0', size, mode, mtimeSeconds, "");
    long left = size;
    while (left > 0) {
      int n = in.read(copy, 0, (int) Math.min(copy.length, left));
      if (n < 0) {
        throw new IOException(name + " ended " + left + " bytes early while being archived");
      }
      out.write(copy, 0, n);
      left -= n;
    }
    pad(size);
  }

  /** A directory. */
  public void directory(String name, int mode, long mtimeSeconds) throws IOException {
    header(name.endsWith("/") ? name : name + "/", '5', 0, mode, mtimeSeconds, "");
  }

  /** A symbolic link to {@code target}. */
  public void symlink(String name, String target, long mtimeSeconds) throws IOException {
    header(name, '2', 0, 0777, mtimeSeconds, target);
  }

  /** Ends the archive with two zero blocks. */
  public void finish() throws IOException {
    out.write(new byte[2 * BLOCK]);
    out.flush();
  }

  private void header(String name, char type, long size, int mode, long mtime, String link) throws IOException {
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    byte[] linkBytes = link.getBytes(StandardCharsets.UTF_8);
    boolean pax = nameBytes.length > 100 || linkBytes.length > 100 || size > 077777777777L
        || !isAscii(name) || !isAscii(link);
    if (pax) {
      StringBuilder records = new StringBuilder();
      if (nameBytes.length > 100 || !isAscii(name)) {
        records.append(paxRecord("path", name));
      }
      if (linkBytes.length > 100 || !isAscii(link)) {
        records.append(paxRecord("linkpath", link));
      }
      if (size > 077777777777L) {
        records.append(paxRecord("size", Long.toString(size)));
      }
      byte[] data = records.toString().getBytes(StandardCharsets.UTF_8);
      rawHeader("PaxHeader", 'x', data.length, 0644, mtime, "");
      out.write(data);
      pad(data.length);
    }
    rawHeader(truncate(name, 100), type, size > 077777777777L ? 0 : size, mode, mtime, truncate(link, 100));
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 128) {
        return false;
      }
    }
    return true;
  }

  private static String truncate(String s, int max) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length() && sb.length() < max; i++) {
      char c = s.charAt(i);
      sb.append(c < 128 ? c : '_');
    }
    return sb.toString();
  }

  /** A PAX record: "len key=value\n" where len counts the whole record including itself. */
  static String paxRecord(String key, String value) {
    int body = key.getBytes(StandardCharsets.UTF_8).length + value.getBytes(StandardCharsets.UTF_8).length + 3;
    int len = body + Integer.toString(body).length();
    if (Integer.toString(len).length() != Integer.toString(body).length()) {
      len++;
    }
    return len + " " + key + "=" + value + "\n";
  }

  private void rawHeader(String name, char type, long size, int mode, long mtime, String link) throws IOException {
    byte[] h = new byte[BLOCK];
    put(h, 0, 100, name);
    octal(h, 100, 8, mode);
    octal(h, 108, 8, 0);
    octal(h, 116, 8, 0);
    octal(h, 124, 12, size);
    octal(h, 136, 12, Math.max(0, mtime));
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    h[156] = (byte) type;
    put(h, 157, 100, link);
    put(h, 257, 6, "ustar");
    h[263] = '0';
    h[264] = '0';
    int sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    octal(h, 148, 7, sum);
    h[155] = ' ';
    out.write(h);
  }

  private static void put(byte[] h, int off, int len, String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, off, Math.min(len, b.length));
  }

  private static void octal(byte[] h, int off, int len, long v) {
    String s = Long.toOctalString(v);
    int digits = len - 1;
    while (s.length() < digits) {
      s = "0" + s;
    }
    put(h, off, digits, s);
    h[off + digits] = 0;
  }

  private void pad(long size) throws IOException {
    int rem = (int) (size % BLOCK);
    if (rem != 0) {
      out.write(new byte[BLOCK - rem]);
    }
  }

  private static long mtime(Path p) throws IOException {
    return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis() / 1000;
  }

  private static int mode(Path p, int fallback) {
    try {
      return mode(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    } catch (IOException | UnsupportedOperationException e) {
      return fallback;
    }
  }

  /** The permission bits of a tar header, e.g. {@code 0644}. */
  public static int mode(Set<PosixFilePermission> perms) {
    int m = 0;
    for (PosixFilePermission perm : perms) {
      m |= 1 << (8 - perm.ordinal());
    }
    return m;
  }
}
